import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScoreRecord } from '../../../shared/domain/score';
import type { ReviewDraft } from '../../../shared/review/draft';
import { openReview, reopenReview, saveDraft, submitReview, type ReviewState } from '../../data/reviews';

/** How long typing may pause before the draft is written; well inside the 500 ms durability budget. */
const SAVE_DELAY_MS = 120;

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'failed';

/**
 * The review being worked on, autosaved to Dexie shortly after every change, flushed when the
 * page is hidden or closed, so a crash, reload or kill loses at most the last keystrokes.
 */
export function useReviewDraft(packetId: string, activeMs: () => number) {
  const [state, setState] = useState<ReviewState | undefined>();
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('saved');
  const latest = useRef<ReviewDraft | undefined>(undefined);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const activeMsRef = useRef(activeMs);
  activeMsRef.current = activeMs;

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const draft = latest.current;
    if (!draft || !dirty.current) return chain.current;
    dirty.current = false;
    const toSave = { ...draft, timeOnTaskMs: activeMsRef.current() };
    setSaveStatus('saving');
    chain.current = chain.current
      .then(() => saveDraft(toSave))
      .then(
        () => {
          performance.mark('anchor:draft-saved');
          if (!dirty.current) setSaveStatus('saved');
        },
        () => setSaveStatus('failed'),
      );
    return chain.current;
  }, []);

  useEffect(() => {
    let live = true;
    void openReview(packetId).then((opened) => {
      if (!live) return;
      latest.current = opened.kind === 'draft' ? opened.draft : undefined;
      setState(opened);
    });
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [packetId, flush]);

  /** Applies an edit to the draft and schedules its save. */
  const update = useCallback(
    (edit: (draft: ReviewDraft) => ReviewDraft) => {
      const current = latest.current;
      if (!current) return;
      const next = { ...edit(current), updatedAt: new Date().toISOString() };
      latest.current = next;
      dirty.current = true;
      setSaveStatus('unsaved');
      setState({ kind: 'draft', draft: next, saved: false });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  /** Records an edit that needs no re-render (the viewer's position): saved with the next write. */
  const updateSilently = useCallback(
    (edit: (draft: ReviewDraft) => ReviewDraft) => {
      const current = latest.current;
      if (!current) return;
      latest.current = { ...edit(current), updatedAt: new Date().toISOString() };
      dirty.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const submit = useCallback(async (record: ScoreRecord) => {
    const draft = latest.current;
    if (!draft) return;
    clearTimeout(timer.current);
    dirty.current = false;
    await chain.current;
    const review = await submitReview({ ...draft, timeOnTaskMs: activeMsRef.current() }, record);
    latest.current = undefined;
    setState({ kind: 'submitted', review });
    setSaveStatus('saved');
  }, []);

  const reopen = useCallback(async () => {
    if (state?.kind !== 'submitted') return;
    const draft = await reopenReview(state.review, activeMsRef.current());
    latest.current = draft;
    setState({ kind: 'draft', draft, saved: true });
  }, [state]);

  return { state, saveStatus, update, updateSilently, flush, submit, reopen, latest };
}
