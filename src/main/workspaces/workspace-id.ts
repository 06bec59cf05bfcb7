import { createHash } from 'node:crypto';
import type { Workspace } from '../../shared/contract/workspace';

/** Who a workspace belongs to: a user of one hub, or nobody (the local workspace of imported packets). */
export type WorkspaceOwner = { hubUrl: string; userId: string; username: string } | undefined;

export const LOCAL_WORKSPACE_ID = 'local';

/**
 * A workspace's id: stable for (hub origin, hub user id), and opaque, so folder names and
 * IndexedDB names reveal neither the hub nor the user.
 */
export function workspaceIdOf(owner: WorkspaceOwner): string {
  if (!owner) return LOCAL_WORKSPACE_ID;
  const digest = createHash('sha256')
    .update(`${new URL(owner.hubUrl).origin}\n${owner.userId}`)
    .digest('hex');
  return `hub-${digest.slice(0, 24)}`;
}

/** The bridge's view of a workspace (what the renderer keys its IndexedDB by). */
export function describeWorkspace(owner: WorkspaceOwner): Workspace {
  return owner
    ? {
        id: workspaceIdOf(owner),
        kind: 'hub',
        hubUrl: new URL(owner.hubUrl).origin,
        userId: owner.userId,
        username: owner.username,
      }
    : { id: LOCAL_WORKSPACE_ID, kind: 'local', hubUrl: null, userId: null, username: null };
}

/** Folder names Workspaces writes: anything else under workspaces/ is not opened. */
export function isWorkspaceId(name: string): boolean {
  return name === LOCAL_WORKSPACE_ID || /^hub-[0-9a-f]{24}$/.test(name);
}
