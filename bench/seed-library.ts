import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultFiles, manifestFor } from '../tests/support/packets';

const CREDENTIALS = ['Checking for Understanding', 'Analyzing Student Work', 'Using Exit Tickets Effectively'];

/**
 * Writes `count` packets straight into a data folder's local workspace in the packet store's on-disk layout
 * (manifest + import record), so a queue of 10,000 can be benchmarked without 10,000 imports.
 * Their evidence files are absent: these packets are for listing, not for opening.
 */
export async function seedLibrary(dataDir: string, count: number): Promise<void> {
  const files = await defaultFiles();
  for (let n = 0; n < count; n++) {
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const manifest = manifestFor(files, id);
    manifest.candidate.pseudonym = `Candidate L-${String(n).padStart(5, '0')}`;
    manifest.credential.title = CREDENTIALS[n % 3]!;
    manifest.submittedAt = new Date(Date.UTC(2026, 8, 1) + (n % 90) * 86_400_000).toISOString();
    manifest.attempt =
      n % 5 === 0
        ? {
            number: 2,
            previous: [
              { number: 1, decision: 'not-yet', decidedAt: '2026-08-01T00:00:00Z', feedback: 'More evidence.' },
            ],
          }
        : { number: 1, previous: [] };
    const folder = join(dataDir, 'workspaces', 'local', 'packets', id);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(
      join(folder, '.anchor-import.json'),
      JSON.stringify({
        importedAt: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(),
        manifestSha256: 'seeded',
        sourceName: `p${n}.anchor`,
      }),
    );
  }
}
