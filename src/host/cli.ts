import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoHub } from '../demo/demo-hub';
import { ensurePrivateFolder, restrictNewFiles } from '../node/files/private-folder';
import { startHost } from './server';
import { chooseWebPort, portTakenMessage, rememberWebPort } from './web-port';

/** `npm run web`: serves Anchor to a browser on this machine only. */
async function main(): Promise<void> {
  // Drafts, reviews and pulled evidence are the assessor's alone: new files 0600, folders 0700.
  restrictNewFiles();
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? process.env.ANCHOR_DATA_DIR ?? defaultDataDir());
  // startHost checks the folder too; it is needed private before the port is remembered in it.
  await ensurePrivateFolder(dataDir);
  const port = await chooseWebPort(dataDir, values.port);
  const host = await startHost({
    dataDir,
    webRoot: resolve(import.meta.dirname, '../../out/web'),
    port,
    version: process.env.npm_package_version ?? '0.0.0',
    demoHub: values.demo ? createDemoHub : undefined,
  }).catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new Error(portTakenMessage(port)) : error;
  });
  await rememberWebPort(dataDir, port);
  console.log(`Anchor (browser mode) is running. Data folder: ${dataDir}`);
  if (values.demo)
    console.log('A local demo hub is offered on the Hub screen (demo accounts, password "anchor-demo").');
  console.log(`Open this link in your browser (it carries this run's access token):\n\n  ${host.launchUrl}\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function defaultDataDir(): string {
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'anchor');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
