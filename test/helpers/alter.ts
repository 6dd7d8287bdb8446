/**
 * Alterations of a seed that must not change what is extracted: prose re-wrapped at another width,
 * sections in another order, other department codes. Used by test/generality.test.ts.
 */
import type { ExtractionResult } from '../../src/core/model/extraction.js';

// Lines that carry structure (headers, IDs, deadlines, bullets, tables, headings) are never re-wrapped.
const STRUCTURAL =
  /\t|<|^\s*(?:[•✓\-–*]|\d|[a-zæøå]\)|[ivx]+\.|\(|<|ID\b|T?TB|RTB|Frist|Ny frist|Avd|Eieravdeling|Ansvarlig|Kap|Post|Mål|Tidligere|Oppdrag|Del\b|Deloppdrag|Vedlegg|Tabell|Sum\b|Side\b)|T?TB\s?-?\d{4}|Frist|frist|innen|Unntatt|[0-9]{3}|mill\.|kr\b|:\s*$/;

function isProse(line: string): boolean {
  const t = line.trim();
  return t.length >= 45 && !STRUCTURAL.test(line) && /^[A-ZÆØÅa-zæøå«"]/.test(t);
}

/** Re-wrap runs of prose lines at `width` characters, keeping blank-line spacing. */
export function reflow(text: string, width: number): string {
  const lines = text.split('\n');
  const doubleSpaced = lines.filter((l) => l.trim() === '').length > lines.length * 0.35;
  const step = doubleSpaced ? 2 : 1;
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    const run: string[] = [];
    while (j < lines.length && isProse(lines[j]!) && (step === 1 || (lines[j + 1] ?? '').trim() === '')) {
      run.push(lines[j]!.trim());
      j += step;
    }
    // A single prose line is re-wrapped too when it is much longer than the width (HTML exports put a
    // whole paragraph on one line).
    if (run.length === 0 || (run.length === 1 && run[0]!.length < width * 1.5)) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const words = run.join(' ').split(/\s+/);
    // A run stops at the first structural line, which may sit in the middle of a paragraph ("… Hdir og
    // Bufdir." ⏎ "Anbefalingene skal gis innenfor rammene i Prop. 222 L …"). When the run's last line
    // was as full as its others (or the next line's first word would not have fitted on it), the
    // paragraph went on past it; ending the re-wrapped run with a short
    // line there would print a paragraph end mid-paragraph, which no real letter's wrapping does (it
    // fills every line of a paragraph but the last). Such a run is filled from its end instead, so that
    // its last line stays full and its short line comes first, after the line that was full before it.
    const last = run[run.length - 1]!;
    const after = (lines[j] ?? '').trim() || (lines[j + 1] ?? '').trim();
    const firstWord = after.split(' ')[0] ?? '';
    const fullEnd =
      run.length > 1 &&
      (last.length >= Math.max(...run.map((l) => l.length)) * 0.8 ||
        (after.length >= last.length && last.length + 1 + firstWord.length > after.length));
    const wrapped = fullEnd ? wrapWords([...words].reverse(), width, true) : wrapWords(words, width, false);
    for (const w of wrapped) {
      out.push(w);
      if (step === 2) out.push('');
    }
    i = j;
  }
  return out.join('\n');
}

function wrapWords(words: readonly string[], width: number, reversed: boolean): string[] {
  let cur = '';
  const lines: string[] = [];
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? (reversed ? `${w} ${cur}` : `${cur} ${w}`) : w;
  }
  if (cur) lines.push(cur);
  return reversed ? lines.reverse() : lines;
}

/** Replace department codes everywhere they occur as whole words. */
export function renameDepartments(text: string, map: Record<string, string>): string {
  const re = new RegExp(`\\b(${Object.keys(map).join('|')})\\b`, 'g');
  return text.replace(re, (code) => map[code] ?? code);
}

/** Swap two line ranges (e.g. two sections) of a text; ranges are 1-based and inclusive, a before b. */
export function swapRanges(text: string, a: readonly [number, number], b: readonly [number, number]): string {
  const lines = text.split('\n');
  const before = lines.slice(0, a[0] - 1);
  const first = lines.slice(a[0] - 1, a[1]);
  const middle = lines.slice(a[1], b[0] - 1);
  const second = lines.slice(b[0] - 1, b[1]);
  const after = lines.slice(b[1]);
  return [...before, ...second, ...middle, ...first, ...after].join('\n');
}

/** What must survive an alteration: records without their line numbers, each in its numbered section. */
export function fingerprint(r: ExtractionResult) {
  return {
    assignments: r.assignments
      .map((a) => ({
        id: a.id,
        otherIds: a.otherIds,
        kind: a.kind,
        section: a.section,
        departments: a.departments,
        confidential: a.confidential,
        deadlines: a.deadlines.map((d) => `${d.date ?? '-'}/${d.precision}/${d.part ?? ''}`),
        references: a.references.map((x) => `${x.relation}:${x.id}`).sort(),
      }))
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : x.kind < y.kind ? -1 : 1)),
    budget: r.budgetLines
      .map(
        (b) =>
          `${b.chapter}.${b.post} ${b.amounts.join('/')} ${b.flags.join(',')} ${b.earmarks.map((e) => e.amount).join('+')}`,
      )
      .sort(),
    goals: r.goals
      .map((g) => `${g.criteria.length}/${g.steeringParameters.length}/${g.keyFigures.length}`)
      .sort(),
    calendar: r.calendar.map((c) => `${c.date} ${c.time ?? ''}`).sort(),
  };
}
