/**
 * Every reader runs in time linear in its input: pathological inputs of 1×, 2× and 4× the base size,
 * the best of two runs each. Linear growth gives a 4× ratio and quadratic 16×; the bound of 10× leaves
 * room for a loaded machine. Ratios, not absolute times; a failing ratio is measured once more before
 * it counts, so one stall of the machine does not fail the suite.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { readContext, readDocument } from '../../src/adapters/readers/index.js';
import { PATHOLOGICAL, type Pathological } from './pathological.js';

const MAX_RATIO = 10;

async function best(p: Pathological, bytes: Uint8Array): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    await readDocument(bytes, p.name, readContext(p.name));
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

async function ratio(p: Pathological): Promise<{ ratio: number; times: number[] }> {
  const inputs = [1, 2, 4].map((k) => p.make(p.base * k));
  await best(p, inputs[0] ?? new Uint8Array());
  const times: number[] = [];
  for (const bytes of inputs) times.push(await best(p, bytes));
  return { ratio: (times[2] ?? 0) / Math.max(times[0] ?? 0, 1), times };
}

describe('readers are linear in their input', () => {
  it.each(PATHOLOGICAL.map((p) => [`${p.reader}: ${p.kind}`, p] as const))(
    '%s',
    async (_, p) => {
      let m = await ratio(p);
      if (m.ratio >= MAX_RATIO) m = await ratio(p);
      expect(m.ratio, `times ${m.times.map((t) => t.toFixed(1)).join(' / ')} ms`).toBeLessThan(MAX_RATIO);
    },
    120_000,
  );
});
