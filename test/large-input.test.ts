/**
 * A 50 MB text file (every seed repeated) is read and extracted in bounded time without crashing.
 * Throughput itself is measured by `npm run bench`, not here; the bound only catches runaway behaviour
 * (quadratic scans, catastrophic regex backtracking).
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/adapters/readers/index.js';
import { extract } from '../src/core/extract/extract.js';
import { SEED, type SeedKey, seedText } from './helpers/seeds.js';

describe('a 50 MB text file', () => {
  it('gives a result with records and warnings', async () => {
    const one = (Object.keys(SEED) as SeedKey[]).map(seedText).join('\n');
    const copies = Math.ceil(50e6 / Buffer.byteLength(one));
    const bytes = new TextEncoder().encode(one.repeat(copies));
    expect(bytes.length).toBeGreaterThan(50e6);
    const result = extract(await readDocument(bytes, 'stor.txt'));
    expect(result.document.lineCount).toBeGreaterThan(copies * 18_000);
    // Read as one document the copies repeat IDs, so records merge or are flagged as duplicates; at the
    // least every record of one copy is there.
    const once = extract(await readDocument(new TextEncoder().encode(one), 'en.txt'));
    expect(result.assignments.length).toBeGreaterThanOrEqual(once.assignments.length);
    expect(result.warnings.some((w) => w.code === 'duplicate_assignment_id')).toBe(true);
    expect(result.warnings.some((w) => w.code === 'internal_error')).toBe(false);
  }, 120_000);
});
