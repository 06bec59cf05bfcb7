/**
 * The bridge's channel names, without schemas, so the sandboxed preload can be built from
 * them without bundling zod. bridge.ts pairs every name with its schemas; a test checks both
 * lists agree with the preload and the HTTP carrier.
 */
export const CHANNELS = [
  'app.info',
  'packets.list',
  'packets.get',
  'packets.import',
  'packets.remove',
  'packets.verify',
  'hub.status',
  'hub.signIn',
  'hub.signOut',
  'hub.startDemo',
  'hub.assignments',
  'hub.pull',
  'hub.pulls',
  'hub.uploadScore',
  'hub.conflicts',
  'hub.declareConflict',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels whose input is a user-chosen file: each carrier turns the File into a local path. */
export const UPLOAD_CHANNELS = ['packets.import'] as const satisfies readonly Channel[];
export type UploadChannel = (typeof UPLOAD_CHANNELS)[number];
