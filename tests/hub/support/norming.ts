import { scoreRecord } from '../../support/packets';
import { uploadPacket, type TestHub, type TestUser } from './hub';

/** The test packets' credential and their rubric's one criterion (levels l1–l4). */
export const CREDENTIAL = 'cfu';
export const CRITERION = 'design';

export interface NormingFixture {
  sessionId: string;
  packetIds: string[];
}

/**
 * Creates a norming session over fresh anchor packets, one per master level given, with these
 * participants; `revealed` reveals it too. `staff` must be a facilitator or admin; `uploader` an admin.
 */
export async function normingSession(
  hub: TestHub,
  options: {
    staff: TestUser;
    uploader: TestUser;
    participants: TestUser[];
    masters?: string[];
    mode?: 'calibration' | 'qualification';
    revealed?: boolean;
    rationale?: string;
  },
): Promise<NormingFixture> {
  const masters = options.masters ?? ['l3'];
  const packetIds: string[] = [];
  for (let i = 0; i < masters.length; i++) packetIds.push(await uploadPacket(hub, options.uploader));
  const answer = await hub.api('POST', '/api/v1/norming/sessions', {
    token: options.staff.token,
    json: {
      title: 'Calibration: checking for understanding',
      credentialId: CREDENTIAL,
      mode: options.mode ?? 'calibration',
      anchors: packetIds.map((packetId, i) => ({
        packetId,
        masters: [
          { criterionId: CRITERION, levelId: masters[i], rationale: options.rationale ?? `Master rationale ${i + 1}` },
        ],
      })),
      participantIds: options.participants.map((p) => p.id),
      thresholds: { minExact: 0.7, minAdjacent: 0.95, unscorableFails: true, validDays: 365 },
    },
  });
  if (answer.status !== 201) throw new Error(`norming session failed: ${answer.status} ${answer.body.toString()}`);
  const sessionId: string = answer.json().id;
  if (options.revealed) {
    const reveal = await hub.api('POST', `/api/v1/norming/sessions/${sessionId}/reveal`, {
      token: options.staff.token,
    });
    if (reveal.status !== 200) throw new Error(`reveal failed: ${reveal.status} ${reveal.body.toString()}`);
  }
  return { sessionId, packetIds };
}

/** A participant's norming score for one anchor at one level. */
export async function scoreAnchor(
  hub: TestHub,
  sessionId: string,
  participant: TestUser,
  packetId: string,
  levelId: string,
  { rationale = 'Seen in the lesson video.', revision = 1, baseRevision = 0 } = {},
) {
  const record = scoreRecord(packetId, participant.username, {
    revision,
    criteria: [{ criterionId: CRITERION, levelId, rationale }],
  });
  return hub.api('PUT', `/api/v1/norming/sessions/${sessionId}/scores/${record.id}`, {
    token: participant.token,
    json: { baseRevision, record },
  });
}
