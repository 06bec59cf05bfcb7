import { useState } from 'react';
import { bridge } from '../../bridge';
import { db, type SubmittedReview } from '../../data/db';
import { exportReviews, type ExportKind } from '../review/export-reviews';

/** Exports the latest submitted revision of every reviewed packet, as program staff expect. */
export function BulkExport({ submittedCount }: { submittedCount: number }) {
  const [status, setStatus] = useState<string>();
  const run = async (kind: ExportKind) => {
    setStatus('Preparing the export…');
    try {
      const latest = new Map<string, SubmittedReview>();
      for (const review of await db.reviews.toArray()) {
        const known = latest.get(review.packetId);
        if (!known || known.revision < review.revision) latest.set(review.packetId, review);
      }
      const items = [];
      for (const review of latest.values()) {
        const { manifest } = await bridge['packets.get']({ packetId: review.packetId });
        items.push({ review, manifest });
      }
      setStatus(items.length ? await exportReviews(items, kind) : 'No submitted reviews to export yet.');
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="bulk-export" role="group" aria-label="Export submitted reviews">
      <span
        className="muted small"
        title="Each review carries the assessor's recommended decision: the committee decides"
      >
        {submittedCount} submitted (recommendations, not decisions):
      </span>
      <button type="button" disabled={!submittedCount} onClick={() => void run('csv')}>
        Export all (CSV)
      </button>
      <button type="button" disabled={!submittedCount} onClick={() => void run('json')}>
        Export all (JSON)
      </button>
      {status && (
        <span role="status" className="muted small">
          {status}
        </span>
      )}
    </div>
  );
}
