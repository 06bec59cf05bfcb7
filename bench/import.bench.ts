import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { packFolder } from '../src/node/packet/pack';
import { PacketStore } from '../src/main/services/packet-store';
import { benchManifest } from './bench-manifest';
import { median, type BudgetResult } from './machine';

const VIDEO_MB = 200;

/**
 * Import throughput against the machine's raw "copy + sha256" throughput, measured in the same
 * run on the same file. The packet is ~200 MB, mostly video: a real demo WebM's header and
 * clusters repeated to size (import never decodes video, so the bytes need only look like it).
 */
export async function benchImport(work: string): Promise<BudgetResult> {
  const folder = join(work, 'import-src');
  await mkdir(join(folder, 'video'), { recursive: true });
  const seed = await readFile(
    resolve(import.meta.dirname, '../resources/demo/media/g4-reading-main-idea-small-group.webm'),
  );
  const video = createWriteStream(join(folder, 'video', 'lesson.webm'));
  let written = 0;
  while (written < VIDEO_MB * 1024 * 1024) {
    const chunk = written === 0 ? seed : Buffer.concat([seed.subarray(4096), randomBytes(1024)]);
    if (!video.write(chunk)) await new Promise<void>((r) => video.once('drain', () => r()));
    written += chunk.length;
  }
  await new Promise<void>((r) => video.end(() => r()));
  await writeFile(join(folder, 'notes.txt'), 'Bench packet.\n'.repeat(1000));
  await writeFile(
    join(folder, 'manifest.json'),
    JSON.stringify(
      benchManifest('11111111-2222-4333-8444-555555555555', 'Imports quickly.', [
        { id: 'video', kind: 'video', title: 'Lesson video', path: 'video/lesson.webm', mediaType: 'video/webm' },
        { id: 'notes', kind: 'text', title: 'Notes', path: 'notes.txt', mediaType: 'text/plain' },
      ]),
    ),
  );
  const packet = join(work, 'bench-200mb.anchor');
  const packed = await packFolder(folder, packet);
  if (!packed.ok) throw new Error(JSON.stringify(packed.problems));
  const megabytes = packed.bytes / 1024 / 1024;

  const copyTimes: number[] = [];
  const importTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const copyTarget = join(work, 'copy.bin');
    let start = performance.now();
    const hash = createHash('sha256');
    // The best plain Node copy: 1 MiB reads, hashed as they pass, 1 MiB write buffer.
    const source = createReadStream(packet, { highWaterMark: 1024 * 1024 });
    source.on('data', (chunk) => hash.update(chunk as Buffer));
    await pipeline(source, createWriteStream(copyTarget, { highWaterMark: 1024 * 1024 }));
    hash.digest('hex');
    copyTimes.push(performance.now() - start);
    await rm(copyTarget);

    const dataDir = join(work, `import-data-${run}`);
    const store = await new PacketStore(dataDir).open();
    start = performance.now();
    const outcome = await store.import(packet);
    importTimes.push(performance.now() - start);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    await rm(dataDir, { recursive: true, force: true });
  }
  const copyRate = megabytes / (median(copyTimes) / 1000);
  const importRate = megabytes / (median(importTimes) / 1000);
  const ratio = importRate / copyRate;
  return {
    budget: `Import a ${Math.round(megabytes)} MB packet (mostly video)`,
    measured: `${importRate.toFixed(0)} MB/s = ${ratio.toFixed(2)} × raw copy+sha256 (${copyRate.toFixed(0)} MB/s); median of 3`,
    limit: '≥ 0.8 × raw copy+sha256',
    pass: ratio >= 0.8,
  };
}
