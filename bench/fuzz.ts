/** Fuzzing throughput: a 2 000-case run of scripts/fuzz.ts (the long run is `npx tsx scripts/fuzz.ts`). */
import { runFuzz } from '../scripts/fuzz.js';
import type { BenchRow } from './row.js';

export async function benchFuzz(): Promise<BenchRow[]> {
  const r = await runFuzz(2000, 7);
  return [
    {
      name: `fuzz: cases per second (${r.cases} cases, txt/html/docx/pdf)`,
      value: r.cases / (r.ms / 1000),
      unit: 'cases/s',
    },
    { name: 'fuzz: crashes', value: r.crashes.length, unit: 'cases' },
    { name: 'fuzz: inputs refused with a ReadError', value: r.refused, unit: 'cases' },
    { name: 'fuzz: slowest case', value: r.slowestMs, unit: 'ms' },
  ];
}
