/**
 * The table of contents ("Innhold") of a letter or report. Its entries confirm headings found in the
 * body, and its lines must never become sections themselves.
 */
import type { Line } from '../../text/lines.js';

export interface TocEntry {
  number: string | null;
  title: string;
  /** The title as compared with headings (see titleKey). */
  key: string;
}

export interface Toc {
  /** Indices (into the line array) of the lines the table of contents occupies. */
  readonly lineIndices: ReadonlySet<number>;
  readonly entries: readonly TocEntry[];
}

// "2.1.1⇥Mål, vurderingskriterier … nøkkeltall.....⇥4", "1. Leders beretning⇥6",
// "4.2.1⇥Virksomheten skal ha kontinuitetsplan … og vann 46⇥", "4. Styring og kontroll i virksomheten 103".
// Read in steps (page number, leader, section number) so that no pattern can backtrack over a long line.
const PAGE_RE = /[\t ](\d{1,3})\t?$/;
const LEAD_NUMBER_RE = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?[\t ]+/;
const LEADER_RE = /\.{3,}|…/g;
const TOC_START_RE = /^(?:Innhold|Innholdsfortegnelse|Innholdsliste)\b/i;

/** How many consecutive non-entry lines (a letterhead block inside the TOC) end the TOC. */
const MAX_GAP = 25;
/** "Innhold" lines tried before giving up (a title page may print the word before the real TOC). */
const MAX_STARTS = 3;

function parseTocLine(text: string): TocEntry | null {
  if (text.length > 300) return null;
  // A TOC entry is a cell row ("1⇥Innledning⇥3") or a row with a dotted leader; prose that merely
  // ends with a number ("… 11 S (2021-2022) 2022") has neither.
  if (!text.includes('\t') && !/\.{3}|…/.test(text) && !/^\d{1,2}\.\s/.test(text)) return null;
  const page = PAGE_RE.exec(text);
  if (!page) return null;
  let end = page.index;
  while (end > 0 && /[\t .…]/.test(text[end - 1]!)) end--;
  const body = text.slice(0, end);
  const num = LEAD_NUMBER_RE.exec(body);
  const title = (num ? body.slice(num[0].length) : body).replace(/\t/g, ' ').replace(LEADER_RE, ' ').trim();
  if (title.length < 2 || !/\p{L}/u.test(title)) return null;
  return { number: num ? num[1]! : null, title, key: titleKey(title) };
}

export function readToc(lines: readonly Line[]): Toc {
  const lineIndices = new Set<number>();
  const entries: TocEntry[] = [];
  let starts = 0;
  for (let i = 0; i < lines.length && starts < MAX_STARTS; i++) {
    if (!TOC_START_RE.test(lines[i]!.text)) continue;
    starts++;
    let gap = 0;
    let lastEntry = -1;
    for (let j = i + 1; j < lines.length && gap <= MAX_GAP; j++) {
      const text = lines[j]!.text;
      if (text === '') continue;
      const entry = parseTocLine(text);
      if (entry) {
        entries.push(entry);
        lastEntry = j;
        gap = 0;
      } else gap++;
    }
    // Everything between "Innhold" and the last entry belongs to the TOC, including part titles printed
    // without a page number ("3. Årets resultater og aktiviteter") and a letterhead block on the same page.
    for (let j = i; j <= lastEntry; j++) lineIndices.add(j);
    if (entries.length > 0) break;
  }
  return { lineIndices, entries };
}

/** Compare titles the way a TOC abbreviates them: case, punctuation and spacing ignored. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();
}

/** A heading is confirmed by the TOC when an entry has its number (if any) and the same title start. */
export function tocConfirms(toc: Toc, number: string, title: string): boolean {
  const key = titleKey(title);
  if (key === '') return false;
  for (const e of toc.entries) {
    if (e.number !== null && e.number !== number) continue;
    const ek = e.key;
    if (ek === '') continue;
    if (ek === key || key.startsWith(ek) || ek.startsWith(key)) return true;
  }
  return false;
}
