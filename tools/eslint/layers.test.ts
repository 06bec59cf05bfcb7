import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Threat: a layer quietly reaching into another (the renderer into Node, the hub into the
 * desktop app) until the layers are layers in name only. Each case plants one violation in a
 * file of the named layer and expects the lint run the gates use to fail on it.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'anchor/layers').map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['src/renderer/features/x.ts', "import { a } from '../../main/backend';", 'src/renderer may not import src/main'],
    ['src/renderer/features/x.ts', "import { a } from '../../node/packet/limits';", 'may not import src/node'],
    ['src/renderer/features/x.ts', "import { readFile } from 'fs/promises';", 'Node built-in'],
    ['src/shared/x.ts', "import { join } from 'node:path';", 'Node built-in'],
    ['src/shared/x.ts', "import { createHash } from 'crypto';", 'Node built-in'],
    ['src/shared/x.ts', "import { a } from '../hub/server';", 'src/shared may not import src/hub'],
    ['src/hub/x.ts', "import { a } from '../main/backend';", 'src/hub may not import src/main'],
    ['src/hub/services/x.ts', "export { a } from '../../main/hub/hub-client';", 'src/hub may not import src/main'],
    ['src/main/hub/x.ts', "import { a } from '../../hub/server';", 'src/main may not import src/hub'],
    ['src/main/x.ts', "const m = await import('../hub/server');", 'src/main may not import src/hub'],
    ['src/main/x.ts', "import { a } from '../demo/demo-hub';", 'src/main may not import src/demo'],
    ['src/node/x.ts', "import { a } from '../main/backend';", 'src/node may not import src/main'],
    ['src/demo/x.ts', "import { a } from '../main/backend';", 'src/demo may not import src/main'],
  ])('%s: %s fails lint', async (file, code, message) => {
    expect((await lintAs(file, code)).join('\n')).toContain(message);
  });

  it.each([
    ['src/main/hub/x.ts', "import { a } from '../services/packet-store';"],
    ['src/main/x.ts', "import { a } from './hub/hub-client';"],
    ['src/hub/x.ts', "import { a } from '../node/packet/read-packet';"],
    ['src/host/cli.ts', "import { a } from '../demo/demo-hub';"],
    ['src/main/electron/index.ts', "import { a } from '../../demo/demo-hub';"],
    ['src/renderer/x.ts', "import { a } from '../shared/domain/score';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await lintAs(file, code)).toEqual([]);
  });
});
