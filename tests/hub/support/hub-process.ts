import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');

export interface HubProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Ends the process (and whatever wraps it) with `signal`; resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `anchor hub` as a process of its own on `data`; resolves with it and its URL once it
 * listens. `wrap` runs it under another program (e.g. strace): the wrapper and the hub get a
 * process group of their own, so that stop() signals both, hub included.
 */
export function startHubProcess(data: string, { wrap = [] }: { wrap?: string[] } = {}): Promise<HubProcess> {
  const hubArgs = [process.execPath, '--import', 'tsx', 'src/cli/anchor.ts', 'hub', '--port', '0', '--data', data];
  const [command, ...args] = [...wrap, ...hubArgs];
  const child = spawn(command!, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], detached: wrap.length > 0 });
  let output = '';
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      if (wrap.length) process.kill(-child.pid!, signal);
      else child.kill(signal);
    }
    await exited(child);
  };
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolvePromise({ child, url, output: () => output, stop });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before listening:\n${output}`)));
  });
}

/** Resolves once `child` has exited (at once when it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));
}
