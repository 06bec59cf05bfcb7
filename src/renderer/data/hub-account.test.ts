import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { HubStatus } from '../../shared/contract/hub-bridge';
import { db } from './db';
import { HUB_STATUS_KEY, rememberHubStatus } from './hub-account';
import { currentWorkspace, LOCAL_WORKSPACE } from './workspace';

// The page's bridge needs a window; these tests never call the main process.
vi.mock('../bridge', () => ({ bridge: {} }));

const HUB = 'http://127.0.0.1:7411';
const ASSESSOR2 = { id: 'u2', username: 'assessor2', roles: ['assessor' as const] };

function status(sequence: number, signedIn: boolean, run = 'run-1'): HubStatus {
  return {
    user: signedIn ? ASSESSOR2 : null,
    hubUrl: HUB,
    lastUsername: signedIn ? 'assessor2' : 'assessor1',
    tokenProtection: 'in memory',
    live: false,
    assignmentsVersion: 0,
    demoHub: { available: false, url: null },
    workspace: signedIn
      ? { id: 'hub-u2', kind: 'hub', hubUrl: HUB, userId: 'u2', username: 'assessor2' }
      : LOCAL_WORKSPACE,
    revision: { run, sequence },
  };
}

describe('rememberHubStatus keeps the newest status the main process read', () => {
  it('drops a signed-out status read before a sign-in that answers after it (the start race)', async () => {
    await rememberHubStatus(status(5, true));
    const kept = await rememberHubStatus(status(3, false)); // the start's query, slow to answer

    expect(kept.revision.sequence).toBe(5);
    expect(currentWorkspace().id).toBe('hub-u2');
    expect((await db.settings.get(HUB_STATUS_KEY))?.value).toMatchObject({ user: { username: 'assessor2' } });
  });

  it('takes a later status, and any status of a main process started since', async () => {
    await rememberHubStatus(status(6, false));
    expect(currentWorkspace().id).toBe('local');

    await rememberHubStatus(status(1, true, 'run-2'));
    expect(currentWorkspace().id).toBe('hub-u2');
  });
});
