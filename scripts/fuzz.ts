/**
 * The long fuzz run: `npx tsx scripts/fuzz.ts [cases] [seed]` (default 100 000 cases) draws
 * structure-aware inputs (test/hostile/fuzz-cases.ts) in the mix txt 40 %, HTML 40 %, DOCX 10 %,
 * PDF 10 %, reads and extracts each, and reports cases per second, how many were read or refused, and
 * every crash with its seed and case number (exit code 1). `npm run bench` prints a short run's figures.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { checkInput, FUZZ_FORMATS, type FuzzInput } from '../test/hostile/fuzz-cases.js';
import { rawPdf } from '../test/hostile/generate.js';

const MIX: [keyof typeof FUZZ_FORMATS, number][] = [
  ['txt', 0.4],
  ['html', 0.4],
  ['docx', 0.1],
  ['pdf', 0.1],
];

export interface FuzzReport {
  cases: number;
  read: number;
  refused: number;
  crashes: { format: string; index: number; error: string }[];
  ms: number;
  slowestMs: number;
  /** Which case was slowest ("html #812"), to reproduce it. */
  slowest: string;
}

/** Draw and check `cases` inputs; batches of 500 per format keep memory flat. */
export async function runFuzz(cases: number, seed = 1): Promise<FuzzReport> {
  const report: FuzzReport = {
    cases: 0,
    read: 0,
    refused: 0,
    crashes: [],
    ms: 0,
    slowestMs: 0,
    slowest: '',
  };
  // pdfjs loads its worker code on first use (seconds on a busy machine): not a case's own time.
  await checkInput({ name: 'oppvarming.pdf', bytes: rawPdf('Oppvarming') });
  const started = performance.now();
  for (const [format, share] of MIX) {
    const total = Math.round(cases * share);
    for (let done = 0; done < total; done += 500) {
      const batch: FuzzInput[] = fc.sample(FUZZ_FORMATS[format], {
        numRuns: Math.min(500, total - done),
        seed: seed + done,
      });
      for (const [i, input] of batch.entries()) {
        const t = performance.now();
        try {
          report[await checkInput(input)]++;
        } catch (err) {
          report.crashes.push({
            format,
            index: done + i,
            error: err instanceof Error ? err.message : String(err),
          });
        }
        const ms = performance.now() - t;
        if (ms > report.slowestMs) {
          report.slowestMs = ms;
          report.slowest = `${format} #${done + i}`;
        }
        report.cases++;
      }
    }
  }
  report.ms = performance.now() - started;
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = Number(process.argv[2] ?? '100000');
  const seed = Number(process.argv[3] ?? '1');
  const r = await runFuzz(cases, seed);
  console.log(
    `${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s (${(r.cases / (r.ms / 1000)).toFixed(0)} cases/s): ` +
      `${r.read} read, ${r.refused} refused, ${r.crashes.length} crashes; slowest case ${r.slowestMs.toFixed(0)} ms (${r.slowest})`,
  );
  for (const c of r.crashes.slice(0, 20)) console.log(`  ${c.format} #${c.index} (seed ${seed}): ${c.error}`);
  process.exitCode = r.crashes.length > 0 ? 1 : 0;
}
