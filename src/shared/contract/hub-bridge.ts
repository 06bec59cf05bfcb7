// The bridge's views of the hub, gathered from the feature contracts (hub-session, assignments,
// scores) for modules written before the split; new code imports the feature module.
export { HubStatus, SignInInput } from './hub-session';
export { AssignmentsOutput, PullState, PullList } from './assignments';
export { UploadOutcome } from './scores';
