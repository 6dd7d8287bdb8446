/**
 * Repeated measurement: runs a function n times and keeps the median and the range, so one slow run
 * (GC, the other core busy) neither hides nor invents a regression.
 */
import { performance } from 'node:perf_hooks';

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(values: readonly number[]): Sample {
  if (values.length === 0) throw new Error('summarise: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Milliseconds per call, measured `runs` times (default 5, the minimum the bench reports). */
export async function sampleMs(fn: () => unknown, runs = 5): Promise<Sample> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarise(times);
}
