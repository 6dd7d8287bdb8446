/**
 * Rows of a space-separated budget table as PDF text extraction leaves it: one printed row may wrap over
 * several lines, and amounts follow the name on the same or a later line.
 *
 *   `740 01 Driftsutgifter 1 233 356 1 233 356`                       chapter, post, name, two amounts
 *   ` 21 Spesielle driftsutgifter, kan overføres 38 014 37 665`        post only: the chapter above
 *   `714 21 Spesielle driftsutgifter, kan` / `overføres, kan nyttes under post 70,` / `74 og 79` /
 *   `127 273 103 700`                                                  name wraps; amounts on their own line
 *   `701.21 Spesielle` / `driftsutgifter` / `21 000 20 mill. kr til …` dotted key; the comment column
 *                                                                      follows the amount on the same line
 *   `2751.70 Legemidler 15 104` / `900`                                an amount wrapped over two lines
 *
 * Digits after "post" belong to the name ("kan nyttes under post 71 309 000": name ends in "post 71").
 * When a page break cuts the name column, its rest appears after the comment lines of the previous page
 * on a line that opens the new page (" og" / "omsorgstjeneste" after "kommunal helse-").
 */

import { LINKING_WORDS } from '../../text/words.js';
import type { Line } from '../../text/lines.js';
import { greedyNumbers, isNumberToken, moneyPhrases } from './amounts.js';
import { columnBreaks } from './column-gaps.js';
import { type ParsedTable, type RawRow, SUM_RE } from './rows.js';
import { headerAt, isHeading, type TableHeader } from './tables.js';
import { isUnitCaption } from './units.js';

const DOTTED_RE = /^(\d{3,4})\.(\d{2})(?:\s+(.*))?$/u;
const CHAPTER_POST_RE = /^(\d{3,4})\s+(\d{2})(?:\s+(.*))?$/u;
// " 21 Spesielle driftsutgifter …" but not a comment line "41 mill. kr til …" or "10 prosent".
const POST_ONLY_RE =
  /^(\d{2})\s+(?!(?:mill|mrd|milliard|kr\b|kroner|prosent|pst|år\b|dager|uker|måneder))([\p{L}(«"].*)$/u;
// "3720  Helsedirektoratet", "734  Særskilte tilskudd til psykisk": a chapter heading row without a post.
const CHAPTER_ONLY_RE = /^(\d{3,4})\s+(\p{L}[^\d]*)$/u;
// Tokens of digits separated by single spaces: no nested quantifiers, so no backtracking blow-up.
const AMOUNTS_ONLY_RE = /^-?[\d,]{1,12}(?: -?[\d,]{1,12})*$|^[-–]$/u;
const PROSE_HEADING_RE = /^kap(?:ittel)?[.,]?\s*\d{3,4}\b/iu;
const NAME_OPEN_RE =
  /(?:[-–(,]|\b(?:kan|og|eller|post|postene|poster|til|i|for|under|nyttes|av|med|mot|fra|på))$/iu;
const UNIT_WORD_RE = /^(?:mill\.?|millioner|mrd\.?|milliarder|kr\.?|kroner|%|pst\.?|prosent)$/iu;
const SHORT_WORDS = new Set<string>([...LINKING_WORDS, 'mv', 'mm', 'kan', 'mot', 'samt', 'eller']);
const YEAR_CONTEXT_RE = /^(?:fra|i|til|for|per|pr\.?|innen|år|og|–|-|etter|før)$/iu;

export interface RestParts {
  name: string;
  run: string[];
  comment: string;
  /** The amount run reached the end of the text (it may continue on the next line). */
  runAtEnd: boolean;
}

/**
 * Split the text after a row key into name, the run of amount tokens and what follows (a comment).
 */
export function splitRest(rest: string): RestParts {
  const tokens = rest.split(' ').filter((t) => t !== '');
  let start = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (!isNumberToken(t) && !(t === '-' && i === tokens.length - 1)) continue;
    const prev = tokens[i - 1] ?? '';
    // "under post 70 og 71", "postene 70, 74 og 79": post numbers inside the name.
    if (/^\d{2}$/.test(t)) {
      const p = prev.toLowerCase();
      if (/^post(?:ene|er)?$/u.test(p) || /^\d{2},$/.test(p)) continue;
      if ((p === 'og' || p === 'eller') && /^\d{2},?$/.test(tokens[i - 2] ?? '')) continue;
    }
    // "Posten avsluttes fra 2025": a year in prose.
    if (/^(?:19|20)\d{2}$/.test(t) && YEAR_CONTEXT_RE.test(prev) && !isNumberToken(tokens[i + 1] ?? ''))
      continue;
    start = i;
    break;
  }
  if (start < 0) return { name: rest.trim(), run: [], comment: '', runAtEnd: false };
  let end = start;
  while (end < tokens.length && isNumberToken(tokens[end] ?? '')) end++;
  if (end === start) end = start + 1; // a lone dash
  let run = tokens.slice(start, end);
  let commentTokens = tokens.slice(end);
  // "119 171 20 mill. kroner til …": the last number is the comment's, not the table's.
  if (commentTokens.length > 0 && UNIT_WORD_RE.test(commentTokens[0] ?? '')) {
    const nums = greedyNumbers(run);
    const lastNum = nums.at(-1);
    if (lastNum) {
      commentTokens = [...run.slice(lastNum.from), ...commentTokens];
      run = run.slice(0, lastNum.from);
    }
  }
  return {
    name: tokens.slice(0, start).join(' '),
    run,
    comment: commentTokens.join(' '),
    runAtEnd: commentTokens.length === 0,
  };
}

function nameOpen(name: string): boolean {
  const n = name.trim();
  if (n === '') return true;
  const opens = (n.match(/\(/g) ?? []).length;
  const closes = (n.match(/\)/g) ?? []).length;
  return opens > closes || NAME_OPEN_RE.test(n.slice(-40));
}

/** "0762" → "762": a four-digit chapter with a leading zero is the three-digit chapter. */
function chapterOf(digits: string): string {
  return digits.replace(/^0(?=\d{3}$)/, '');
}

// "kan overføres", "kan nyttes under post 70", "overslagsbevilgning": the wrapped tail of a post name.
const NAME_TAIL_RE = /^(?:kan\s+(?:overføres|nyttes\b)|overslagsbevilgning|under\s+post|og\s+\p{Ll})/u;

interface Key {
  chapter: string | null;
  post: string;
  rest: string;
}

function keyOf(text: string, chapterKnown: boolean): Key | null {
  const d = DOTTED_RE.exec(text);
  if (d) return { chapter: chapterOf(d[1] ?? ''), post: d[2] ?? '', rest: d[3] ?? '' };
  const c = CHAPTER_POST_RE.exec(text);
  // "127 273 103 700" is an amount line, not chapter 127: the post is two digits and not a group.
  if (c && !/^\d{3}\b/.test(c[3] ?? '') && (!c[3] || !AMOUNTS_ONLY_RE.test(text)))
    return { chapter: chapterOf(c[1] ?? ''), post: c[2] ?? '', rest: c[3] ?? '' };
  const p = POST_ONLY_RE.exec(text);
  if (p && chapterKnown) return { chapter: null, post: p[1] ?? '', rest: p[2] ?? '' };
  return null;
}

interface Building {
  row: RawRow;
  /** Name and amount text collected before the amounts were found. */
  pending: string;
  hasAmounts: boolean;
  runAtEnd: boolean;
  nameReopened: boolean;
}

function endsTable(lines: readonly Line[], i: number): boolean {
  const t = lines[i]?.text ?? '';
  // " 71 Oppgjørsordning h-reseptlegemidler" looks like a heading "71 …" but is a post row.
  if (isHeading(t) && !POST_ONLY_RE.test(t)) return true;
  return PROSE_HEADING_RE.test(t) || headerAt(lines, i) !== null || isUnitCaption(t);
}

/** Join a wrapped name: "mot covid-" + "19, kan overføres" → "mot covid-19, kan overføres". */
function joinName(a: string, b: string): string {
  if (a === '') return b;
  if (/\p{L}-$/u.test(a) && /^\d{1,3}[,)]?(?:\s+\p{L}|$)/u.test(b)) return a + b;
  // "Tilsynsavgift e-" / "sigaretter": a hyphenated word, not a suspended compound ("helse-" / "og").
  if (/(?:^|\s)\p{L}{1,2}-$/u.test(a) && /^\p{Ll}/u.test(b) && !/^(?:og|eller|til)\b/u.test(b)) return a + b;
  // A PDF column too narrow for a word breaks it without a hyphen: "overslagsbevilgnin" / "g",
  // "kontrollkommisjo" / "nene".
  if (/\p{Ll}{4}$/u.test(a.slice(-4)) && /^\p{Ll}{1,4}$/u.test(b) && !SHORT_WORDS.has(b)) return a + b;
  return `${a} ${b}`;
}

function header0(h: TableHeader): boolean {
  return h.chapter !== undefined;
}

export function parseTextRows(lines: readonly Line[], h: TableHeader): ParsedTable {
  const rows: RawRow[] = [];
  let cur: Building | null = null;
  let chapterKnown = header0(h);
  let headingChapter: string | null = h.chapter ?? null;
  let inChapterHeading = false;
  let i = h.headerIndex + 1;
  let end = i;
  const finish = () => {
    if (!cur) return;
    if (!cur.hasAmounts) {
      cur.row.name = cur.pending.trim();
      cur.row.cells = [];
    }
    rows.push(cur.row);
    cur = null;
  };
  const absorb = (b: Building, text: string, line: Line) => {
    const parts = splitRest(joinName(b.pending, text).trim());
    b.row.last = line.no;
    if (parts.run.length === 0) {
      b.pending = parts.name;
      return;
    }
    b.hasAmounts = true;
    b.row.name = parts.name;
    b.row.cells = [parts.run.join(' ')];
    const breaks = columnBreaks(line.raw, parts.run);
    if (breaks.length > 0) b.row.breaks = breaks;
    b.runAtEnd = parts.runAtEnd;
    if (parts.comment) b.row.comment.push(parts.comment);
  };
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    const t = line.text;
    if (t === '' || line.footer) continue;
    if (endsTable(lines, i)) break;
    const b: Building | null = cur;
    if (SUM_RE.test(t)) {
      finish();
      // "Sum kap. 740 1 500 1 400": the label (with its chapter) before the amounts.
      const label =
        /^(?:sum|totalt|i\s+alt)\b(?:\s+kap(?:ittel)?\.?\s*\d{3,4}\b)?[^\d-]*/iu.exec(t)?.[0] ?? '';
      const parts = splitRest(t.slice(label.length));
      parts.name = `${label.trim()} ${parts.name}`.trim();
      const breaks = columnBreaks(line.raw, parts.run);
      rows.push({
        chapter: null,
        post: '',
        name: parts.name,
        cells: parts.run.length ? [parts.run.join(' ')] : [],
        ...(breaks.length > 0 ? { breaks } : {}),
        comment: [],
        sumLabel: parts.name,
        first: line.no,
        last: line.no,
      });
      end = i + 1;
      continue;
    }
    // Post numbers continuing a name: "kan nyttes under post 70," / "74 og 79", "nyttes under post" / "79".
    const nameDigits =
      b &&
      (!b.hasAmounts || b.nameReopened) &&
      /\bpost(?:ene|er)?$|\d{2},$/iu.test((b.hasAmounts ? b.row.name : b.pending).trim());
    const key = nameDigits ? null : keyOf(t, chapterKnown || b !== null);
    const chapterOnly = !key && !nameDigits ? CHAPTER_ONLY_RE.exec(t) : null;
    if (chapterOnly && !h.hasComment && !/^\d+\s+(?:mill|mrd|kr\b|kroner)/iu.test(t)) {
      finish();
      headingChapter = chapterOnly[1] ?? null;
      chapterKnown = true;
      inChapterHeading = true;
      end = i + 1;
      continue;
    }
    if (key) {
      finish();
      inChapterHeading = false;
      if (key.chapter) chapterKnown = true;
      if (key.chapter) headingChapter = null;
      if (!key.chapter && headingChapter) key.chapter = headingChapter;
      const nb: Building = {
        row: {
          chapter: key.chapter,
          post: key.post,
          name: '',
          cells: [],
          comment: [],
          sumLabel: null,
          first: line.no,
          last: line.no,
        },
        pending: '',
        hasAmounts: false,
        runAtEnd: false,
        nameReopened: false,
      };
      absorb(nb, key.rest, line);
      cur = nb;
      end = i + 1;
      continue;
    }
    // The chapter heading's name wraps: "734  Særskilte tilskudd til psykisk" / "helse- og rustiltak".
    if (inChapterHeading && t.length <= 50 && !/\d/.test(t)) {
      end = i + 1;
      continue;
    }
    inChapterHeading = false;
    if (!b) break;
    if (!b.hasAmounts) {
      const parts = splitRest(`${b.pending} ${t}`.trim());
      if (parts.run.length > 0 || (t.length <= 50 && moneyPhrases(t).length === 0)) {
        absorb(b, t, line);
        end = i + 1;
        continue;
      }
      if (!h.hasComment) break;
      b.row.comment.push(t);
      b.row.last = line.no;
      end = i + 1;
      continue;
    }
    // "15 104" / "900": a wrapped amount.
    if (b.runAtEnd && b.row.comment.length === 0 && /^\d{3}(?: \d{3})*$/.test(t)) {
      b.row.cells = [`${b.row.cells[0] ?? ''} ${t}`.trim()];
      b.row.last = line.no;
      end = i + 1;
      continue;
    }
    // The rest of a name cut by a page break, or wrapped onto a line of its own ("…, " / "kan overføres").
    if (
      t.length <= 30 &&
      nameOpen(b.row.name) &&
      (line.pageStart || b.nameReopened || (b.row.comment.length === 0 && NAME_TAIL_RE.test(t)))
    ) {
      b.row.name = joinName(b.row.name, t).trim();
      b.nameReopened = nameOpen(b.row.name);
      b.row.last = line.no;
      end = i + 1;
      continue;
    }
    b.nameReopened = false;
    if (!h.hasComment) break;
    b.row.comment.push(t);
    b.row.last = line.no;
    end = i + 1;
  }
  finish();
  return { rows, end };
}
