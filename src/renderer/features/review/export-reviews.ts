import { reviewCsv } from '../../../shared/review/export/review-csv';
import { reviewExport } from '../../../shared/review/export/review-json';
import type { PacketManifest } from '../../../shared/packet/manifest';
import type { SubmittedReview } from '../../data/db';
import { markExported } from '../../data/reviews';
import { downloadFile } from './download';

export type ExportKind = 'csv' | 'json' | 'candidate-json' | 'candidate-pdf';

/** Exports submitted reviews as a file and records the export; returns a sentence for the user. */
export async function exportReviews(
  items: Array<{ review: SubmittedReview; manifest: PacketManifest }>,
  kind: ExportKind,
): Promise<string> {
  const inputs = items.map(({ review, manifest }) => ({ record: review.record, manifest }));
  const stamp = new Date().toISOString();
  const base =
    items.length === 1
      ? `anchor-review-${items[0]!.manifest.candidate.pseudonym.replace(/\W+/g, '-')}`
      : `anchor-reviews-${stamp.slice(0, 10)}`;
  let fileName: string;
  if (kind === 'csv') {
    fileName = `${base}.csv`;
    downloadFile(fileName, reviewCsv(inputs), 'text/csv');
  } else if (kind === 'json' || kind === 'candidate-json') {
    const audience = kind === 'json' ? 'assessor' : 'candidate';
    fileName = `${base}${audience === 'candidate' ? '-candidate' : ''}.json`;
    downloadFile(fileName, JSON.stringify(reviewExport(inputs, audience, stamp), null, 2), 'application/json');
  } else {
    // pdf-lib is sizeable: load it only when a report is asked for.
    const { candidateReportPdf } = await import('../../../shared/review/export/candidate-report');
    // The assessor's recommendation: labelled so, and without a decision (only a committee's release has one).
    fileName = `${base}-recommended-feedback.pdf`;
    for (const input of inputs) downloadFile(fileName, await candidateReportPdf(input), 'application/pdf');
  }
  await markExported(
    items.map((i) => i.review),
    fileName,
  );
  return `Saved ${fileName}.`;
}
