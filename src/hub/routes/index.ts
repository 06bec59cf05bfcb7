import type { Route } from '../http/route';
import {
  deleteAssignmentRoute,
  getAllAssignments,
  getAssignments,
  postAssignment,
  postAutoAssign,
} from './assignments';
import { getConflicts, postConflict } from './conflicts';
import { getEvents } from './events';
import { getEvidence } from './evidence';
import { getHealth, openApiRoute } from './meta';
import { getPacket, postPacket } from './packets';
import { getScore, putScoreRoute } from './scores';
import { refreshSession, signIn, signOut } from './session';
import { getUsers, patchUser, postUser } from './users';
import { getWindows, patchWindow, postWindow } from './windows';

/** Every route of /api/v1. The router, the OpenAPI document and the authorization matrix test all read this list. */
export const ROUTES: readonly Route[] = [
  getHealth,
  openApiRoute(() => ROUTES),
  signIn,
  refreshSession,
  signOut,
  getAssignments,
  getPacket,
  getEvidence,
  putScoreRoute,
  getScore,
  getEvents,
  postConflict,
  getConflicts,
  postPacket,
  postWindow,
  getWindows,
  patchWindow,
  postAssignment,
  postAutoAssign,
  getAllAssignments,
  deleteAssignmentRoute,
  postUser,
  getUsers,
  patchUser,
];
