import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { writeDemoSet } from '../src/demo/demo-set';
import { DEMO_ANCHORS, DEMO_MASTERS } from '../src/demo/norming-seed';
import { ingestPacket } from '../src/hub/services/ingest-packet';
import { createSession, putNormingScore, revealSession } from '../src/hub/services/norming';
import { CreateNormingSessionRequest } from '../src/shared/contract/norming';
import type { ScoreRecord } from '../src/shared/domain/score';
import { BENCH_PASSWORD, seedUsers, startBenchHub } from './hub-seed';
import { median, type BudgetResult } from './machine';

const LEVELS = ['beginning', 'developing', 'proficient', 'exemplary'];

/**
 * A session's calibration report, PDF with a chart per anchor and criterion, for 50 participants
 * who each scored the demo's three anchors on four criteria: from the facilitator's request to the
 * last byte, over HTTP, on PGlite.
 */
export async function benchNormingReport(work: string): Promise<BudgetResult> {
  const hub = await startBenchHub(join(work, 'norming-report'));
  try {
    const context = hub.running.hub;
    const [facilitator] = await seedUsers(hub.running, ['facilitator1'], ['facilitator']);
    const participants = await seedUsers(
      hub.running,
      Array.from({ length: 50 }, (_, i) => `assessor${i + 1}`),
    );
    const staff = {
      userId: facilitator!.id,
      username: 'facilitator1',
      roles: ['facilitator'] as const,
      sessionId: '',
      accessExpiresAt: 0,
    };
    const anchors: { packetId: string; masters: (typeof DEMO_MASTERS)[string] }[] = [];
    for (const [index, file] of (await writeDemoSet(join(work, 'norming-anchors'), DEMO_ANCHORS)).entries()) {
      const outcome = await ingestPacket(context, file, { uploadedBy: null, school: null, district: null });
      if (!outcome.ok) throw new Error('bench anchor refused');
      anchors.push({
        packetId: outcome.packet.packetId,
        masters: DEMO_MASTERS[DEMO_ANCHORS[index]!.pseudonym.replace('Anchor ', '')]!,
      });
    }
    const session = await createSession(
      context,
      staff,
      CreateNormingSessionRequest.parse({
        title: 'Bench calibration',
        credentialId: 'checking-for-understanding',
        mode: 'qualification',
        anchors,
        participantIds: participants.map((p) => p.id),
      }),
    );
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const participant of participants) {
      const principal = {
        userId: participant.id,
        username: participant.username,
        roles: ['assessor'] as const,
        sessionId: '',
        accessExpiresAt: 0,
      };
      for (const anchor of anchors) {
        const record: ScoreRecord = {
          id: randomUUID(),
          packetId: anchor.packetId,
          rubricId: 'checking-for-understanding-rubric',
          rubricVersion: '1.3',
          assessorId: participant.username,
          revision: 1,
          criteria: anchor.masters.map((m) => {
            const drift = random() < 0.65 ? 0 : random() < 0.5 ? -1 : 1;
            const at = Math.min(3, Math.max(0, LEVELS.indexOf(m.levelId) + drift));
            return { criterionId: m.criterionId, levelId: LEVELS[at]!, rationale: 'Seen in the evidence.' };
          }),
          comments: [],
          decision: { kind: 'earned' },
          candidateFeedback: { overall: '', byCriterion: [] },
          privateNotes: '',
          createdAt: new Date().toISOString(),
        };
        await putNormingScore(context, principal, session.id, record.id, { baseRevision: 0, record });
      }
    }
    await revealSession(context, staff, session.id);
    const signIn = await fetch(`${hub.running.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'facilitator1', password: BENCH_PASSWORD }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 6; run++) {
      const start = performance.now();
      const response = await fetch(`${hub.running.url}/api/v1/norming/sessions/${session.id}/report?format=pdf`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`report failed: ${response.status}`);
      times.push(performance.now() - start);
    }
    const warm = times.slice(1);
    const measured = median(warm);
    return {
      budget:
        "A session's calibration report, PDF with charts, for 50 participants (3 anchors × 4 criteria, PGlite, over HTTP)",
      measured: `median ${measured.toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms`,
      notes: `${(bytes / 1024).toFixed(0)} KB; first request ${times[0]!.toFixed(0)} ms; medians of 5 after it`,
      limit: '≤ 2000 ms',
      pass: measured <= 2000 && times[0]! <= 2000,
    };
  } finally {
    await hub.close();
  }
}
