import { implementRoute } from '../http/route';
import { pauseScorer, resumeScorer, scorerQuality } from '../services/scorer-quality';
import { listValidity, markValidityPacket } from '../services/validity';

export const getValidityPackets = implementRoute('listValidityPackets', async ({ hub, principal, params }) => {
  return { status: 200, body: await listValidity(hub, params.windowId, principal.userId) };
});

export const putValidityPacket = implementRoute('markValidityPacket', async ({ hub, principal, params, body }) => {
  const request = await body();
  return {
    status: 200,
    body: await markValidityPacket(
      hub,
      { windowId: params.windowId, packetId: params.packetId, request },
      principal.userId,
    ),
  };
});

export const getScorers = implementRoute('listScorers', async ({ hub, principal, params }) => {
  return { status: 200, body: await scorerQuality(hub, params.windowId, principal.userId) };
});

export const postPauseScorer = implementRoute('pauseScorer', async ({ hub, principal, params, body }) => {
  const { reason, recalibrate } = await body();
  return {
    status: 200,
    body: await pauseScorer(
      hub,
      { windowId: params.windowId, userId: params.userId, reason, recalibrate },
      principal.userId,
    ),
  };
});

export const postResumeScorer = implementRoute('resumeScorer', async ({ hub, principal, params, body }) => {
  const { reason } = await body();
  return {
    status: 200,
    body: await resumeScorer(hub, { windowId: params.windowId, userId: params.userId, reason }, principal.userId),
  };
});
