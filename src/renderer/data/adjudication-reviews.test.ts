import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../shared/review/draft';
import { adjudicationReviews, retireAdjudicationDraft } from './adjudication-reviews';
import { AnchorDatabase, reviewOf } from './db';
import { normingReviews } from './norming-reviews';
import { openReview, saveDraft } from './reviews';

const PACKET = '0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10';
const ADJUDICATION = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const OTHER_ADJUDICATION = '8d2e3f4a-5b6c-4d7e-9f80-a1b2c3d4e5f6';
const SESSION = '2d8e5a5a-4c63-4e3a-9f7d-9a5c4e3e1d32';
const NOW = '2026-12-03T10:00:00.000Z';

const named = () => `adjudication-${Math.random()}`;

describe('an adjudicator’s resolution drafts', () => {
  it('survive a reload, apart from the live and norming drafts of the same packet', async () => {
    const name = named();
    const db = new AnchorDatabase(name);
    await saveDraft({ ...emptyDraft(PACKET, 1, NOW), privateNotes: 'live' }, db);
    await normingReviews(SESSION, () => db).save({ ...emptyDraft(PACKET, 1, NOW), privateNotes: 'norming' });
    const store = adjudicationReviews(ADJUDICATION, {}, () => db);
    expect(
      await store.save({ ...emptyDraft(PACKET, 1, NOW), levels: { design: 'l3' }, privateNotes: 'resolving' }),
    ).toBe(true);
    db.close();

    const reloaded = new AnchorDatabase(name);
    const opened = await adjudicationReviews(ADJUDICATION, {}, () => reloaded).open(PACKET);
    expect(opened).toMatchObject({ kind: 'draft', saved: true, draft: { levels: { design: 'l3' } } });
    expect(opened.kind === 'draft' && opened.draft.privateNotes).toBe('resolving');
    // Another adjudication of the same packet (a later window) starts afresh.
    const other = await adjudicationReviews(OTHER_ADJUDICATION, {}, () => reloaded).open(PACKET);
    expect(other).toMatchObject({ kind: 'draft', saved: false, draft: { levels: {} } });
    const live = await openReview(PACKET, reloaded);
    expect(live.kind === 'draft' && live.draft.privateNotes).toBe('live');
    const norming = await normingReviews(SESSION, () => reloaded).open(PACKET);
    expect(norming.kind === 'draft' && norming.draft.privateNotes).toBe('norming');
    reloaded.close();
  });

  it('start from the host’s fresh draft when there is none yet', async () => {
    const db = new AnchorDatabase(named());
    const store = adjudicationReviews(
      ADJUDICATION,
      { fresh: (packetId) => ({ ...emptyDraft(packetId, 1, NOW), levels: { design: 'l2' } }) },
      () => db,
    );
    expect(await store.open(PACKET)).toMatchObject({
      kind: 'draft',
      saved: false,
      draft: { levels: { design: 'l2' } },
    });
    db.close();
  });

  it('show the hub’s resolution read-only once there is one, whatever draft is here', async () => {
    const db = new AnchorDatabase(named());
    await adjudicationReviews(ADJUDICATION, {}, () => db).save(emptyDraft(PACKET, 1, NOW));
    const resolved = reviewOf(
      {
        id: ADJUDICATION,
        packetId: PACKET,
        rubricId: 'r',
        rubricVersion: '1',
        assessorId: 'chair1',
        revision: 1,
        criteria: [{ criterionId: 'design', levelId: 'l3', rationale: 'aligned' }],
        comments: [],
        decision: { kind: 'earned' },
        candidateFeedback: { overall: '', byCriterion: [] },
        privateNotes: '',
        createdAt: NOW,
        submittedAt: NOW,
      },
      NOW,
    );
    const store = adjudicationReviews(ADJUDICATION, { resolved }, () => db);
    expect(await store.open(PACKET)).toEqual({ kind: 'submitted', review: resolved });
    await expect(store.reopen(resolved, 0)).rejects.toThrow(/recorded once/);
    db.close();
  });

  it('are retired once resolved: a late autosave does not bring the draft back', async () => {
    const db = new AnchorDatabase(named());
    const store = adjudicationReviews(ADJUDICATION, {}, () => db);
    const draft = { ...emptyDraft(PACKET, 1, NOW), privateNotes: 'sent' };
    await store.save(draft);
    await retireAdjudicationDraft(ADJUDICATION, PACKET, NOW, db);
    expect(await store.save({ ...draft, privateNotes: 'late' })).toBe(false);
    expect(await db.adjudicationDrafts.get(ADJUDICATION)).toEqual({
      adjudicationId: ADJUDICATION,
      packetId: PACKET,
      draft: null,
      resolvedAt: NOW,
    });
    db.close();
  });
});
