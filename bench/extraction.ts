/** Extraction throughput (MB/s on one core) and peak memory relative to input size. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extract } from '../src/core/extract/extract.js';
import type { BenchRow } from './row.js';

export const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
/** The three letters with numbered assignments (the benchmark set). */
export const LETTERS = ['000_3618797248de71de.txt', '001_595c027574c5148c.txt', '003_8d4a857d2773e53a.txt'];

function run(text: string, name: string): number {
  const r = extract({ name, format: 'txt', rawLines: text.split('\n'), sha256: '0'.repeat(64) });
  return r.assignments.length + r.budgetLines.length;
}

export function benchExtraction(): BenchRow[] {
  const texts = LETTERS.map((f) => ({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') }));
  const rows: BenchRow[] = [];
  // The first extraction in a fresh process includes compiling the code; report it, then measure the
  // steady state (what an import of many letters sees) after the JIT has warmed up.
  const coldStart = performance.now();
  run(texts[0]!.text, texts[0]!.name);
  rows.push({
    name: `first extraction in a fresh process (${texts[0]!.name})`,
    value: performance.now() - coldStart,
    unit: 'ms',
  });
  for (let i = 0; i < 5; i++) for (const t of texts) run(t.text, t.name);
  let totalBytes = 0;
  let totalMs = 0;
  for (const t of texts) {
    const bytes = Buffer.byteLength(t.text);
    const rounds = 20;
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      run(t.text, t.name);
      times.push(performance.now() - start);
    }
    // Median: robust against a GC pause or another process taking the core for one round.
    const ms = times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
    totalBytes += bytes;
    totalMs += ms;
    rows.push({
      name: `extract ${t.name} (${(bytes / 1024).toFixed(0)} KiB), median`,
      value: ms,
      unit: 'ms',
    });
    rows.push({ name: `throughput ${t.name}`, value: bytes / 1e6 / (ms / 1000), unit: 'MB/s' });
  }
  rows.push({ name: 'throughput, three letters', value: totalBytes / 1e6 / (totalMs / 1000), unit: 'MB/s' });
  rows.push(...memoryRows());
  return rows;
}

/** Peak RSS growth of a fresh process extracting the three letters concatenated 10× (~5.5 MB). */
function memoryRows(): BenchRow[] {
  const script = `
    import { readFileSync } from 'node:fs';
    import { join } from 'node:path';
    import { extract } from './src/core/extract/extract.ts';
    const files = ${JSON.stringify(LETTERS)};
    const text = Array.from({ length: 10 }, () => files.map((f) => readFileSync(join(${JSON.stringify(SEEDS)}, f), 'utf8')).join('\\n')).join('\\n');
    const lines = text.split('\\n');
    globalThis.gc?.();
    const before = process.resourceUsage().maxRSS;
    const r = extract({ name: 'big', format: 'txt', rawLines: lines, sha256: '0'.repeat(64) });
    const after = process.resourceUsage().maxRSS;
    console.log(JSON.stringify({ bytes: Buffer.byteLength(text), grewKiB: after - before, records: r.assignments.length }));
  `;
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    },
  );
  const m = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { bytes: number; grewKiB: number };
  return [
    { name: 'memory: input size (letters ×10)', value: m.bytes / 1e6, unit: 'MB' },
    { name: 'memory: peak RSS growth during extraction', value: (m.grewKiB * 1024) / 1e6, unit: 'MB' },
    { name: 'memory: peak growth / input size', value: (m.grewKiB * 1024) / m.bytes, unit: '×' },
  ];
}
