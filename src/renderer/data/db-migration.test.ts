import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AnchorDatabase } from './db';
import { shippedVersion3, shippedVersion5 } from './db-shipped-versions';

describe('Dexie schema migrations', () => {
  it('upgrades a version-1 library to version 2 without losing packets', async () => {
    const name = `migration-${Math.random()}`;
    // Version 1 exactly as it shipped: only the packet mirror.
    const v1 = new Dexie(name);
    v1.version(1).stores({ packets: 'packetId, importedAt, credentialTitle' });
    const packet = {
      packetId: '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10',
      credentialId: 'cfu',
      credentialTitle: 'Checking for Understanding',
      pseudonym: 'Candidate T-0001',
      attempt: 1,
      evidenceCount: 3,
      totalBytes: 1000,
      submittedAt: '2026-10-01T12:00:00Z',
      importedAt: '2026-11-01T12:00:00Z',
    };
    await v1.table('packets').add(packet);
    v1.close();

    const v2 = new AnchorDatabase(name);
    await v2.open();
    expect(v2.verno).toBe(6);
    expect(await v2.packets.toArray()).toEqual([packet]);
    expect(await v2.progress.get(packet.packetId)).toMatchObject({ status: 'not-started', timeSpentMs: 0 });
    await v2.drafts.put({
      packetId: packet.packetId,
      revision: 1,
      levels: {},
      rationales: {},
      comments: [],
      decisionJustification: '',
      feedback: { overall: '', byCriterion: {} },
      privateNotes: 'kept',
      viewer: {},
      timeOnTaskMs: 0,
      startedAt: packet.importedAt,
      updatedAt: packet.importedAt,
    });
    expect((await v2.drafts.get(packet.packetId))?.privateNotes).toBe('kept');
    v2.close();
  });

  it('upgrades version 2 to version 3 (the hub): reviews and drafts kept, nothing queued for upload', async () => {
    const name = `migration-v3-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ packets: 'packetId, importedAt, credentialTitle' });
    v2.version(2).stores({
      progress: 'packetId, status',
      drafts: 'packetId, updatedAt',
      reviews: 'id, packetId, [packetId+revision]',
      history: '++seq, packetId',
      settings: 'key',
    });
    const packetId = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
    const review = { id: '3f2b6c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e', packetId, revision: 1, record: {}, submittedAt: 'x' };
    await v2.table('reviews').add(review);
    await v2.table('progress').add({ packetId, status: 'submitted', timeSpentMs: 5, updatedAt: 'x' });
    v2.close();

    const v3 = new AnchorDatabase(name);
    await v3.open();
    expect(v3.verno).toBe(6);
    expect(await v3.reviews.toArray()).toEqual([review]);
    expect(await v3.progress.get(packetId)).toMatchObject({ status: 'submitted' });
    expect(await v3.outbox.count()).toBe(0);
    expect(await v3.assignments.count()).toBe(0);
    v3.close();
  });
});

describe('the comment bank', () => {
  it('upgrades version 3 to 4: the per-criterion lists in settings become entries, in order, once', async () => {
    const { adoptOldBankLists, myBankEntries } = await import('./comment-bank');
    const name = `migration-v4-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({ packets: 'packetId, importedAt, credentialTitle' });
    v3.version(2).stores({
      progress: 'packetId, status',
      drafts: 'packetId, updatedAt',
      reviews: 'id, packetId, [packetId+revision]',
      history: '++seq, packetId',
      settings: 'key',
    });
    v3.version(3).stores({ assignments: 'assignmentId, packetId', outbox: 'scoreId, packetId, status' });
    await v3.table('settings').bulkPut([
      { key: 'commentBank:r:align', value: ['Newest.', 'Older.'] },
      { key: 'commentBank:other:x', value: ['Another rubric.'] },
      { key: 'assessorId', value: 'Dana' },
    ]);
    v3.close();

    const v4 = new AnchorDatabase(name);
    await v4.open();
    expect(v4.verno).toBe(6);
    await adoptOldBankLists('r', v4);
    await adoptOldBankLists('r', v4); // a second look finds nothing more to move
    expect((await myBankEntries('r', v4)).map((e) => [e.criterionId, e.text])).toEqual([
      ['align', 'Newest.'],
      ['align', 'Older.'],
    ]);
    expect(await v4.settings.get('commentBank:r:align')).toBeUndefined();
    expect(await v4.settings.get('commentBank:other:x')).toBeDefined(); // moves when its rubric is opened
    expect((await v4.settings.get('assessorId'))?.value).toBe('Dana');
    v4.close();
  });

  it('adds, edits, deletes and restores the assessor’s entries', async () => {
    const bank = await import('./comment-bank');
    const database = new AnchorDatabase(`bank-${Math.random()}`);
    await database.open();
    const added = await bank.addBankEntry(
      { rubricId: 'r', criterionId: 'align', text: ' Cite the ticket. ' },
      database,
    );
    expect(added.text).toBe('Cite the ticket.');
    const again = await bank.addBankEntry({ rubricId: 'r', criterionId: 'align', text: 'Cite the ticket.' }, database);
    expect(again.id).toBe(added.id); // no duplicate
    await bank.updateBankEntry(added.id, { text: 'Cite the exit ticket.' }, database);
    expect(await bank.myBankEntries('r', database)).toMatchObject([{ text: 'Cite the exit ticket.' }]);
    expect((await bank.myBankEntries('r', database))[0]!.criterionId).toBeUndefined(); // now general
    const [entry] = await bank.myBankEntries('r', database);
    await bank.deleteBankEntry(entry!.id, database);
    expect(await bank.myBankEntries('r', database)).toEqual([]);
    await bank.restoreBankEntry(entry!, database);
    expect(await bank.myBankEntries('r', database)).toEqual([entry]);
    database.close();
  });
});

describe('version 4: "exported" is a flag beside "submitted"', () => {
  it('turns status "exported" into "submitted" with exportedAt, and leaves other statuses alone', async () => {
    const name = `migration-v4-${Math.random()}`;
    const v3 = shippedVersion3(name);
    await v3.table('progress').bulkAdd([
      { packetId: 'p-exported', status: 'exported', timeSpentMs: 5, updatedAt: '2026-11-20T10:00:00.000Z' },
      { packetId: 'p-submitted', status: 'submitted', timeSpentMs: 6, updatedAt: '2026-11-21T10:00:00.000Z' },
      { packetId: 'p-open', status: 'in-progress', timeSpentMs: 7, updatedAt: '2026-11-22T10:00:00.000Z' },
    ]);
    v3.close();

    const v4 = new AnchorDatabase(name);
    await v4.open();
    expect(v4.verno).toBe(6);
    expect(await v4.progress.get('p-exported')).toEqual({
      packetId: 'p-exported',
      status: 'submitted',
      exportedAt: '2026-11-20T10:00:00.000Z',
      timeSpentMs: 5,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    expect(await v4.progress.get('p-submitted')).not.toHaveProperty('exportedAt');
    expect((await v4.progress.get('p-open'))?.status).toBe('in-progress');
    expect(await v4.progress.where('status').equals('exported').count()).toBe(0);
    v4.close();
  });

  it('marking a review exported keeps it submitted and sets the flag', async () => {
    const { markExported } = await import('./reviews');
    const database = new AnchorDatabase(`exported-${Math.random()}`);
    const packetId = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
    await database.progress.put({ packetId, status: 'submitted', timeSpentMs: 1, updatedAt: 'x' });
    const review = { id: 'r1', packetId, revision: 1, record: {} as never, submittedAt: 'x' };
    await database.reviews.put(review);
    await markExported([review], 'CSV', database);
    const progress = await database.progress.get(packetId);
    expect(progress?.status).toBe('submitted');
    expect(progress?.exportedAt).toMatch(/^\d{4}-/);
    database.close();
  });
});

describe('saving drafts', () => {
  it('never brings back a draft whose revision was already submitted', async () => {
    const { saveDraft, submitReview, openReview } = await import('./reviews');
    const { emptyDraft } = await import('../../shared/review/draft');
    const database = new AnchorDatabase(`race-${Math.random()}`);
    const packetId = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
    const draft = emptyDraft(packetId, 1, '2026-11-24T00:00:00Z');
    await saveDraft(draft, database);
    const record = {
      id: '3f2b6c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e',
      packetId,
      rubricId: 'r',
      rubricVersion: '1',
      assessorId: 'a',
      revision: 1,
      criteria: [],
      comments: [],
      decision: { kind: 'not-yet' as const },
      candidateFeedback: { overall: 'x', byCriterion: [] },
      privateNotes: '',
      createdAt: '2026-11-24T00:00:00Z',
      submittedAt: '2026-11-24T00:01:00Z',
    };
    // A late autosave queued right behind the submit, as a playing video's position report can be.
    await Promise.all([submitReview(draft, record, database), saveDraft({ ...draft, privateNotes: 'late' }, database)]);
    expect((await openReview(packetId, database)).kind).toBe('submitted');
    expect((await database.progress.get(packetId))?.status).toBe('submitted');
    database.close();
  });
});

describe('version 6: adjudication drafts', () => {
  it('upgrades version 5 without touching norming drafts, live drafts or the outbox', async () => {
    const name = `migration-v6-${Math.random()}`;
    const v5 = shippedVersion5(name);
    const packetId = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
    const normingRow = { key: `s/${packetId}`, sessionId: 's', packetId, draft: { packetId, privateNotes: 'norming' } };
    await v5.table('normingDrafts').add(normingRow);
    await v5.table('drafts').add({ packetId, privateNotes: 'live' });
    await v5.table('outbox').add({ scoreId: 'x', packetId, status: 'pending' });
    v5.close();

    const v6 = new AnchorDatabase(name);
    await v6.open();
    expect(v6.verno).toBe(6);
    expect(await v6.normingDrafts.toArray()).toEqual([normingRow]);
    expect((await v6.drafts.get(packetId))?.privateNotes).toBe('live');
    expect(await v6.outbox.count()).toBe(1);
    expect(await v6.adjudicationDrafts.count()).toBe(0);
    v6.close();
  });
});
