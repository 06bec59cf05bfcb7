import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestJsonSchema } from './manifest-json-schema';

describe('published manifest JSON Schema', () => {
  it('matches the zod schema (run scripts/generate-schemas.ts after changing it)', () => {
    const published = JSON.parse(readFileSync('docs/packet-manifest.schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(manifestJsonSchema())));
  });
});
