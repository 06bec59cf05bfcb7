import { spawnSync } from 'node:child_process';

/** Why strace cannot be used here, or undefined when it can. */
export function straceMissing(): string | undefined {
  const probe = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  if (probe.error) return `strace is not installed (${probe.error.message}); apt-get install strace`;
  return undefined;
}

/** The command prefix that traces a process and its threads into `file`, file descriptors named. */
export function straceWrap(file: string, syscalls: string[]): string[] {
  // -f: Node's worker threads and children too; -yy: fds as paths and TCP endpoints; -s: enough
  // of each buffer to recognise an HTTP request or response.
  return ['strace', '-f', '-yy', '-s', '96', '-e', `trace=${syscalls.join(',')}`, '-o', file];
}

export interface Syscall {
  pid: string;
  name: string;
  /** The arguments and result as strace printed them (both halves of an interrupted call joined). */
  text: string;
  /** Line of the trace where the call began, and where it returned. */
  began: number;
  ended: number;
}

const COMPLETE = /^(\d+)\s+(\w+)\((.*)$/;
const UNFINISHED = / <unfinished \.\.\.>$/;
const RESUMED = /^(\d+)\s+<\.\.\. (\w+) resumed>(.*)$/;

/**
 * Parses `strace -f -o` output into calls in the order they began. A call that another thread
 * interrupted is printed as `<unfinished ...>` and later `<... name resumed>`; the two are joined.
 */
export function parseTrace(trace: string): Syscall[] {
  const calls: Syscall[] = [];
  const pending = new Map<string, Syscall>();
  trace.split('\n').forEach((line, index) => {
    const resumed = RESUMED.exec(line);
    if (resumed) {
      const call = pending.get(`${resumed[1]}:${resumed[2]}`);
      if (call) {
        call.text += resumed[3];
        call.ended = index;
        pending.delete(`${resumed[1]}:${resumed[2]}`);
      }
      return;
    }
    const match = COMPLETE.exec(line);
    if (!match) return;
    const call: Syscall = { pid: match[1]!, name: match[2]!, text: match[3]!, began: index, ended: index };
    if (UNFINISHED.test(line)) {
      call.text = call.text.replace(UNFINISHED, '');
      pending.set(`${call.pid}:${call.name}`, call);
    }
    calls.push(call);
  });
  return calls;
}
