import { z } from 'zod';
import { REVIEW_EXPORT_FORMAT_VERSION, ReviewExport } from './review-json';

/** The review export as JSON Schema (draft 2020-12), generated from the zod schema. */
export function reviewExportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReviewExport, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: `https://anchor.invalid/schemas/review-export-v${REVIEW_EXPORT_FORMAT_VERSION}.json`,
    title: `Anchor review export, format v${REVIEW_EXPORT_FORMAT_VERSION}`,
    description:
      'Submitted reviews exported as JSON, for the assessor side or for candidates (audience). Each carries the assessor’s recommendedDecision, never a committee decision. The candidate audience never carries assessor identity, rationales, decision justifications or private notes. See docs/review-export.md.',
  };
}
