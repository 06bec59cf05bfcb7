import type { BridgeHandlers } from '../../shared/contract/bridge';
import type { BACK_READING_CHANNELS } from '../../shared/contract/back-reading';
import { anchorLabel } from '../../shared/review/export/anchor-label';
import type { HubClient } from './hub-client';
import { toBridgeError } from './hub-error';

type BackReadingHandlers = Pick<BridgeHandlers, keyof typeof BACK_READING_CHANNELS>;

/**
 * The back-reader's channels: each one hub route; the hub alone decides who may back-read (lead,
 * chair, admin) and answers 404 for a packet the reader is conflicted with. The packet view adds
 * the rubric and each comment's anchor in words, read off the packet's manifest, so the screen can
 * order the criteria and say where each comment points.
 */
export function backReadingHandlers(client: () => HubClient): BackReadingHandlers {
  return {
    'backReading.list': ({ windowId, assessorId }) =>
      client()
        .ok('listBackReading', { params: { windowId }, query: assessorId ? { assessorId } : undefined })
        .catch(toBridgeError),
    'backReading.packet': async ({ windowId, packetId }) => {
      const packet = await client().ok('getBackReading', { params: { windowId, packetId } }).catch(toBridgeError);
      // The manifest is a nicety here (names for criteria and anchors): its absence leaves ids.
      const manifest = await client()
        .packet(packetId)
        .then((view) => view.manifest)
        .catch(() => undefined);
      const anchorLabels: Record<string, string> = {};
      if (manifest) {
        for (const scoring of packet.scorings) {
          for (const comment of scoring.record.comments)
            anchorLabels[comment.id] = anchorLabel(comment.anchor, manifest);
        }
      }
      return { packet, rubric: manifest?.rubric ?? null, anchorLabels };
    },
    'backReading.note': ({ windowId, packetId, text }) =>
      client().ok('postBackReadNote', { params: { windowId, packetId }, json: { text } }).catch(toBridgeError),
    'backReading.adjudicate': ({ windowId, packetId, reason }) =>
      client()
        .ok('postBackReadAdjudication', { params: { windowId, packetId }, json: { reason } })
        .catch(toBridgeError),
  };
}
