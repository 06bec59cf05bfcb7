import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewExportJsonSchema } from './review-json-schema';

describe('published review export JSON Schema', () => {
  it('matches the zod schema (run scripts/generate-review-schema.ts after changing it)', () => {
    const published = JSON.parse(readFileSync('docs/review-export.schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(reviewExportJsonSchema())));
  });
});
