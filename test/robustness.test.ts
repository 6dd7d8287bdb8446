/**
 * The extractor never throws and always returns a valid result with warnings, whatever it is fed:
 * random mutations of the seeds (thousands of windows), random bytes, empty and binary files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../src/adapters/readers/errors.js';
import { readDocument } from '../src/adapters/readers/index.js';
import { extract } from '../src/core/extract/extract.js';
import { ExtractionResult } from '../src/core/model/extraction.js';
import { SEED, type SeedKey, seedText } from './helpers/seeds.js';

const seedLines = Object.fromEntries(
  (Object.keys(SEED) as SeedKey[]).map((k) => [k, seedText(k).split('\n')]),
) as Record<SeedKey, string[]>;

function run(rawLines: string[]): ExtractionResult {
  const result = extract({ name: 'mutert.txt', format: 'txt', rawLines, sha256: '0'.repeat(64) });
  // A stage that throws is caught by the pipeline and reported as internal_error; that is still a bug.
  const internal = result.warnings.filter((w) => w.code === 'internal_error');
  expect(internal).toEqual([]);
  return ExtractionResult.parse(result);
}

const noise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    'Frist: 31. februar 2024',
    'TB2024-',
    'ID:',
    '\t\t\t',
    'Avd.HOD:',
    '740\t01\tDriftsutgifter\t1 2 3 4 5',
    'Sum kap. 740\t',
    '<ul>',
    '</p>',
    'Tidligere gitte oppdrag som ikke er ferdigstilt',
    '2.1.2 Oppdrag',
    'Mål 1:',
    '\uF0B7',
    '− 12 000',
    'Alle tall i hele tusen',
    'Frist: innen',
    '99999999999999999999999',
  ),
);

const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: noise }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), len: fc.nat({ max: 80 }) }),
  fc.record({ op: fc.constant('join' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(lines: string[], muts: Mutation[]): string[] {
  const out = [...lines];
  for (const m of muts) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    switch (m.op) {
      case 'delete':
        out.splice(i, 1);
        break;
      case 'duplicate':
        out.splice(i, 0, out[i]!);
        break;
      case 'swap': {
        const j = m.to % out.length;
        [out[i], out[j]] = [out[j]!, out[i]!];
        break;
      }
      case 'insert':
        out.splice(i, 0, m.text);
        break;
      case 'truncate':
        out[i] = out[i]!.slice(0, m.len);
        break;
      case 'join':
        out.splice(i, 2, `${out[i]!} ${out[i + 1] ?? ''}`);
        break;
    }
  }
  return out;
}

describe('robustness', () => {
  it('survives thousands of random mutations of seed windows', () => {
    const keys = Object.keys(SEED) as SeedKey[];
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.nat(),
        fc.integer({ min: 20, max: 160 }),
        fc.array(mutation, { maxLength: 12 }),
        (key, start, size, muts) => {
          const lines = seedLines[key];
          const from = start % lines.length;
          run(apply(lines.slice(from, from + size), muts));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('survives mutations of whole seed documents', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(SEED) as SeedKey[])),
        fc.array(mutation, { maxLength: 40 }),
        (key, muts) => {
          run(apply(seedLines[key], muts));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reads random bytes as a clear error or a result, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('x.txt', 'x.pdf', 'x.docx', 'x.html', 'x'),
        async (bytes, name) => {
          try {
            const input = await readDocument(bytes, name);
            run([...input.rawLines]);
          } catch (err) {
            expect(err).toBeInstanceOf(ReadError);
            expect((err as ReadError).message).toContain(name);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses an empty file with a message, and warns when extraction is handed no text', async () => {
    await expect(readDocument(new Uint8Array(0), 'tom.txt')).rejects.toThrow(/^tom\.txt: filen er tom/);
    const result = run(['']);
    expect(result.warnings.map((w) => w.code)).toContain('empty_document');
    expect(result.assignments).toEqual([]);
  });

  it('rejects a binary file with a message that names it', async () => {
    const bytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]);
    await expect(readDocument(bytes, 'program.bin')).rejects.toThrow(/program\.bin.*ikke tekst/);
  });
});
