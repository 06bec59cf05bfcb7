import { describe, expect, it } from 'vitest';
import type { NormingSessionView } from '../../../shared/contract/norming';
import type { OutboxEntry } from '../../data/db';
import { anchorRows, downloadText, scoreText, type LocalAnchorFacts } from './anchor-rows';

const A = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const B = '1c7d4f4f-3b52-4d2f-8e6c-8f4b3f2d0c21';
const NOW = '2026-11-24T00:00:00Z';

function session(overrides: Partial<NormingSessionView> = {}): NormingSessionView {
  return {
    id: '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32',
    title: 'S',
    credentialId: 'cfu',
    mode: 'calibration',
    status: 'open',
    anchorCount: 2,
    participantCount: 3,
    createdAt: NOW,
    revealedAt: null,
    closedAt: null,
    role: 'participant',
    thresholds: { minExact: 0.7, minAdjacent: 0.95, unscorableFails: true, validDays: 365 },
    anchors: [
      { packetId: A, position: 1, pseudonym: 'Anchor A' },
      { packetId: B, position: 2, pseudonym: 'Anchor B' },
    ],
    yourScores: [],
    ...overrides,
  };
}

const none: LocalAnchorFacts = { inLibrary: new Set(), pulls: [], drafts: new Set(), outbox: [] };
const entry = (overrides: Partial<OutboxEntry>) => ({ packetId: A, status: 'pending', ...overrides }) as OutboxEntry;

describe('a session’s anchor rows', () => {
  it('tells downloaded, downloading with a percentage, failed and not downloaded apart', () => {
    const rows = anchorRows(session(), {
      ...none,
      inLibrary: new Set([A]),
      pulls: [{ packetId: B, state: 'pulling', receivedBytes: 25, totalBytes: 100 }],
    });
    expect(rows.map((r) => downloadText(r.download))).toEqual(['On this computer', 'Downloading 25%']);
    const failed = anchorRows(session(), {
      ...none,
      pulls: [{ packetId: B, state: 'failed', receivedBytes: 0, totalBytes: 1, error: 'hash' }],
    });
    expect(failed.map((r) => downloadText(r.download))).toEqual(['Not downloaded', 'Download failed: hash']);
  });

  it('follows a score from draft through the outbox to the hub, and shows the hub’s late message', () => {
    const text = (facts: Partial<LocalAnchorFacts>, view = session()) =>
      scoreText(anchorRows(view, { ...none, ...facts })[0]!.score);
    expect(text({})).toBe('Not scored');
    expect(text({ drafts: new Set([A]) })).toBe('Draft saved');
    expect(text({ outbox: [entry({ reason: 'offline' })] })).toBe('Submitted, waiting to upload (offline)');
    expect(text({ outbox: [entry({ status: 'failed', reason: 'refused' })] })).toBe('Not accepted: refused');
    expect(text({ outbox: [entry({ status: 'uploaded' })] })).toBe('Received by the session');
    expect(text({ outbox: [entry({ status: 'uploaded', notice: 'Too late.' })] })).toBe('Late: Too late.');
    const fromHub = session({
      yourScores: [{ scoreId: A, packetId: A, revision: 1, receivedAt: NOW, late: true, levels: [] }],
      yourStanding: { reopened: false, lateScores: 1, message: 'Kept, not counted.' },
    });
    expect(text({}, fromHub)).toBe('Late: Kept, not counted.');
  });
});
