import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds the repository's resources/ folder by walking up from this module, so the demo code
 * works from src/demo (tsx, vitest) and from the bundled out/main alike. A packaged app
 * passes its own resources path instead.
 */
export function findResourcesDir(start: string = import.meta.dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'demo', 'credentials'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`no resources/demo folder above ${start}`);
  }
}

export function demoMediaDir(resourcesDir: string): string {
  return join(resourcesDir, 'demo', 'media');
}

export function demoCredentialsDir(resourcesDir: string): string {
  return join(resourcesDir, 'demo', 'credentials');
}
