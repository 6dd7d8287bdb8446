/**
 * Text whose line breaks were lost (a page per line): sections, assignments and deadlines are still
 * found, and the result says the text was flattened.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/core/extract/extract.js';
import type { ExtractionResult } from '../src/core/model/extraction.js';
import { isFlattened, splitFlattened } from '../src/core/text/flattened.js';
import { toLines } from '../src/core/text/lines.js';
import { fixtureLines, flatten } from './helpers/fixtures.js';
import { SEED, type SeedKey, seedText } from './helpers/seeds.js';

function run(rawLines: readonly string[]): ExtractionResult {
  return extract({
    name: 'flat.txt',
    format: 'txt',
    rawLines,
    sha256: createHash('sha256').update(rawLines.join('\n')).digest('hex'),
  });
}

const deadlines = (r: ExtractionResult) => r.assignments.map((a) => [a.id, a.deadlines.map((d) => d.date)]);

describe('splitting a flattened line at its layout cues', () => {
  it('cuts before numbered headings (set apart by blank lines), assignment headers, "Frist:" and footers', () => {
    const page =
      'Brevet gir direktoratet mål for 2026. 2.1 Levende kystkultur Departementet legger vekt på frivillig arbeid. ' +
      'TB2026-1 Avd. KKD: KYA Kartlegging av fredede fartøy Direktoratet skal kartlegge fartøy, jf. TB2025-4 og tidligere arbeid. ' +
      'Frist: 1. september 2026 Side 2 av 5 • Første punkt';
    expect(splitFlattened(page)).toEqual([
      'Brevet gir direktoratet mål for 2026.',
      '',
      '2.1 Levende kystkultur',
      '',
      'Departementet legger vekt på frivillig arbeid.',
      '',
      'TB2026-1 Avd. KKD: KYA Kartlegging av fredede fartøy',
      'Direktoratet skal kartlegge fartøy, jf. TB2025-4 og tidligere arbeid.',
      'Frist: 1. september 2026',
      'Side 2 av 5',
      '• Første punkt',
    ]);
  });

  it('leaves paragraphs of ordinary letters alone, however long', () => {
    const paragraph = 'Direktoratet skal følge opp arbeidet innen 1. mars 2026 og rapportere. '.repeat(30);
    expect(isFlattened(paragraph)).toBe(false);
    for (const key of Object.keys(SEED) as SeedKey[])
      expect(toLines(seedText(key).split('\n')).filter((l) => l.flattened)).toEqual([]);
  });
});

describe('a letter stored without line breaks', () => {
  const lines = fixtureLines('kystkultur-2026.txt');
  const want = run(lines);
  const flat = run(flatten(lines, 25));

  it('finds the same sections, assignments and deadlines as the letter with line breaks', () => {
    expect(want.assignments).toHaveLength(4);
    expect(flat.sections.map((s) => s.number)).toEqual(want.sections.map((s) => s.number));
    expect(deadlines(flat)).toEqual(deadlines(want));
    expect(flat.assignments.map((a) => a.title)).toEqual(want.assignments.map((a) => a.title));
  });

  it('warns that the text was flattened, at the first flattened line', () => {
    expect(want.warnings.filter((w) => w.code === 'text_flattened')).toEqual([]);
    const w = flat.warnings.filter((x) => x.code === 'text_flattened');
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(1);
    expect(w[0]!.message).toMatch(/mangler linjeskift \(3 linjer/);
  });

  it('warns even when a flattened page holds no cue to split at', () => {
    const prose =
      'Direktoratet skal bidra til at kystkulturen tas vare på og formidles til nye generasjoner. ';
    const r = run(['Tildelingsbrev til Direktoratet for kystkultur for 2026', prose.repeat(80)]);
    expect(r.warnings.map((x) => [x.code, x.line])).toContainEqual(['text_flattened', 2]);
  });
});

describe('the seeds stored without line breaks (45 source lines a page)', () => {
  // Floors measured when the cutting was written; tables on flattened pages are not read, and a few
  // headers fall where no cue shows them. The warning is what makes the loss visible.
  it.each(Object.keys(SEED) as SeedKey[])(
    '%s: most assignments and deadlines are found, and it warns',
    (key) => {
      const lines = seedText(key).split('\n');
      const want = run(lines);
      const got = run(flatten(lines, 45));
      expect(got.warnings.map((w) => w.code)).toContain('text_flattened');
      const ids = new Set(got.assignments.map((a) => a.id));
      const found = want.assignments.filter((a) => ids.has(a.id)).length;
      expect(found).toBeGreaterThanOrEqual(Math.floor(want.assignments.length * 0.75));
      const count = (r: ExtractionResult) => r.assignments.reduce((n, a) => n + a.deadlines.length, 0);
      expect(count(got)).toBeGreaterThanOrEqual(Math.floor(count(want) * 0.65));
    },
  );
});
