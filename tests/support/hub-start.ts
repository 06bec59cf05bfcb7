import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { copyDemoTemplate, ensureHubTemplate } from '../../src/demo/hub-template';
import { MIGRATIONS } from '../../src/hub/db/migrations';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';

// Migrating a new embedded hub takes about 4.5 s on the CI machine; copying a migrated, empty one
// and opening it takes about 1.3 s. Test hubs start from that copy, made once per schema (the key
// hashes the migrations) in .cache/test-hub-template; the hub's own start is unchanged (it finds
// every migration applied), and tests of a hub's first start or of its folder call startHub.

const TEMPLATE_ROOT = join(import.meta.dirname, '../../.cache/test-hub-template');
let template: Promise<string> | undefined;

function emptyHubTemplate(): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 16);
  template ??= ensureHubTemplate(
    TEMPLATE_ROOT,
    key,
    async () => undefined,
    () => undefined,
  );
  return template;
}

/** startHub, but an embedded hub in a new data folder starts as a copy of an empty migrated one. */
export async function startHubFromTemplate(options: HubOptions): Promise<RunningHub> {
  const fresh = options.dataDir && !options.databaseUrl && !(await stat(options.dataDir).catch(() => undefined));
  if (fresh) await copyDemoTemplate(await emptyHubTemplate(), options.dataDir!);
  return startHub(options);
}
