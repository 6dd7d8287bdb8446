/**
 * Shape of one numbered heading line ("2.1.2 Oppdrag", "3.2. Befolkningen har …") and of the things
 * that look like one but are not (dates, amounts, budget rows, sentences of a numbered list).
 */
import type { Line } from '../../text/lines.js';
import { titleTail } from './title-wrap.js';

export interface HeadingCandidate {
  /** Index into the line array. */
  index: number;
  comps: number[];
  /** Printed with a trailing dot ("3.1." rather than "3.1"). */
  dotted: boolean;
  title: string;
  /** Index of the last line the heading occupies (a wrapped heading spans two lines). */
  lastIndex: number;
}

// Components have one or two digits and no leading zero, so "15.03.2025", "740 01" and "0213 OSLO"
// never match; the title must start with a capital letter, so "1. juli 2024 …" never matches.
const HEADING_RE = /^([1-9]\d?(?:\.[1-9]\d?){0,4})(\.?)(?:\t| +)(\p{Lu}[^\t]*)$/u;
// "38 014 37 665", "1 233 356": a budget row whose first cell is a post number.
const ENDS_WITH_AMOUNT_RE = /\d{1,3}(?: \d{3})+$|\d{5,}$/;
// A sentence boundary inside the title: "Vurdering av behov for regelverksendringer. Helsedirektoratet skal".
const SENTENCE_INSIDE_RE = /\p{Ll}\p{Ll}[.!?] +\p{Lu}/u;
// "1 Innledning ..... 3": a dotted leader before a page number marks a table-of-contents line, also where
// the TOC itself could not be recognised around it.
const TOC_LEADER_RE = /(?:\.{3,}|…)\s*\d{1,3}$/;
const MAX_TITLE = 200;
/** A heading's wrapped tail is short; a longer line is the paragraph below it. */
const MAX_WRAP = 80;
const DANGLING_END_RE = / (?:og|eller|av|for|i|til|med|mellom|om|på|samt|fra|ved)$/;

export function parseHeading(lines: readonly Line[], index: number): HeadingCandidate | null {
  const text = lines[index]!.text;
  if (text.length > MAX_TITLE + 20) return null;
  const m = HEADING_RE.exec(text);
  if (!m) return null;
  let title = m[3]!.trim();
  if (ENDS_WITH_AMOUNT_RE.test(title) || SENTENCE_INSIDE_RE.test(title) || TOC_LEADER_RE.test(title))
    return null;
  if (title.length > MAX_TITLE) return null;
  let lastIndex = index;
  // A heading wrapped onto the next line(s) continues in lower case, or after a dangling conjunction:
  // "3.2. Befolkningen har gode levevaner og god livskvalitet i trygge" + "og helsefremmende lokalsamfunn",
  // "4.1 Føringer for styringsdialogen mellom departementet og" + "Helsedirektoratet".
  for (let wraps = 0; wraps < 2 && !/[.:;]$/.test(title); wraps++) {
    const next = nextNonBlank(lines, lastIndex, 3);
    if (next === -1) break;
    const nt = lines[next]!.text;
    if (nt.includes('\t') || /;$/.test(nt)) break;
    const lower = /^\p{Ll}/u.test(nt);
    const dangling = DANGLING_END_RE.test(title) && /^\p{Lu}\p{Ll}+(?: \p{Ll}+){0,3}$/u.test(nt);
    if (!lower && !dangling) break;
    const { tail, complete } = titleTail(nt);
    if (tail === '' || tail.length > MAX_WRAP || title.length + 1 + tail.length > MAX_TITLE) break;
    title = `${title} ${tail}`;
    lastIndex = next;
    if (complete) break;
  }
  // "2.1.1 Langsiktige mål:" introduces a list; the colon is not part of the title.
  if (title.endsWith(':') && title.length <= 100) title = title.slice(0, -1).trimEnd();
  return {
    index,
    comps: m[1]!.split('.').map(Number),
    dotted: m[2] === '.',
    title,
    lastIndex,
  };
}

/** Index of the next non-blank line within `within` lines, or -1. */
export function nextNonBlank(lines: readonly Line[], index: number, within: number): number {
  for (let j = index + 1; j < lines.length && j <= index + within; j++) {
    if (lines[j]!.text !== '') return j;
  }
  return -1;
}

/** Title punctuation that a heading never ends with, unless the table of contents vouches for it. */
export function endsLikeSentence(title: string): boolean {
  return /[.:;,]$/.test(title);
}
