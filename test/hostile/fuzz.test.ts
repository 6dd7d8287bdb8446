/**
 * A short structure-aware fuzz run per format (FC_RUNS raises it; scripts/fuzz.ts is the long run).
 * Every case must be read or refused with a ReadError naming the file: never a crash.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkInput, FUZZ_FORMATS } from './fuzz-cases.js';

const RUNS: Record<keyof typeof FUZZ_FORMATS, number> = { txt: 40, html: 40, docx: 10, pdf: 15 };
const SCALE = Number(process.env.FC_RUNS ?? '1');
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261204;

describe('fuzzed inputs are read or refused, never a crash', () => {
  for (const [format, arb] of Object.entries(FUZZ_FORMATS) as [
    keyof typeof FUZZ_FORMATS,
    fc.Arbitrary<{ name: string; bytes: Uint8Array }>,
  ][])
    it(
      format,
      async () => {
        await fc.assert(
          fc.asyncProperty(arb, async (input) => {
            await checkInput(input);
          }),
          { numRuns: Math.max(1, Math.round(RUNS[format] * SCALE)), seed },
        );
      },
      120_000,
    );
});
