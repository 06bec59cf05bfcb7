import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoredPacket } from '../../../shared/contract/library';
import type { EvidenceAnchor, EvidenceComment } from '../../../shared/domain/score';
import { reviewIssues, unaddressedCriteria } from '../../../shared/review/completeness';
import { describeRule, feedbackThreshold, impliedDecision } from '../../../shared/review/decision-rules';
import type { ReviewDraft } from '../../../shared/review/draft';
import { anchorLabel } from '../../../shared/review/export/anchor-label';
import { navigate, routeHref } from '../../app/route';
import { draftFromRecord } from '../../data/reviews';
import { preloadViewers, type ViewerHandle } from '../../viewers';
import { EvidencePane } from './EvidencePane';
import { HISTORY_SECTION, RESPONSES_SECTION, navEntries } from '../packet/sections';
import { VerifyButton } from '../packet/VerifyButton';
import { addToBank } from './comment-bank';
import { CommentComposer } from './CommentComposer';
import { anchorEntryId } from './comments/anchor-entry';
import { CommentsList } from './comments/CommentsList';
import { CriterionCard } from './CriterionCard';
import { DECISION_LABEL, DecisionSection } from './DecisionSection';
import { FeedbackSection } from './FeedbackSection';
import { LocalHistory } from './LocalHistory';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SplitLayout } from './SplitLayout';
import { SubmitDialog } from './SubmitDialog';
import { SubmittedBanner } from './SubmittedBanner';
import { useAssessorId } from './useAssessorId';
import { useReviewDraft } from './useReviewDraft';
import { useReviewShortcuts } from './useReviewShortcuts';
import { TimeOnTask } from './TimeOnTask';
import { useTimeOnTask } from './useTimeOnTask';
import { submitDraft } from './submit-draft';

/**
 * The review screen: evidence on one side, the rubric on the other. Every edit goes to the
 * draft (autosaved); submit checks completeness; a submitted review is shown read-only.
 */
export function ReviewWorkspace({ packet, itemId }: { packet: StoredPacket; itemId?: string }) {
  const { manifest } = packet;
  const rubric = manifest.rubric;
  const timeReader = useRef<() => number>(() => 0);
  const review = useReviewDraft(manifest.packetId, () => timeReader.current());
  const startMs = review.state?.kind === 'draft' ? review.state.draft.timeOnTaskMs : undefined;
  const activeMs = useTimeOnTask(startMs);
  timeReader.current = activeMs;
  const { assessorId } = useAssessorId();

  const entries = navEntries(manifest);
  const savedItem = review.state?.kind === 'draft' ? review.state.draft.viewer.itemId : undefined;
  const selectedId =
    [itemId, savedItem].find((id) => id && entries.some((e) => e.id === id)) ?? entries[0]?.id ?? RESPONSES_SECTION;
  const item = manifest.evidence.find((e) => e.id === selectedId);

  const draft: ReviewDraft | undefined = useMemo(() => {
    if (review.state?.kind === 'draft') return review.state.draft;
    if (review.state?.kind === 'submitted')
      return draftFromRecord(review.state.review.record, review.state.review.submittedAt);
    return undefined;
  }, [review.state]);
  const readOnly = review.state?.kind !== 'draft';

  const viewerHandle = useRef<ViewerHandle | null>(null);
  const pendingReveal = useRef<EvidenceAnchor | undefined>(undefined);
  const [composer, setComposer] = useState<{ anchor: EvidenceAnchor; criterionId?: string; resume: boolean }>();
  const [activeCriterion, setActiveCriterion] = useState<string | undefined>(rubric.criteria[0]?.id);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [compact, setCompact] = useState(false);
  const [notice, setNotice] = useState<string>();

  useEffect(() => preloadViewers(manifest.evidence.map((e) => e.kind)), [manifest]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), 5000);
    return () => clearTimeout(timer);
  }, [notice]);
  useEffect(() => {
    performance.mark('anchor:review-interactive');
  }, [draft !== undefined]); // eslint-disable-line react-hooks/exhaustive-deps -- mark once the draft is on screen

  const select = useCallback(
    (id: string) => {
      navigate({ screen: 'packet', packetId: manifest.packetId, itemId: id });
      review.updateSilently((d) => ({ ...d, viewer: { itemId: id } }));
    },
    [manifest.packetId, review],
  );

  const setHandle = useCallback((handle: ViewerHandle | null) => {
    viewerHandle.current = handle;
    if (handle && pendingReveal.current) {
      handle.reveal(pendingReveal.current);
      pendingReveal.current = undefined;
    }
  }, []);

  const startComment = useCallback(
    (criterionId?: string, drawn?: EvidenceAnchor) => {
      if (readOnly) return;
      const media = document.querySelector<HTMLMediaElement>('.split-evidence video, .split-evidence audio');
      const wasPlaying = !!media && !media.paused;
      // Written responses have a handle of their own (passages) but no item.
      const captured = drawn ?? viewerHandle.current?.captureAnchor();
      const anchor: EvidenceAnchor | undefined = captured ?? (item && { kind: 'item', itemId: item.id });
      if (!anchor) {
        setNotice('Open a piece of evidence (PDF, video, image…) to comment on a place in it.');
        return;
      }
      setComposer({ anchor, criterionId: criterionId ?? activeCriterion, resume: wasPlaying });
    },
    [readOnly, item, activeCriterion],
  );

  const saveComment = (text: string, criterionId: string | undefined, remember: boolean) => {
    if (!composer) return;
    const comment: EvidenceComment = { id: crypto.randomUUID(), criterionId, text, anchor: composer.anchor };
    review.update((d) => ({ ...d, comments: [...d.comments, comment] }));
    if (remember && criterionId) void addToBank(rubric, criterionId, text);
    if (composer.resume)
      void document.querySelector<HTMLMediaElement>('.split-evidence video, .split-evidence audio')?.play();
    setComposer(undefined);
    setNotice(`Comment saved at ${anchorLabel(comment.anchor, manifest)}.`);
  };

  const revealComment = (comment: EvidenceComment) => {
    if (anchorEntryId(comment.anchor) !== selectedId) {
      pendingReveal.current = comment.anchor;
      select(anchorEntryId(comment.anchor));
    } else viewerHandle.current?.reveal(comment.anchor);
  };

  const focusCriterion = (criterionId: string) => {
    const card = document.querySelector<HTMLElement>(`[data-criterion="${criterionId}"]`);
    card?.scrollIntoView({ block: 'nearest' });
    card?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]')?.focus();
  };
  const moveCriterion = (from: number, direction: 1 | -1) => {
    const next = rubric.criteria[from + direction];
    if (next) focusCriterion(next.id);
  };

  useReviewShortcuts({
    submit: () => !readOnly && setSubmitOpen(true),
    showShortcuts: () => setShortcutsOpen(true),
    comment: () => startComment(),
    step: (direction) => {
      const next = entries[entries.findIndex((e) => e.id === selectedId) + direction];
      if (next) select(next.id);
    },
    paused: composer !== undefined,
  });

  if (!draft) {
    return (
      <p role="status" className="notice">
        Opening the review…
      </p>
    );
  }

  const threshold = feedbackThreshold(rubric);
  const implied = impliedDecision(rubric, draft.levels);
  const issues = readOnly ? [] : reviewIssues(rubric, draft);
  const unaddressed = unaddressedCriteria(rubric, draft);
  const notYet = draft.decision?.kind === 'not-yet';
  const scored = rubric.criteria.filter((c) => draft.levels[c.id]).length;
  const markers = draft.comments
    .filter((c) => anchorEntryId(c.anchor) === selectedId)
    .map((c) => ({ id: c.id, anchor: c.anchor, label: `Comment: ${c.text.slice(0, 60)}` }));

  const evidencePane = (
    <EvidencePane
      manifest={manifest}
      entries={entries}
      selectedId={selectedId}
      item={item}
      onSelect={select}
      handleRef={setHandle}
      initialPosition={
        item && draft.viewer.itemId === item.id ? { page: draft.viewer.page, seconds: draft.viewer.seconds } : undefined
      }
      onPositionChange={(position) =>
        item && review.updateSilently((d) => ({ ...d, viewer: { itemId: item.id, ...position } }))
      }
      onAnchorDrawn={(anchor) => startComment(undefined, anchor)}
      markers={markers}
    />
  );

  const rubricPane = (
    <div className="rubric-pane">
      {review.state?.kind === 'submitted' && (
        <SubmittedBanner review={review.state.review} manifest={manifest} onReopen={() => void review.reopen()} />
      )}
      <header className="rubric-header">
        <h2>{rubric.title}</h2>
        <p className="muted small">
          {scored} of {rubric.criteria.length} criteria scored · <TimeOnTask read={activeMs} /> ·{' '}
          <span role="status" aria-live="polite">
            {readOnly
              ? 'Read-only'
              : { saved: 'All changes saved', saving: 'Saving…', unsaved: 'Saving…', failed: 'Could not save!' }[
                  review.saveStatus
                ]}
          </span>
        </p>
        <div className="rubric-tools">
          <label className="inline-toggle">
            <input type="checkbox" checked={compact} onChange={(e) => setCompact(e.target.checked)} /> Compact
            descriptors
          </label>
          <button type="button" className="link" onClick={() => setShortcutsOpen(true)}>
            Keyboard shortcuts (?)
          </button>
        </div>
        {manifest.attempt.number > 1 && (
          <p className="notice small">
            Attempt {manifest.attempt.number}: earlier feedback is under{' '}
            <button type="button" className="link" onClick={() => select(HISTORY_SECTION)}>
              Earlier attempts
            </button>
            ; earlier levels stay hidden unless you ask.
          </p>
        )}
      </header>
      {notice && (
        <p role="status" className="notice small">
          {notice}
        </p>
      )}
      {composer && (
        <CommentComposer
          anchor={composer.anchor}
          rubric={rubric}
          manifest={manifest}
          criterionId={composer.criterionId}
          onSave={saveComment}
          onCancel={() => setComposer(undefined)}
        />
      )}
      <CommentsList
        comments={draft.comments}
        manifest={manifest}
        rubric={rubric}
        selectedId={selectedId}
        selectedTitle={entries.find((e) => e.id === selectedId)?.label ?? 'this item'}
        onJump={revealComment}
      />
      <div className="criteria">
        {rubric.criteria.map((criterion, index) => {
          const level = criterion.levels.find((l) => l.id === draft.levels[criterion.id]);
          return (
            <CriterionCard
              key={criterion.id}
              criterion={criterion}
              index={index}
              manifest={manifest}
              levelId={draft.levels[criterion.id]}
              rationale={draft.rationales[criterion.id] ?? ''}
              feedback={draft.feedback.byCriterion[criterion.id] ?? ''}
              threshold={threshold}
              feedbackRequired={notYet && level !== undefined && level.score < threshold}
              comments={draft.comments.filter((c) => c.criterionId === criterion.id)}
              compact={compact}
              readOnly={readOnly}
              onLevel={(levelId) => review.update((d) => ({ ...d, levels: { ...d.levels, [criterion.id]: levelId } }))}
              onRationale={(text) =>
                review.update((d) => ({ ...d, rationales: { ...d.rationales, [criterion.id]: text } }))
              }
              onFeedback={(text) =>
                review.update((d) => ({
                  ...d,
                  feedback: { ...d.feedback, byCriterion: { ...d.feedback.byCriterion, [criterion.id]: text } },
                }))
              }
              onMoveCriterion={(direction) => moveCriterion(index, direction)}
              onAddComment={() => startComment(criterion.id)}
              onRevealComment={revealComment}
              onDeleteComment={(comment) =>
                review.update((d) => ({ ...d, comments: d.comments.filter((c) => c.id !== comment.id) }))
              }
              onFocusCriterion={() => setActiveCriterion(criterion.id)}
            />
          );
        })}
        {draft.comments.some((c) => !c.criterionId) && (
          <section className="criterion" aria-labelledby="general-comments">
            <h3 id="general-comments">General comments</h3>
            <ul>
              {draft.comments
                .filter((c) => !c.criterionId)
                .map((c) => (
                  <li key={c.id} data-comment={c.id}>
                    <button type="button" className="link" onClick={() => revealComment(c)}>
                      {anchorLabel(c.anchor, manifest)}
                    </button>{' '}
                    {c.text}
                  </li>
                ))}
            </ul>
          </section>
        )}
      </div>
      <DecisionSection
        decision={draft.decision}
        implied={implied}
        ruleText={describeRule(rubric)}
        justification={draft.decisionJustification}
        readOnly={readOnly}
        onDecision={(decision) => review.update((d) => ({ ...d, decision }))}
        onJustification={(text) => review.update((d) => ({ ...d, decisionJustification: text }))}
      />
      <FeedbackSection
        rubric={rubric}
        overall={draft.feedback.overall}
        notes={draft.privateNotes}
        unaddressed={unaddressed}
        required={notYet}
        readOnly={readOnly}
        onOverall={(text) => review.update((d) => ({ ...d, feedback: { ...d.feedback, overall: text } }))}
        onNotes={(text) => review.update((d) => ({ ...d, privateNotes: text }))}
        onJumpToCriterion={focusCriterion}
      />
      <LocalHistory packetId={manifest.packetId} />
      {!readOnly && (
        <div className="submit-bar">
          <button type="button" className="primary" onClick={() => setSubmitOpen(true)}>
            Check and submit (Ctrl+Enter)
          </button>
          <span className="muted small">
            {issues.length ? `${issues.length} item(s) still to finish` : 'Ready to submit'}
          </span>
        </div>
      )}
    </div>
  );

  return (
    <div className="screen review">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'library' })}>
          ← Queue
        </a>
        <h1>
          {manifest.credential.title}
          <span className="muted">
            {' '}
            · {manifest.candidate.pseudonym} · attempt {manifest.attempt.number}
          </span>
        </h1>
        <div className="topbar-actions">
          <VerifyButton packetId={manifest.packetId} />
        </div>
      </header>
      <SplitLayout evidence={evidencePane} rubric={rubricPane} />
      <SubmitDialog
        open={submitOpen}
        issues={issues}
        summary={`Recommend ${draft.decision ? DECISION_LABEL[draft.decision.kind] : '—'} for ${manifest.candidate.pseudonym}, with ${draft.comments.length} evidence comment(s).`}
        onClose={() => setSubmitOpen(false)}
        onSubmit={() => {
          setSubmitOpen(false);
          submitDraft(draft, { rubric, assessorId, submit: review.submit }).catch((error: unknown) =>
            setNotice(
              `Could not submit: ${error instanceof Error ? error.message : String(error)}. Your work is kept as a draft.`,
            ),
          );
        }}
      />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
