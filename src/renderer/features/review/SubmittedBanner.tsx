import { useState } from 'react';
import type { PacketManifest } from '../../../shared/packet/manifest';
import type { SubmittedReview } from '../../data/db';
import { PacketUploadStatus } from '../hub/PacketUploadStatus';
import { exportReviews, type ExportKind } from './export-reviews';

/** A submitted review: read-only, with its exports and the way to reopen it as a new revision. */
export function SubmittedBanner({
  review,
  manifest,
  onReopen,
  exports = true,
}: {
  review: SubmittedReview;
  manifest: PacketManifest;
  /** Absent where the host does not allow reopening (see ScoringVisibility.reopen). */
  onReopen?(): void;
  /** False where the host offers no exports (see ScoringVisibility.exports). */
  exports?: boolean;
}) {
  const [status, setStatus] = useState<string>();
  const run = async (kind: ExportKind) => {
    try {
      setStatus(await exportReviews([{ review, manifest }], kind));
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section className="submitted-banner" aria-label="Submitted review">
      <p>
        <strong>Submitted</strong> revision {review.revision} on {new Date(review.submittedAt).toLocaleString()}. This
        review is read-only{review.exportedAt ? `; exported ${new Date(review.exportedAt).toLocaleString()}` : ''}.
      </p>
      <PacketUploadStatus packetId={review.packetId} />
      {(exports || onReopen) && (
        <div className="banner-actions" role="toolbar" aria-label={exports ? 'Export' : 'Actions'}>
          {exports && (
            <>
              <button type="button" onClick={() => void run('csv')}>
                Export CSV
              </button>
              <button type="button" onClick={() => void run('json')}>
                Export JSON
              </button>
              <button type="button" onClick={() => void run('candidate-json')}>
                Export candidate JSON
              </button>
              <button
                type="button"
                onClick={() => void run('candidate-pdf')}
                title="Your recommended feedback for the candidate, labelled as not a decision: the committee decides and releases"
              >
                Recommended feedback (PDF)
              </button>
            </>
          )}
          {onReopen && (
            <button type="button" onClick={onReopen}>
              Reopen as revision {review.revision + 1}
            </button>
          )}
        </div>
      )}
      {status && (
        <p role="status" className="muted small">
          {status}
        </p>
      )}
    </section>
  );
}
