import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PullState } from '../../shared/contract/hub-bridge';

/**
 * Download folders left by pulls that never reached the library (Anchor closed, or crashed, in
 * the middle of a pull), sorted against the hub's current list:
 * - packets still assigned are to be pulled again, which resumes their partial files with Range;
 * - packets no longer assigned lose the folder: a candidate's evidence must not stay on a
 *   computer that is no longer assessing it (as pulled packets leave, evidence-retention.ts).
 * Packets the pull queue knows already are left to it (and an active pull's folder alone).
 */
export async function sortUnfinishedDownloads(
  downloadsDir: string,
  assigned: ReadonlySet<string>,
  pulls: readonly PullState[],
): Promise<{ resume: string[]; removed: string[] }> {
  const known = new Set(pulls.map((pull) => pull.packetId));
  const active = new Set(
    pulls.filter((pull) => pull.state === 'queued' || pull.state === 'pulling').map((pull) => pull.packetId),
  );
  const entries = await readdir(downloadsDir, { withFileTypes: true }).catch(() => []);
  const resume: string[] = [];
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const packetId = entry.name;
    if (assigned.has(packetId)) {
      if (!known.has(packetId)) resume.push(packetId);
    } else if (!active.has(packetId)) {
      await rm(join(downloadsDir, packetId), { recursive: true, force: true });
      removed.push(packetId);
    }
  }
  return { resume, removed };
}
