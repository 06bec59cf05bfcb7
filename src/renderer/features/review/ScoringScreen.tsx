import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EvidenceAnchor, EvidenceComment } from '../../../shared/domain/score';
import { reviewIssues, unaddressedCriteria } from '../../../shared/review/completeness';
import { describeRule, feedbackThreshold, impliedDecision } from '../../../shared/review/decision-rules';
import type { ReviewDraft } from '../../../shared/review/draft';
import { anchorLabel } from '../../../shared/review/export/anchor-label';
import { draftFromRecord } from '../../data/reviews';
import { preloadViewers, type ViewerHandle } from '../../viewers';
import { HISTORY_SECTION, RESPONSES_SECTION, navEntries } from '../packet/sections';
import { addBankEntry } from '../../data/comment-bank';
import { fieldTargetKey, insertIntoDraft, type FeedbackField } from './bank/bank-model';
import { CommentBankDialog } from './bank/CommentBankDialog';
import { CommentComposer } from './CommentComposer';
import { anchorEntryId } from './comments/anchor-entry';
import { CommentsList } from './comments/CommentsList';
import { CriterionCard } from './CriterionCard';
import { DECISION_LABEL, DecisionSection } from './DecisionSection';
import { EvidencePane } from './EvidencePane';
import { FeedbackSection } from './FeedbackSection';
import { GeneralComments } from './GeneralComments';
import type { ShortcutAction } from './keymap';
import { LocalHistory } from './LocalHistory';
import { RubricHeader } from './RubricHeader';
import { visibleEntries, type ScoringSubject, type SubmitTarget } from './scoring';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SplitLayout } from './SplitLayout';
import { SubmitDialog } from './SubmitDialog';
import { SubmittedBanner } from './SubmittedBanner';
import { useReviewDraft } from './useReviewDraft';
import { useReviewShortcuts } from './useReviewShortcuts';
import { useTimeOnTask } from './useTimeOnTask';

export interface ScoringScreenProps {
  /** What is scored, against which rubric, and what may be shown. */
  subject: ScoringSubject;
  /** Where the finished review goes. */
  target: SubmitTarget;
  /** The evidence item to show (from the route); the draft's last item otherwise. */
  itemId?: string;
  /** The assessor chose another item: the host records it in its route. */
  onSelectItem(itemId: string): void;
  /** The host's top bar: where this screen sits (back link, title, actions). */
  topbar: ReactNode;
  /**
   * What the host puts beside the rubric to score against (an adjudication: the two scorings),
   * shown at the top of the rubric pane under its heading, collapsible.
   */
  reference?: { heading: string; content: ReactNode };
  /** The reference for one criterion, shown in its card (an adjudication: each scorer's level). */
  criterionReference?(criterionId: string): ReactNode;
}

/**
 * Scoring one packet: evidence on one side, the rubric on the other. Every edit goes to the
 * draft (autosaved); submit checks completeness and hands the review to the target; a submitted
 * review is shown read-only. Hosts decide what is scored and where it goes (see scoring.ts).
 */
export function ScoringScreen({
  subject,
  target,
  itemId,
  onSelectItem,
  topbar,
  reference,
  criterionReference,
}: ScoringScreenProps) {
  const { manifest, rubric, show } = subject;
  const viewerHandle = useRef<ViewerHandle | null>(null);
  const timeReader = useRef<() => number>(() => 0);
  const review = useReviewDraft(manifest.packetId, () => timeReader.current(), target.drafts);
  const startMs = review.state?.kind === 'draft' ? review.state.draft.timeOnTaskMs : undefined;
  const activeMs = useTimeOnTask(startMs, () => viewerHandle.current?.playing?.() ?? false);
  timeReader.current = activeMs;

  const entries = visibleEntries(navEntries(manifest), show);
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

  const rubricRef = useRef<HTMLDivElement>(null);
  const pendingReveal = useRef<EvidenceAnchor | undefined>(undefined);
  const [composer, setComposer] = useState<{ anchor: EvidenceAnchor; criterionId?: string; resume: boolean }>();
  const [activeCriterion, setActiveCriterion] = useState<string | undefined>(rubric.criteria[0]?.id);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [compact, setCompact] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [bankOpen, setBankOpen] = useState(false);
  /** Where the bank inserts: the feedback field last in focus, the overall feedback to begin with. */
  const [bankField, setBankField] = useState<FeedbackField>({ kind: 'overall' });

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
      onSelectItem(id);
      review.updateSilently((d) => ({ ...d, viewer: { itemId: id } }));
    },
    [onSelectItem, review],
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
      // Asked before capturing: capturing a media anchor pauses it.
      const wasPlaying = viewerHandle.current?.playing?.() ?? false;
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
    if (remember) void addBankEntry({ rubricId: rubric.id, criterionId, text });
    if (composer.resume) viewerHandle.current?.resume?.();
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
    const card = rubricRef.current?.querySelector<HTMLElement>(`[data-criterion="${criterionId}"]`);
    card?.scrollIntoView({ block: 'nearest' });
    card?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]')?.focus();
  };
  const moveCriterion = (from: number, direction: 1 | -1) => {
    const next = rubric.criteria[from + direction];
    if (next) focusCriterion(next.id);
  };
  const step = (direction: 1 | -1) => {
    const next = entries[entries.findIndex((e) => e.id === selectedId) + direction];
    if (next) select(next.id);
  };

  const openBank = (field?: FeedbackField) => {
    if (field) setBankField(field);
    setBankOpen(true);
  };
  /** Adds a bank entry to a feedback field, closes the bank and puts the assessor back in that field. */
  const insertFromBank = (field: FeedbackField, text: string) => {
    review.update((d) => insertIntoDraft(d, field, text));
    setBankOpen(false);
    // After the dialog has closed (closing hands the focus back to where it was opened from).
    requestAnimationFrame(() => focusTextEnd(fieldTargetKey(field)));
  };

  const run = (action: ShortcutAction) => {
    // The bank is a modal dialog: keys typed there are not for the screen behind it.
    if (bankOpen) return;
    if (action === 'submit') setSubmitOpen(!readOnly);
    else if (action === 'show-shortcuts') setShortcutsOpen(true);
    else if (action === 'comment') startComment();
    else if (action === 'previous-item') step(-1);
    else if (action === 'next-item') step(1);
    else if (action === 'open-comment-bank') openBank();
  };
  useReviewShortcuts({ run, paused: composer !== undefined });

  if (!draft) {
    return (
      <p role="status" className="notice">
        Opening the review…
      </p>
    );
  }

  const threshold = feedbackThreshold(rubric);
  const implied = impliedDecision(rubric, draft.levels);
  const issues = readOnly ? [] : [...reviewIssues(rubric, draft), ...(target.issues?.(rubric, draft) ?? [])];
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
    <div className="rubric-pane" ref={rubricRef}>
      {review.state?.kind === 'submitted' && (
        <SubmittedBanner
          review={review.state.review}
          manifest={manifest}
          onReopen={show.reopen ? () => void review.reopen() : undefined}
          exports={show.exports}
        />
      )}
      {reference && (
        <details open className="scoring-reference">
          <summary>
            <h2>{reference.heading}</h2>
          </summary>
          {reference.content}
        </details>
      )}
      <RubricHeader
        rubric={rubric}
        scored={scored}
        activeMs={activeMs}
        readOnly={readOnly}
        saveStatus={review.saveStatus}
        compact={compact}
        onCompact={setCompact}
        onShortcuts={() => setShortcutsOpen(true)}
        onCommentBank={() => openBank()}
        earlierAttempt={
          show.earlierAttempts && manifest.attempt.number > 1
            ? { number: manifest.attempt.number, show: () => select(HISTORY_SECTION) }
            : undefined
        }
      />
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
              onOpenBank={() => openBank({ kind: 'criterion', criterionId: criterion.id })}
              onFeedbackFocus={() => setBankField({ kind: 'criterion', criterionId: criterion.id })}
              reference={criterionReference?.(criterion.id)}
            />
          );
        })}
        <GeneralComments
          comments={draft.comments.filter((c) => !c.criterionId)}
          manifest={manifest}
          onReveal={revealComment}
        />
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
        onOpenBank={() => openBank({ kind: 'overall' })}
        onOverallFocus={() => setBankField({ kind: 'overall' })}
      />
      {show.localHistory && <LocalHistory packetId={manifest.packetId} />}
      {!readOnly && (
        <div className="submit-bar">
          <button type="button" className="primary" onClick={() => setSubmitOpen(true)}>
            {target.submitLabel} (Ctrl+Enter)
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
      {topbar}
      <SplitLayout evidence={evidencePane} rubric={rubricPane} />
      <SubmitDialog
        open={submitOpen}
        issues={issues}
        summary={`Recommend ${draft.decision ? DECISION_LABEL[draft.decision.kind] : '—'} for ${manifest.candidate.pseudonym}, with ${draft.comments.length} evidence comment(s).`}
        destination={target.destination}
        onClose={() => setSubmitOpen(false)}
        onSubmit={() => {
          setSubmitOpen(false);
          review
            .submit((finished) => target.submit(finished, rubric))
            .catch((error: unknown) =>
              setNotice(
                `Could not submit: ${error instanceof Error ? error.message : String(error)}. Your work is kept as a draft.`,
              ),
            );
        }}
      />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <CommentBankDialog
        open={bankOpen}
        rubric={rubric}
        field={readOnly ? undefined : bankField}
        onFieldChange={setBankField}
        onInsert={insertFromBank}
        onClose={() => setBankOpen(false)}
      />
    </div>
  );
}

/** Focuses a text field by id with the caret at the end, ready to go on typing. */
function focusTextEnd(id: string): void {
  const field = document.getElementById(id);
  if (!(field instanceof HTMLTextAreaElement)) return;
  field.focus();
  field.setSelectionRange(field.value.length, field.value.length);
}
