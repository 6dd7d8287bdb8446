/**
 * The hostile-input catalogue (generate.ts): every kind is read and extracted, and must end in a
 * ReadError with the expected code and a Norwegian message naming the file, or in a result carrying the
 * expected warning. Never a crash, never a hang (a generous wall-clock ceiling catches hangs, not
 * speed), and memory growth under 10× the input or 512 MB, whichever is larger.
 */
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/adapters/readers/errors.js';
import { readContext, readDocument } from '../../src/adapters/readers/index.js';
import { DEFAULT_LIMITS } from '../../src/adapters/readers/limits.js';
import { extract } from '../../src/core/extract/extract.js';
import type { ExtractionResult } from '../../src/core/model/extraction.js';
import { KINDS } from './generate.js';

const HANG = 30_000;
const MB = 1024 * 1024;

describe('hostile inputs', () => {
  it('the catalogue has at least 55 kinds', () => {
    expect(KINDS.length).toBeGreaterThanOrEqual(55);
    expect(new Set(KINDS.map((k) => k.kind)).size).toBe(KINDS.length);
  });

  it.each(KINDS.map((k) => [k.kind, k] as const))('%s', async (_, k) => {
    const input = await k.make();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    let result: ExtractionResult | null = null;
    let error: ReadError | null = null;
    try {
      const ctx = readContext(input.name, { ...DEFAULT_LIMITS, ...k.limits });
      result = extract(await readDocument(input.bytes, input.name, ctx));
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      error = err;
    }
    expect(Date.now() - started).toBeLessThan(HANG);
    expect(process.memoryUsage().rss - before).toBeLessThan(Math.max(10 * input.bytes.length, 512 * MB));
    if ('error' in k.expect) {
      expect(error?.code, error?.message ?? 'read without error').toBe(k.expect.error);
      expect(error?.message.startsWith(`${input.name}: `)).toBe(true);
    } else {
      expect(error, error?.message).toBeNull();
      if ('warning' in k.expect) expect(result?.warnings.map((w) => w.code)).toContain(k.expect.warning);
    }
  });
});
