import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewDraft } from '../../../shared/review/draft';
import type { SubmittedReview } from '../../data/db';
import { liveReviews, type ReviewState, type ReviewStore } from '../../data/reviews';

/** How long typing may pause before the draft is written. */
const SAVE_DELAY_MS = 120;
/** Continuous typing still saves this often, so no keystroke waits longer (budget: durable ≤ 500 ms). */
const SAVE_MAX_WAIT_MS = 250;
/** A failed save is retried after this long, and again until it succeeds. */
const RETRY_MS = 1000;

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'failed';

/**
 * The review being worked on, autosaved to Dexie shortly after every change, flushed when the
 * page is hidden or closed, so a crash, reload or kill loses at most the last keystrokes.
 */
export function useReviewDraft(packetId: string, activeMs: () => number, store: ReviewStore = liveReviews) {
  const [state, setState] = useState<ReviewState | undefined>();
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('saved');
  const latest = useRef<ReviewDraft | undefined>(undefined);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  /** performance.now() of the first and last edit not yet written, for the durability benchmark. */
  const firstUnsaved = useRef<number | undefined>(undefined);
  const lastEdit = useRef(0);
  /** While a submit is being written, autosave stands still so it cannot resurrect the draft. */
  const submitting = useRef(false);
  const activeMsRef = useRef(activeMs);
  activeMsRef.current = activeMs;
  // Read at each use: the store is fixed for a screen, and a new object each render must not reopen the review.
  const storeRef = useRef(store);
  storeRef.current = store;

  const flush: () => Promise<void> = useCallback(() => {
    clearTimeout(timer.current);
    const draft = latest.current;
    if (!draft || !dirty.current || submitting.current) return chain.current;
    dirty.current = false;
    const toSave = { ...draft, timeOnTaskMs: activeMsRef.current() };
    const detail = { firstEditAt: firstUnsaved.current, lastEditAt: lastEdit.current };
    firstUnsaved.current = undefined;
    setSaveStatus('saving');
    chain.current = chain.current
      .then(() => storeRef.current.save(toSave))
      .then(
        () => {
          performance.mark('anchor:draft-saved', { detail });
          if (!dirty.current) setSaveStatus('saved');
        },
        () => {
          // Keep the edit pending and try again: a failed write must not be forgotten.
          dirty.current = true;
          setSaveStatus('failed');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void flush(), RETRY_MS);
        },
      );
    return chain.current;
  }, []);

  useEffect(() => {
    let live = true;
    void storeRef.current.open(packetId).then((opened) => {
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
  const schedule = useCallback(() => {
    const now = performance.now();
    lastEdit.current = now;
    firstUnsaved.current ??= now;
    dirty.current = true;
    clearTimeout(timer.current);
    const waited = now - firstUnsaved.current;
    timer.current = setTimeout(() => void flush(), Math.max(0, Math.min(SAVE_DELAY_MS, SAVE_MAX_WAIT_MS - waited)));
  }, [flush]);

  const update = useCallback(
    (edit: (draft: ReviewDraft) => ReviewDraft) => {
      const current = latest.current;
      if (!current) return;
      const next = { ...edit(current), updatedAt: new Date().toISOString() };
      latest.current = next;
      setSaveStatus('unsaved');
      setState({ kind: 'draft', draft: next, saved: false });
      schedule();
    },
    [schedule],
  );

  /** Records an edit that needs no re-render (the viewer's position): saved with the next write. */
  const updateSilently = useCallback(
    (edit: (draft: ReviewDraft) => ReviewDraft) => {
      const current = latest.current;
      if (!current) return;
      latest.current = { ...edit(current), updatedAt: new Date().toISOString() };
      schedule();
    },
    [schedule],
  );

  /**
   * Hands the finished draft to `deliver` (the scoring screen's submit target), which keeps it as
   * a submitted review where it belongs and retires the draft; a rejection leaves the draft as it was.
   */
  const submit = useCallback(async (deliver: (draft: ReviewDraft) => Promise<SubmittedReview>) => {
    const draft = latest.current;
    if (!draft) return;
    submitting.current = true;
    clearTimeout(timer.current);
    try {
      await chain.current;
      const review = await deliver({ ...latest.current!, timeOnTaskMs: activeMsRef.current() });
      latest.current = undefined;
      dirty.current = false;
      setState({ kind: 'submitted', review });
      setSaveStatus('saved');
    } finally {
      submitting.current = false;
    }
  }, []);

  const reopen = useCallback(async () => {
    if (state?.kind !== 'submitted') return;
    const draft = await storeRef.current.reopen(state.review, activeMsRef.current());
    latest.current = draft;
    setState({ kind: 'draft', draft, saved: true });
  }, [state]);

  return { state, saveStatus, update, updateSilently, flush, submit, reopen, latest };
}
