import { describe, expect, it } from 'vitest';
import type { PacketSummary } from '../../../shared/contract/library';
import { filterPackets, queueRows } from './filter-packets';

const packet = (n: number, credentialTitle: string): PacketSummary => ({
  packetId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  credentialId: 'c',
  credentialTitle,
  pseudonym: `Candidate ${n}`,
  attempt: (n % 3) + 1,
  evidenceCount: 5,
  totalBytes: 100,
  submittedAt: `2026-10-${String((n % 28) + 1).padStart(2, '0')}T00:00:00Z`,
  importedAt: `2026-11-${String((n % 28) + 1).padStart(2, '0')}T00:00:00Z`,
});

describe('filterPackets', () => {
  const packets = queueRows(
    [packet(1, 'Exit Tickets'), packet(2, 'Analyzing Student Work'), packet(3, 'Exit Tickets')],
    [],
  );

  it('matches every word, case-insensitively', () => {
    expect(filterPackets(packets, 'exit candidate 3', 'imported').map((p) => p.pseudonym)).toEqual(['Candidate 3']);
  });

  it('sorts by credential then candidate', () => {
    expect(filterPackets(packets, '', 'credential').map((p) => p.pseudonym)).toEqual([
      'Candidate 2',
      'Candidate 1',
      'Candidate 3',
    ]);
  });
});

describe('"Exported" is a flag beside "Submitted"', () => {
  const rows = queueRows(
    [packet(1, 'Exit Tickets'), packet(2, 'Exit Tickets'), packet(3, 'Exit Tickets')],
    [
      { packetId: packet(1, '').packetId, status: 'submitted', timeSpentMs: 0, updatedAt: 'x', exportedAt: 'y' },
      { packetId: packet(2, '').packetId, status: 'submitted', timeSpentMs: 0, updatedAt: 'x' },
    ],
  );
  const names = (filter: Parameters<typeof filterPackets>[3]) =>
    filterPackets(rows, '', 'candidate', filter).map((p) => p.pseudonym);

  it('an exported review is still submitted, and carries the flag', () => {
    expect(rows[0]).toMatchObject({ status: 'submitted', exportedAt: 'y' });
    expect(rows[1]).not.toHaveProperty('exportedAt');
  });

  it('filters: submitted includes exported ones; exported only those; open neither', () => {
    expect(names('submitted')).toEqual(['Candidate 1', 'Candidate 2']);
    expect(names('exported')).toEqual(['Candidate 1']);
    expect(names('open')).toEqual(['Candidate 3']);
  });
});

describe('queueRows with hub assignments and uploads', () => {
  it('takes the due date from the review window and carries the upload state', () => {
    const p = packet(7, 'Exit Tickets');
    const window = {
      id: 'w',
      name: 'Autumn',
      closesAt: '2026-12-01T00:00:00Z',
      decisionsDueAt: '2026-12-20T00:00:00Z',
    };
    const assignment = {
      assignmentId: 'a',
      packetId: p.packetId,
      assignedAt: '2026-11-01T00:00:00Z',
      window,
      credential: { id: 'c', title: 'Exit Tickets' },
      pseudonym: p.pseudonym,
      attempt: 1,
      submittedAt: p.submittedAt,
      evidenceCount: 5,
      totalBytes: 100,
    };
    const upload = { status: 'pending' as const, scoreId: 's', revision: 1, reason: 'The hub cannot be reached.' };
    const [row] = queueRows([p], [], [assignment], new Map([[p.packetId, upload]]));
    expect(row).toMatchObject({ dueAt: window.closesAt, assigned: true, upload });
    const [imported] = queueRows([packet(8, 'Exit Tickets')], []);
    expect(imported).toMatchObject({ assigned: false, upload: undefined });
    expect(imported!.dueAt).toBe('2026-10-30T00:00:00.000Z');
  });
});
