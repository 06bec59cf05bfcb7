import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { reviewExportJsonSchema } from '../src/shared/review/export/review-json-schema';

/** Writes docs/review-export.schema.json from the zod schema (a test checks it is current). */
const target = resolve(import.meta.dirname, '../docs/review-export.schema.json');
await writeFile(target, JSON.stringify(reviewExportJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
