import { readdir, readFile } from 'node:fs/promises';

/**
 * Resident memory of the largest Chromium renderer process, in MB (Linux /proc). Only the bench's
 * own Chromium runs while it measures, so the largest renderer is the one showing Anchor.
 */
export async function largestRendererRssMb(): Promise<number> {
  let largest = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      largest = Math.max(largest, kb / 1024);
    } catch {
      // the process ended while we looked
    }
  }
  return largest;
}
