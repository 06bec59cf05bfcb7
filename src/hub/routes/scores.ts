import { seesEverything } from '../auth/principal';
import { notFound } from '../http/errors';
import { isConflicted } from '../store/conflicts';
import { implementRoute } from '../http/route';
import { findScore, putScore, scoreForReader } from '../services/scores';

export const putScoreRoute = implementRoute('putScore', async ({ hub, principal, params, body }) => {
  const outcome = await putScore(hub, principal, params.scoreId, await body());
  return { status: outcome.status, body: outcome.receipt };
});

export const getScore = implementRoute('getScore', async ({ hub, principal, params }) => {
  const score = await findScore(hub.db, params.scoreId);
  if (!score || (score.assessorId !== principal.userId && !seesEverything(principal))) throw notFound('The score');
  if (await isConflicted(hub.db, principal.userId, score.view.record.packetId)) throw notFound('The score');
  return { status: 200, body: scoreForReader(score, principal) };
});
