/**
 * `npm run bench`: prints a table of measured figures. Sections from other modules (readers, register)
 * are included when present. Benchmarks are never part of `npm test`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchExtraction } from './extraction.js';
import type { BenchRow } from './row.js';

type Section = { title: string; run: () => BenchRow[] | Promise<BenchRow[]> };

async function optional(file: string, fn: string): Promise<Section['run'] | null> {
  if (!existsSync(join(import.meta.dirname, `${file}.ts`))) return null;
  const mod = (await import(`./${file}.js`)) as Record<string, unknown>;
  const f = mod[fn];
  return typeof f === 'function' ? (f as Section['run']) : null;
}

function fmt(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function print(title: string, rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.name.length), title.length);
  console.log(`\n${title}\n${'-'.repeat(width + 16)}`);
  for (const r of rows) {
    const extra: string[] = [];
    if (r.range) extra.push(`median of ${r.runs ?? '?'}, ${fmt(r.range[0])}–${fmt(r.range[1])}`);
    if (r.mode) extra.push(r.mode);
    if (r.baseline) extra.push(`${r.baseline.name} ${fmt(r.baseline.value)}`);
    if (r.ratio !== undefined) extra.push(`ratio ${r.ratio.toFixed(2)}×`);
    if (r.target) extra.push(`target ${r.target}`);
    const tail = extra.length > 0 ? `  (${extra.join('; ')})` : '';
    console.log(`${r.name.padEnd(width)}  ${fmt(r.value).padStart(9)} ${r.unit}${tail}`);
  }
}

const sections: Section[] = [{ title: 'Extraction (one core)', run: benchExtraction }];
const readers = await optional('readers', 'benchReaders');
if (readers) sections.push({ title: 'Readers (PDF, DOCX, HTML)', run: readers });
const register = await optional('register', 'benchRegister');
if (register) sections.push({ title: 'Register (import, search)', run: register });

const ingest = await optional('ingest', 'benchIngest');
if (ingest) sections.push({ title: 'Ingest (queue, workers, register at size)', run: ingest });
const web = await optional('web', 'benchWeb');
if (web) sections.push({ title: 'Web app (budget)', run: web });

const fuzz = await optional('fuzz', 'benchFuzz');
if (fuzz) sections.push({ title: 'Hostile input (fuzzing)', run: fuzz });

const only = process.argv[2];
for (const s of sections) {
  if (only && !s.title.toLowerCase().includes(only.toLowerCase())) continue;
  print(s.title, await s.run());
}
