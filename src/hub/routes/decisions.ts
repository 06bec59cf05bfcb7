import { Uuid } from '../../shared/domain/common';
import { ApiError } from '../http/errors';
import { API_HEADERS } from '../http/respond';
import { implementRoute } from '../http/route';
import {
  batchDecide,
  decide,
  decisionWorkspace,
  getAdjudication,
  getThread,
  postThread,
  resolveAdjudication,
} from '../services/decisions';
import { candidateReport, release, releasedOutcomes, revealIdentity, setIdentity } from '../services/releases';

export const getAdjudicationRoute = implementRoute('getAdjudication', async ({ hub, principal, params }) => ({
  status: 200,
  body: await getAdjudication(hub, principal, params.adjudicationId),
}));

export const putResolutionRoute = implementRoute('resolveAdjudication', async ({ hub, principal, params, body }) => ({
  status: 200,
  body: await resolveAdjudication(hub, principal, params.adjudicationId, await body()),
}));

export const getThreadRoute = implementRoute('getPacketThread', async ({ hub, principal, params }) => ({
  status: 200,
  body: await getThread(hub, principal, params.windowId, params.packetId),
}));

export const postThreadRoute = implementRoute('postPacketThread', async ({ hub, principal, params, body }) => ({
  status: 201,
  body: await postThread(hub, principal, params.windowId, params.packetId, (await body()).body),
}));

export const getDecisionRoute = implementRoute('getDecisionWorkspace', async ({ hub, principal, params }) => ({
  status: 200,
  body: await decisionWorkspace(hub, principal, params.windowId, params.packetId),
}));

export const putDecisionRoute = implementRoute('decidePacket', async ({ hub, principal, params, body }) => ({
  status: 200,
  body: await decide(hub, principal, params.windowId, params.packetId, await body()),
}));

export const postBatchDecideRoute = implementRoute('batchDecide', async ({ hub, principal, params, body }) => ({
  status: 200,
  body: await batchDecide(hub, principal, params.windowId, await body()),
}));

export const postReleaseRoute = implementRoute('releaseDecisions', async ({ hub, principal, params, body }) => ({
  status: 201,
  body: await release(hub, principal, params.windowId, await body()),
}));

export const getReleasesRoute = implementRoute('listReleasedOutcomes', async ({ hub, query }) => {
  const windowId = query.get('windowId') ?? undefined;
  if (windowId !== undefined && !Uuid.safeParse(windowId).success) {
    throw new ApiError(400, 'invalid-query', 'windowId must be a UUID.');
  }
  return { status: 200, body: { outcomes: await releasedOutcomes(hub, windowId) } };
});

export const getCandidateReportRoute = implementRoute(
  'getCandidateReport',
  async ({ hub, principal, params, query, res }) => {
    const format = query.get('format') ?? 'pdf';
    if (format !== 'pdf' && format !== 'json') {
      throw new ApiError(400, 'invalid-query', `format must be pdf or json, not "${format}".`);
    }
    const report = await candidateReport(hub, principal, params.windowId, params.packetId, format);
    if ('json' in report) return { status: 200, body: report.json };
    const bytes = Buffer.from(report.pdf);
    res.writeHead(200, {
      ...API_HEADERS,
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.length),
      'Content-Disposition': `attachment; filename="candidate-report-${params.packetId}.pdf"`,
    });
    res.end(bytes);
  },
);

export const putIdentityRoute = implementRoute('putCandidateIdentity', async ({ hub, principal, params, body }) => ({
  status: 200,
  body: await setIdentity(hub, principal, params.packetId, await body()),
}));

export const postRevealRoute = implementRoute('revealIdentity', async ({ hub, principal, params, body }) => ({
  status: 200,
  body: await revealIdentity(hub, principal, params.windowId, params.packetId, (await body()).reason),
}));
