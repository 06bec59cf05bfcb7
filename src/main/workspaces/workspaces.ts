import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PacketLimits } from '../../node/packet/limits';
import { PacketStore } from '../services/packet-store';
import { adoptClaim } from './legacy-layout';
import { isWorkspaceId, workspaceIdOf, type WorkspaceOwner } from './workspace-id';

/** One workspace's files: its library of packets (pulled or imported) and its unfinished downloads. */
export interface OpenWorkspace {
  id: string;
  dir: string;
  store: PacketStore;
}

/**
 * Everything on disk belongs to one workspace = (hub origin, hub user) or the local workspace of
 * packets imported with no hub: `<data>/workspaces/<id>/{packets,downloads,…}`. Two people on one
 * computer never see each other's packets: every bridge call resolves the workspace of whoever
 * is signed in at that moment, and only that workspace's store answers.
 */
export class Workspaces {
  readonly root: string;
  private readonly open = new Map<string, Promise<OpenWorkspace>>();

  constructor(
    dataDir: string,
    private readonly limits: Partial<PacketLimits> = {},
  ) {
    this.root = join(dataDir, 'workspaces');
  }

  /** The workspace of `owner`, its store opened once and kept (with its share of an old library, if one waits). */
  get(owner: WorkspaceOwner): Promise<OpenWorkspace> {
    return this.byId(workspaceIdOf(owner), owner && ((dir) => adoptClaim(this.root, owner, dir)));
  }

  /** Every workspace with a folder on this computer (retention sweeps them all, signed in or not). */
  async all(): Promise<OpenWorkspace[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    const ids = entries.filter((e) => e.isDirectory() && isWorkspaceId(e.name)).map((e) => e.name);
    return Promise.all(ids.map((id) => this.byId(id)));
  }

  private byId(id: string, beforeOpen?: (dir: string) => Promise<void>): Promise<OpenWorkspace> {
    let opened = this.open.get(id);
    if (!opened) {
      const dir = join(this.root, id);
      opened = mkdir(dir, { recursive: true, mode: 0o700 })
        .then(() => beforeOpen?.(dir))
        .then(() => new PacketStore(dir, this.limits).open())
        .then((store) => ({ id, dir, store }));
      opened.catch(() => this.open.delete(id));
      this.open.set(id, opened);
    }
    return opened;
  }
}
