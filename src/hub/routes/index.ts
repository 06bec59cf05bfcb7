import { HUB_ROUTE_IDS, type HubRouteId } from '../../shared/contract/hub-routes';
import type { Route } from '../http/route';
import {
  deleteAssignmentRoute,
  getAllAssignments,
  getAssignments,
  postAssignment,
  postAutoAssign,
} from './assignments';
import { getAudit } from './audit';
import { getQualifications } from './qualifications';
import {
  getAdjudicationRoute,
  getCandidateReportRoute,
  getDecisionRoute,
  getReleasesRoute,
  getThreadRoute,
  postBatchDecideRoute,
  postReleaseRoute,
  postRevealRoute,
  postThreadRoute,
  putDecisionRoute,
  putIdentityRoute,
  putResolutionRoute,
} from './decisions';
import { getBackReading, getBackReadingList, postBackReadAdjudication, postBackReadNote } from './back-reading';
import { getConflicts, postConflict } from './conflicts';
import { getEvents } from './events';
import { getEvidence } from './evidence';
import { getHealth, getOpenApi } from './meta';
import {
  getNormingReport,
  getNormingScores,
  getNormingSession,
  getNormingSessions,
  postNormingClose,
  postNormingReopen,
  postNormingReveal,
  postNormingSession,
  putNormingConsensus,
  putNormingScoreRoute,
} from './norming';
import { getPacket, getPackets, postPacket } from './packets';
import { getScore, putScoreRoute } from './scores';
import { getScorers, getValidityPackets, postPauseScorer, postResumeScorer, putValidityPacket } from './scorer-quality';
import { refreshSession, signIn, signOut } from './session';
import { getUsers, patchUser, postUser } from './users';
import { getWindowQuality, getWindows, patchWindow, postWindow } from './windows';
import { getWindowDashboard, postReassign } from './window-dashboard';
import { getWindowProgress } from './window-progress';

/**
 * The hub's handler for every entry of the route table, by operationId: a route missing here, or
 * one the table does not know, fails the type check (and tests/hub/route-table.test.ts).
 */
export const ROUTE_HANDLERS: { readonly [K in HubRouteId]: Route } = {
  health: getHealth,
  openapi: getOpenApi,
  signIn,
  refreshSession,
  signOut,
  listAssignments: getAssignments,
  getPacket,
  getEvidence,
  putScore: putScoreRoute,
  getScore,
  events: getEvents,
  declareConflict: postConflict,
  listConflicts: getConflicts,
  uploadPacket: postPacket,
  listPackets: getPackets,
  createWindow: postWindow,
  listWindows: getWindows,
  updateWindow: patchWindow,
  getWindowQuality,
  getWindowDashboard,
  reassignAssignment: postReassign,
  getWindowProgress,
  listValidityPackets: getValidityPackets,
  markValidityPacket: putValidityPacket,
  listScorers: getScorers,
  listQualifications: getQualifications,
  pauseScorer: postPauseScorer,
  resumeScorer: postResumeScorer,
  listBackReading: getBackReadingList,
  getBackReading,
  postBackReadNote,
  postBackReadAdjudication,
  createAssignment: postAssignment,
  autoAssign: postAutoAssign,
  listAllAssignments: getAllAssignments,
  deleteAssignment: deleteAssignmentRoute,
  exportAudit: getAudit,
  createUser: postUser,
  listUsers: getUsers,
  updateUser: patchUser,
  createNormingSession: postNormingSession,
  listNormingSessions: getNormingSessions,
  getNormingSession,
  putNormingScore: putNormingScoreRoute,
  listNormingScores: getNormingScores,
  revealNormingSession: postNormingReveal,
  putNormingConsensus,
  reopenNormingParticipant: postNormingReopen,
  closeNormingSession: postNormingClose,
  getNormingReport,
  getAdjudication: getAdjudicationRoute,
  resolveAdjudication: putResolutionRoute,
  getPacketThread: getThreadRoute,
  postPacketThread: postThreadRoute,
  getDecisionWorkspace: getDecisionRoute,
  decidePacket: putDecisionRoute,
  batchDecide: postBatchDecideRoute,
  releaseDecisions: postReleaseRoute,
  listReleasedOutcomes: getReleasesRoute,
  getCandidateReport: getCandidateReportRoute,
  putCandidateIdentity: putIdentityRoute,
  revealIdentity: postRevealRoute,
};

/** Every route of /api/v1 in the table's order. The router and the authorization matrix test read this list. */
export const ROUTES: readonly Route[] = HUB_ROUTE_IDS.map((id) => ROUTE_HANDLERS[id]);
