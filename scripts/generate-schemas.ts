import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { manifestJsonSchema } from '../src/shared/packet/manifest-json-schema';

/** Writes the published JSON Schemas under docs/ (a test checks they are current). */
const target = resolve(import.meta.dirname, '../docs/packet-manifest.schema.json');
await writeFile(target, JSON.stringify(manifestJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
