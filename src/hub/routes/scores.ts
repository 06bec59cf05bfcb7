import { ErrorBody, PutScoreRequest, ScoreConflictBody, ScoreReceipt, ScoreView } from '../../shared/contract/hub-api';
import { seesEverything } from '../auth/principal';
import { notFound } from '../http/errors';
import { defineRoute } from '../http/route';
import { findScore, putScore, scoreForReader } from '../services/scores';
import { PARAMS } from './params';

const TAG = 'Scores';

export const putScoreRoute = defineRoute({
  method: 'PUT',
  path: '/api/v1/scores/{scoreId}',
  operationId: 'putScore',
  summary: 'Upload a submitted review, exactly once',
  description:
    "Idempotent by scoreId (the review's own id): the same body again answers 200 with the first receipt. " +
    "baseRevision names the revision this one replaces (0 for a first review); when the hub's latest revision " +
    'for this packet and assessor differs, the answer is 409 with the hub\'s version in "server". ' +
    "record.assessorId must be the caller's username; the packet must be assigned to the caller in an open window.",
  tag: TAG,
  access: ['assessor'],
  params: { scoreId: PARAMS.scoreId },
  body: PutScoreRequest,
  responses: {
    201: { description: 'Stored', schema: ScoreReceipt },
    200: { description: 'Already stored: the receipt of the first upload', schema: ScoreReceipt },
    400: { description: 'Malformed body, or the record does not fit the packet', schema: ErrorBody },
    403: { description: 'The review window is not open', schema: ErrorBody },
    404: { description: 'The packet is not assigned to you', schema: ErrorBody },
    409: { description: 'Stale baseRevision, or a different record under this id', schema: ScoreConflictBody },
  },
  async handle({ hub, principal, params, body }) {
    const outcome = await putScore(hub, principal, params.scoreId, await body());
    return { status: outcome.status, body: outcome.receipt };
  },
});

export const getScore = defineRoute({
  method: 'GET',
  path: '/api/v1/scores/{scoreId}',
  operationId: 'getScore',
  summary: 'A stored score with its receipt',
  description: "Assessors read their own scores; chairs and admins any, without the assessor's private notes.",
  tag: TAG,
  access: ['assessor', 'chair', 'admin'],
  params: { scoreId: PARAMS.scoreId },
  responses: {
    200: { description: 'The score', schema: ScoreView },
    404: { description: 'No such score, or not yours', schema: ErrorBody },
  },
  async handle({ hub, principal, params }) {
    const score = await findScore(hub.db, params.scoreId);
    if (!score || (score.assessorId !== principal.userId && !seesEverything(principal))) throw notFound('The score');
    return { status: 200, body: scoreForReader(score, principal) };
  },
});
