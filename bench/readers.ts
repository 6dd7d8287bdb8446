/**
 * Reader speed. PDF: pages per second of a whole `extract` of real-layout letters (46–111 pages,
 * bench/pdf-letters.ts), cold (a new `node bin/styr.js extract` process) and warm (in this process),
 * each beside poppler's `pdftotext` on the same file when it is installed, with the ratio and the
 * issue's target. Then read + extract time of one letter as .txt, .md, .pdf, .docx and .html.
 * Every figure is the median of 5 runs with the range.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDocument } from '../src/adapters/readers/index.js';
import { DEFAULT_LIMITS } from '../src/adapters/readers/limits.js';
import { extractFile } from '../src/adapters/readers/parallel/jobs.js';
import { extractMany } from '../src/adapters/readers/read-many.js';
import { extract } from '../src/core/extract/extract.js';
import { makeDocx, makeHtml, makeMarkdown, makePdf, makeWordPdf } from '../test/helpers/make-documents.js';
import { type BenchLetter, letterPdf, SEEDS_DIR } from './pdf-letters.js';
import type { BenchRow } from './row.js';
import { type Sample, sampleMs, summarise } from './sample.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 5;
/** The 2025 letter: prose, assignments and a budget table. */
const LETTER = '003_8d4a857d2773e53a.txt';
const HEADER = 'Tildelingsbrev – Helsedirektoratet';

/** The sizes: font sizes chosen so the seeds land near 46, 100 and 111 pages. */
export const TIMED_LETTERS: readonly { seed: string; size: number }[] = [
  { seed: '000_3618797248de71de.txt', size: 9.5 },
  { seed: '001_595c027574c5148c.txt', size: 12.5 },
  { seed: '002_ac6af9d6cceb61dd.txt', size: 10.1 },
];
/** All five seeds, for the parallel read. */
export const ALL_LETTERS: readonly { seed: string; size: number }[] = [
  ...TIMED_LETTERS,
  { seed: '003_8d4a857d2773e53a.txt', size: 11 },
  { seed: '004_2ca8fea28e584fb4.txt', size: 11 },
];

function pdftotextInstalled(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** Wall time of a new process, `runs` times; a failing run is an error, never a figure. */
function sampleProcess(cmd: string, args: readonly string[], runs = RUNS): Sample {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}: ${String(r.stderr)}`);
  }
  return summarise(times);
}

/** A time sample as pages per second: the median, and the range (slowest run → lowest rate). */
function pagesPerSecond(pages: number, s: Sample): Pick<BenchRow, 'value' | 'range' | 'runs'> {
  const rate = (ms: number): number => pages / (ms / 1000);
  return { value: rate(s.median), range: [rate(s.max), rate(s.min)], runs: s.runs };
}

function compared(row: BenchRow, baseline: number | null, target: string): BenchRow {
  if (baseline === null) return { ...row, target };
  return { ...row, baseline: { name: 'pdftotext', value: baseline }, ratio: row.value / baseline, target };
}

async function pdfRows(): Promise<BenchRow[]> {
  const letters: BenchLetter[] = [];
  for (const l of TIMED_LETTERS) letters.push(await letterPdf(l.seed, { size: l.size, header: HEADER }));
  const poppler = pdftotextInstalled();
  const rows: BenchRow[] = [];
  // Shared machines make wall times noisy: say how loaded this one was.
  const load = loadavg()[0]!.toFixed(1);
  console.log(`  (load average ${load} on ${availableParallelism()} cores when the PDF figures started)`);
  if (!poppler)
    console.log('  (pdftotext is not installed: no baseline; apt-get install poppler-utils for one)');
  const cli = join(ROOT, 'bin', 'styr.js');
  const built = existsSync(join(ROOT, 'dist', 'adapters', 'cli', 'main.js'));
  if (!built) console.log('  (dist/ is missing: run `npm run build` for the whole-process figures)');
  for (const letter of letters) {
    const label = `${letter.seed.slice(0, 3)} (${letter.pages} pages)`;
    const base = poppler
      ? pagesPerSecond(letter.pages, sampleProcess('pdftotext', [letter.path, '-']))
      : null;
    if (base)
      rows.push({ name: `pdf ${label}: pdftotext file.pdf -`, unit: 'pages/s', mode: 'cold', ...base });
    if (built) {
      const cold = sampleProcess(process.execPath, [cli, 'extract', letter.path, '--json']);
      rows.push(
        compared(
          {
            name: `pdf ${label}: styr extract --json`,
            unit: 'pages/s',
            mode: 'cold',
            ...pagesPerSecond(letter.pages, cold),
          },
          base?.value ?? null,
          '≥ 0.25×',
        ),
      );
    }
    const bytes = new Uint8Array(readFileSync(letter.path));
    const run = async (): Promise<unknown> => extract(await readDocument(bytes, 'brev.pdf'));
    await run();
    const warm = await sampleMs(run, RUNS);
    rows.push(
      compared(
        {
          name: `pdf ${label}: read + extract in process`,
          unit: 'pages/s',
          mode: 'warm',
          ...pagesPerSecond(letter.pages, warm),
        },
        base?.value ?? null,
        '≥ 0.5×',
      ),
    );
  }
  return rows;
}

/** The five letters read + extracted one after another vs on worker threads up to the cores. */
async function parallelRows(): Promise<BenchRow[]> {
  const letters: BenchLetter[] = [];
  for (const l of ALL_LETTERS) letters.push(await letterPdf(l.seed, { size: l.size, header: HEADER }));
  const files = letters.map((l) => l.path);
  const pages = letters.reduce((n, l) => n + l.pages, 0);
  const serialRun = async (): Promise<void> => {
    for (const f of files) await extractFile(f, DEFAULT_LIMITS);
  };
  await serialRun();
  const serial = pagesPerSecond(pages, await sampleMs(serialRun, RUNS));
  // Each run starts its workers anew (pdfjs loads in each): what `styr extract *.pdf` pays.
  const parallel = pagesPerSecond(pages, await sampleMs(() => extractMany(files, DEFAULT_LIMITS), RUNS));
  const cores = availableParallelism();
  return [
    { name: `pdf 5 letters (${pages} pages): one after another`, unit: 'pages/s', mode: 'warm', ...serial },
    {
      name: `pdf 5 letters (${pages} pages): extractMany on ${cores} cores`,
      unit: 'pages/s',
      mode: 'cold',
      ...parallel,
      baseline: { name: 'one after another', value: serial.value },
      ratio: parallel.value / serial.value,
    },
  ];
}

/** Read + extract of the same letter in every format (warm, in process). */
async function formatRows(): Promise<BenchRow[]> {
  const text = readFileSync(join(SEEDS_DIR, LETTER), 'utf8');
  const lines = text.split('\n');
  const files: Record<'txt' | 'md' | 'pdf' | 'word.pdf' | 'docx' | 'html', Uint8Array> = {
    txt: new TextEncoder().encode(text),
    md: makeMarkdown(lines),
    pdf: await makePdf(lines, { header: 'Tildelingsbrev 2025', maxRowsPerPage: 60 }),
    'word.pdf': await makeWordPdf(lines),
    docx: await makeDocx(lines),
    html: makeHtml(lines),
  };
  const rows: BenchRow[] = [];
  for (const format of ['txt', 'md', 'pdf', 'word.pdf', 'docx', 'html'] as const) {
    const bytes = files[format];
    const name = `bench.${format}`;
    await readDocument(bytes, name);
    const s = await sampleMs(async () => extract(await readDocument(bytes, name)), RUNS);
    rows.push({
      name: `${format}: read + extract ${LETTER.slice(0, 3)} (${(bytes.length / 1024).toFixed(0)} KiB file)`,
      value: s.median,
      range: [s.min, s.max],
      runs: s.runs,
      mode: 'warm',
      unit: 'ms',
    });
  }
  return rows;
}

export async function benchReaders(): Promise<BenchRow[]> {
  return [...(await pdfRows()), ...(await parallelRows()), ...(await formatRows())];
}
