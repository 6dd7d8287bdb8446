/** Regenerates docs/extraction.schema.json from the zod contract. `npm run schema`; a test checks it is current. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractionJsonSchema } from '../src/core/model/json-schema.js';

const target = join(import.meta.dirname, '..', 'docs', 'extraction.schema.json');
writeFileSync(target, `${JSON.stringify(extractionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
