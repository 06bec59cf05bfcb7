import { z } from 'zod';

/**
 * Whose work the app is showing: one hub user on one hub, or the local workspace of packets
 * imported from disk with no hub. Everything local (IndexedDB, pulled evidence, downloads) is
 * kept per workspace and never shown in another; the id is opaque (a digest, not a name).
 */
export const Workspace = z.strictObject({
  id: z.string().regex(/^(local|hub-[0-9a-f]{24})$/),
  kind: z.enum(['local', 'hub']),
  /** The hub's origin (hub workspaces only). */
  hubUrl: z.string().nullable(),
  userId: z.string().nullable(),
  /** The hub user name: the assessor identity recorded on this workspace's reviews. */
  username: z.string().nullable(),
});
export type Workspace = z.infer<typeof Workspace>;
