import { normingReportPdf } from '../../shared/norming/report-pdf';
import { csvDocument } from '../../shared/review/export/csv';
import type { NormingReport } from '../../shared/contract/norming';
import { ApiError } from '../http/errors';
import { API_HEADERS } from '../http/respond';
import { implementRoute } from '../http/route';
import {
  closeSession,
  createSession,
  listNormingScores,
  listSessionsFor,
  putNormingScore,
  recordConsensus,
  reopenFor,
  revealSession,
  sessionReport,
  sessionView,
} from '../services/norming';

export const postNormingSession = implementRoute('createNormingSession', async ({ hub, principal, body }) => ({
  status: 201,
  body: await createSession(hub, principal, await body()),
}));

export const getNormingSessions = implementRoute('listNormingSessions', async ({ hub, principal }) => ({
  status: 200,
  body: { sessions: await listSessionsFor(hub, principal) },
}));

export const getNormingSession = implementRoute('getNormingSession', async ({ hub, principal, params }) => ({
  status: 200,
  body: await sessionView(hub, principal, params.sessionId),
}));

export const putNormingScoreRoute = implementRoute('putNormingScore', async ({ hub, principal, params, body }) => {
  const outcome = await putNormingScore(hub, principal, params.sessionId, params.scoreId, await body());
  return { status: outcome.status, body: outcome.receipt };
});

export const getNormingScores = implementRoute('listNormingScores', async ({ hub, principal, params }) => ({
  status: 200,
  body: { scores: await listNormingScores(hub, principal, params.sessionId) },
}));

export const postNormingReveal = implementRoute('revealNormingSession', async ({ hub, principal, params }) => ({
  status: 200,
  body: await revealSession(hub, principal, params.sessionId),
}));

export const putNormingConsensus = implementRoute('putNormingConsensus', async ({ hub, principal, params, body }) => ({
  status: 200,
  body: await recordConsensus(hub, principal, params.sessionId, params.criterionId, await body()),
}));

export const postNormingReopen = implementRoute('reopenNormingParticipant', async ({ hub, principal, params }) => ({
  status: 200,
  body: await reopenFor(hub, principal, params.sessionId, params.userId),
}));

export const postNormingClose = implementRoute('closeNormingSession', async ({ hub, principal, params }) => ({
  status: 200,
  body: await closeSession(hub, principal, params.sessionId),
}));

export const getNormingReport = implementRoute('getNormingReport', async ({ hub, params, query, res }) => {
  const format = query.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'pdf') {
    throw new ApiError(400, 'invalid-query', `format must be json, csv or pdf, not "${format}".`);
  }
  const report = await sessionReport(hub, params.sessionId);
  if (format === 'json') return { status: 200, body: report };
  const bytes = format === 'csv' ? Buffer.from(reportCsv(report)) : Buffer.from(await normingReportPdf(report));
  res.writeHead(200, {
    ...API_HEADERS,
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf',
    'Content-Length': String(bytes.length),
    'Content-Disposition': `attachment; filename="norming-${params.sessionId}.${format}"`,
  });
  res.end(bytes);
});

/** One row per assessor (their agreement with the masters), then one per criterion (agreement among them). */
function reportCsv(report: NormingReport): string {
  const rows: (string | number | undefined)[][] = [
    [
      'section',
      'assessor',
      'criterion',
      'compared',
      'exact',
      'adjacent',
      'quadratic_weighted_kappa',
      'mean_signed_difference',
      'gwet_ac1',
      'fleiss_kappa',
      'krippendorff_alpha_ordinal',
      'flagged',
      'qualified',
      'shortfalls',
    ],
  ];
  const n = (x: number | null) => (x === null ? undefined : Number(x.toFixed(4)));
  for (const a of report.assessors) {
    rows.push([
      'assessor',
      a.username,
      undefined,
      a.compared,
      n(a.exact),
      n(a.adjacent),
      n(a.quadraticWeightedKappa),
      n(a.meanSignedDifference),
      undefined,
      undefined,
      undefined,
      undefined,
      a.qualified ? 'yes' : 'no',
      a.shortfalls.join('; '),
    ]);
  }
  for (const c of report.criteria) {
    rows.push([
      'criterion',
      undefined,
      c.title,
      undefined,
      n(c.exactAgreement),
      n(c.adjacentAgreement),
      undefined,
      undefined,
      n(c.gwetAC1),
      n(c.fleissKappa),
      n(c.krippendorffAlphaOrdinal),
      c.flagged ? 'yes' : 'no',
      undefined,
      undefined,
    ]);
  }
  return csvDocument(rows);
}
