/**
 * Numbered headings ("1 Innledning", "2.1.2 Oppdrag", "3.2. Befolkningen …") and appendix headings
 * ("Vedlegg I – Styrings- og rapporteringskalender 2025") with their line ranges.
 *
 * A line that looks like a heading is accepted when its number continues the numbering so far (the next
 * sibling, the first child, or the next item of an ancestor). That one rule rejects most look-alikes:
 * numbered lists restart at 1, budget rows ("21 Spesielle driftsutgifter") jump far ahead, and dates or
 * amounts fail the heading shape. A table of contents, when present, confirms headings and lets a heading
 * that skips numbers through (with a warning).
 *
 * Bundles: the numbering runs on through supplementary letters appended after the main letter (their
 * "1. Statusrapport"-style lists restart at 1 and so never pass as headings). Numbers are kept as
 * printed; a section never extends past the closing ("Med hilsen") of the letter it is in.
 */
import type { Section } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import { endsLikeSentence, type HeadingCandidate, parseHeading } from './sections/heading.js';
import { readToc, type Toc, tocConfirms } from './sections/toc.js';

type Warn = (code: string, message: string, line: number | null) => void;

const CLOSING_RE = /^(?:Med (?:vennlig )?hilsen|Vennlig hilsen)\b/i;
// "Vedlegg I – Styrings- og rapporteringskalender 2025", "Vedlegg 2 - Fullmakter".
const APPENDIX_RE = /^Vedlegg ([IVX]{1,5}|\d{1,2})\s*[–-]\s*(\p{Lu}.{1,150})$/u;
// A list item of any kind, but not a date ("1. juli 2024 …").
const LOOSE_NUMBER_RE =
  /^([1-9]\d?(?:\.[1-9]\d?){0,4})\.?\s+(?!(?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)\p{Ll}*\b)\S/u;
/** How far (in non-blank lines) a sibling item of a numbered list may be. */
const LIST_WINDOW = 4;
/** The largest jump in numbering accepted without a table of contents to confirm it. */
const MAX_SKIP = 2;

interface Accepted {
  index: number;
  number: string;
  title: string;
  level: number;
}

export function findSections(lines: readonly Line[], warn: Warn): Section[] {
  const toc = readToc(lines);
  const candidates: HeadingCandidate[] = [];
  const closings: number[] = [];
  const appendices: Accepted[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '' || toc.lineIndices.has(i)) continue;
    // Cheap first-character tests before any pattern: a heading starts with a digit 1–9, a closing
    // with "M"/"m" or "V"/"v", an appendix with "V".
    const c0 = text.charCodeAt(0);
    if (c0 >= 49 && c0 <= 57) {
      const c = parseHeading(lines, i);
      if (c) candidates.push(c);
      continue;
    }
    if (c0 !== 77 && c0 !== 86 && c0 !== 109 && c0 !== 118) continue;
    if (CLOSING_RE.test(text)) {
      closings.push(i);
      continue;
    }
    const app = APPENDIX_RE.exec(text);
    if (app) {
      appendices.push({ index: i, number: `Vedlegg ${app[1]}`, title: app[2]!.trim(), level: 1 });
    }
  }
  const accepted = acceptHeadings(lines, candidates, toc, warn);
  const all = [...accepted, ...appendices].sort((a, b) => a.index - b.index);
  return withRanges(lines, all, closings);
}

/** Multi-level headings of one document share a style: "3.1." (dotted) or "3.1" (plain). */
function multiLevelStyle(candidates: readonly HeadingCandidate[]): boolean {
  let dotted = 0;
  let plain = 0;
  for (const c of candidates) {
    if (c.comps.length < 2) continue;
    if (c.dotted) dotted++;
    else plain++;
  }
  return dotted > plain;
}

function acceptHeadings(
  lines: readonly Line[],
  candidates: readonly HeadingCandidate[],
  toc: Toc,
  warn: Warn,
): Accepted[] {
  const out: Accepted[] = [];
  const acceptedIdx = new Set<number>();
  const multiDotted = multiLevelStyle(candidates);
  let topDotted: boolean | null = null;
  let stack: number[] = [];
  const numbers = new Set<string>();
  for (const c of candidates) {
    const number = c.comps.join('.');
    const confirmed = toc.entries.length > 0 && tocConfirms(toc, number, c.title);
    let step = numberingStep(stack, c.comps);
    // Sections printed out of order ("2.2 Helse- og omsorgstjenester" before "2.1 Folkehelse"): a
    // heading that fits the numbering seen so far (its parent and its predecessor are sections) is in
    // order, wherever the reading position is.
    const fits = !numbers.has(number) && fitsNumbering(numbers, c.comps);
    if (step === 'skip' && fits) step = 'next';
    if (step === 'backward' || step === 'unrelated') {
      if (!fits || !(confirmed || strongHeading(lines, c))) continue;
      step = 'next';
    }
    if (!confirmed) {
      if (step === 'skip' && skipSize(stack, c.comps) > MAX_SKIP) continue;
      if (endsLikeSentence(c.title)) continue;
      const styleDotted = c.comps.length === 1 ? topDotted : multiDotted;
      if (styleDotted !== null && styleDotted !== c.dotted) continue;
      if (isListItem(lines, c, acceptedIdx)) continue;
    }
    if (step === 'skip') {
      warn(
        'section_gap',
        `Overskrift ${number} «${c.title}» følger ikke direkte etter ${stack.join('.') || 'dokumentstart'}; en overskrift kan mangle.`,
        lines[c.index]!.no,
      );
    }
    if (c.comps.length === 1 && topDotted === null) topDotted = c.dotted;
    stack = c.comps;
    numbers.add(number);
    acceptedIdx.add(c.index);
    out.push({ index: c.index, number, title: c.title, level: c.comps.length });
  }
  return out;
}

type Step = 'next' | 'skip' | 'backward' | 'unrelated';

/** "2.1" fits when "2" is a section; "2.3" when "2" and "2.2" are; "1" always. */
function fitsNumbering(numbers: ReadonlySet<string>, comps: readonly number[]): boolean {
  const parent = comps.slice(0, -1).join('.');
  if (parent !== '' && !numbers.has(parent)) return false;
  const last = comps[comps.length - 1]!;
  return last === 1 || numbers.has(parent === '' ? String(last - 1) : `${parent}.${last - 1}`);
}

/** A heading line beyond doubt: a short title standing alone, followed by a blank line or a child heading. */
const STRONG_TITLE = 90;
function strongHeading(lines: readonly Line[], c: HeadingCandidate): boolean {
  if (c.title.length > STRONG_TITLE || c.lastIndex !== c.index) return false;
  const next = lines[c.index + 1];
  if (!next || next.text === '') return true;
  const child = parseHeading(lines, c.index + 1);
  return child !== null && child.comps.length === c.comps.length + 1;
}

/**
 * How a heading number relates to the current position `stack`: "2.1.3" after "2.1.2" is next, as are
 * "2.2", "3" and "2.1.2.1"; "2.1.5" or "2.3" skip numbers; "1.4" is backward; "2.1.2.1.1" is unrelated.
 */
function numberingStep(stack: readonly number[], comps: readonly number[]): Step {
  const k = comps.length;
  if (k > stack.length + 1) return 'unrelated';
  for (let i = 0; i < k - 1; i++) if (comps[i] !== stack[i]) return 'unrelated';
  const expected = (stack[k - 1] ?? 0) + 1;
  const last = comps[k - 1]!;
  if (last === expected) return 'next';
  return last > expected ? 'skip' : 'backward';
}

function skipSize(stack: readonly number[], comps: readonly number[]): number {
  const k = comps.length;
  return comps[k - 1]! - ((stack[k - 1] ?? 0) + 1);
}

/**
 * A line of a numbered list, not a heading: its predecessor item ("2." before "3.") sits just above and
 * was not a heading. The 2025 letter lists
 * the sector goals "1. God helse …" … "5. Helse- og omsorgssektoren …" inside section "2.", where
 * "3. Helse- og omsorgstjenesten er et attraktivt arbeidssted …" would otherwise pass as section 3.
 */
function isListItem(lines: readonly Line[], c: HeadingCandidate, acceptedIdx: ReadonlySet<number>): boolean {
  const prefix = c.comps.slice(0, -1).join('.');
  const last = c.comps[c.comps.length - 1]!;
  const sibling = (index: number, want: number): boolean => {
    const m = LOOSE_NUMBER_RE.exec(lines[index]!.text);
    if (!m) return false;
    const comps = m[1]!.split('.');
    const lastComp = Number(comps.pop());
    return comps.join('.') === prefix && lastComp === want;
  };
  let seen = 0;
  for (let j = c.index - 1; j >= 0 && seen < LIST_WINDOW; j--) {
    if (lines[j]!.text === '') continue;
    seen++;
    if (acceptedIdx.has(j)) break;
    if (sibling(j, last - 1)) return true;
  }
  return false;
}

function withRanges(
  lines: readonly Line[],
  headings: readonly Accepted[],
  closings: readonly number[],
): Section[] {
  const out: Section[] = [];
  for (let h = 0; h < headings.length; h++) {
    const cur = headings[h]!;
    let end = lines.length;
    for (let n = h + 1; n < headings.length; n++) {
      const next = headings[n]!;
      if (next.level <= cur.level) {
        end = next.index;
        break;
      }
    }
    // A letter's closing ends every section above it.
    for (const ci of closings) {
      if (ci > cur.index && ci < end) {
        end = ci;
        break;
      }
    }
    let lastIdx = end - 1;
    while (lastIdx > cur.index && lines[lastIdx]!.text === '') lastIdx--;
    const first = lines[cur.index]!.no;
    out.push({
      number: cur.number,
      title: cur.title,
      level: cur.level,
      lines: [first, Math.max(first, lines[lastIdx]!.no)],
    });
  }
  return out;
}
