// The hub's wire schemas, gathered from the feature contracts (hub-session, assignments, scores,
// hub-admin, hub-events) for modules written before the split; new code imports the feature module.
export { ErrorBody } from './hub-errors';
export { Role, Username, SignInRequest, RefreshRequest, UserView, SessionResponse } from './hub-session';
export {
  AssignmentView,
  AssignmentList,
  CreateAssignmentRequest,
  AssignmentRecord,
  AssignmentRecordList,
  AutoAssignRequest,
  AutoAssignResponse,
  PacketView,
  AdminPacketView,
  DeclareConflictRequest,
  ConflictView,
  ConflictList,
} from './assignments';
export { PutScoreRequest, ScoreReceipt, ScoreView, ScoreConflictBody } from './scores';
export {
  CreateUserRequest,
  AdminUserView,
  UserList,
  UpdateUserRequest,
  WindowStatus,
  CreateWindowRequest,
  WindowView,
  WindowList,
  UpdateWindowRequest,
  UploadPacketResponse,
} from './hub-admin';
export { HubEvent } from './hub-events';
