/**
 * Finding budget tables: a header row that names the chapter/post key and at least one amount column.
 *
 *   tab-separated (DOCX/HTML export): `Kap.⇥Post⇥Navn på post⇥Tildeling 2024⇥Kommentar`
 *   space-separated (PDF text):       `Kap. Post Postnavn Bevilgning 2022 Tildeling 2022`
 *   wrapped header:                   `Kap. Post Postnavn Bevilgning` / `2022` / `Tildeling 2022`
 *   dotted key column:                `Kap./post Benevnelse Tildeling` / `Kommentarer`
 *   year columns:                     `Kap Post  Betegnelse 2013 2014`
 */
import type { Line } from '../../text/lines.js';
import { isUnitCaption, type TableUnit, unitIn } from './units.js';

export interface TableHeader {
  layout: 'tab' | 'text';
  /** Index in `lines` of the (last) header line; rows start after it. */
  headerIndex: number;
  /** Index of the first header line. */
  firstIndex: number;
  columns: string[];
  hasComment: boolean;
  /** Tab layout: cell index of each role; -1 when absent. */
  cells: { chapter: number; post: number; key: number; name: number; amounts: number[]; comment: number };
  unit: TableUnit | null;
  caption: string | null;
  /** A header that is itself a chapter row ("761  Omsorgstjenester 2013 2014") gives the first chapter. */
  chapter?: string;
}

// "Tildeling 2026", "Saldert budsjett", and the columns of a budget change: "Tidligere tildeling",
// "Ny tildeling", "Endring", "Sum tildelt".
const AMOUNT_LABEL_RE =
  /(?:(?:saldert|revidert|vedtatt|tidligere|ny|nytt|endret|opprinnelig|samlet|sum)\s+)?(?:bevilgning|tildeling|tildelt|regnskap|budsjett|forslag|overført|rammer?|beløp|endring)(?:\s+(?:for\s+)?(?:19|20)\d{2})?|\b(?:19|20)\d{2}\b|(?<![\p{L}])(?:endring|økning|reduksjon|sum)(?![\p{L}])/giu;
// "(i 1 000 kr)", "(mill. kroner)" inside a column label: the unit, not part of the label.
const UNIT_IN_LABEL_RE = /\s*\([^)]*(?:kr|kroner|tusen|mill)[^)]*\)\s*/giu;
const COMMENT_LABEL_RE = /^(?:kommentar(?:er)?|merknad(?:er)?|beskrivelse|fordeling)$/iu;
const KEY_START_RE = /^kap(?:ittel)?\.?(?:\s*\/\s*post\b)?/iu;
const HEADING_RE = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}[\p{L}\p{N} ,–-]{0,80}$/u;
/** A numbered heading such as "5.1 Budsjetttildelinger" or "4.2. Inntekter". */
export function isHeading(text: string): boolean {
  // "3.6.1 Bevilgninger:" is a heading too.
  const t = text.replace(/:$/, '');
  return t.length <= 90 && HEADING_RE.test(t) && !/\d\s+\d{3}\b/.test(t) && !/[.:;,]$/.test(t);
}

/** A header cell that names an amount column and nothing else ("Ny tildeling", "Tildeling 2026 (i 1 000 kr)"). */
function isAmountLabel(cell: string): boolean {
  const label = cell.replace(UNIT_IN_LABEL_RE, ' ').replace(/\s+/g, ' ').trim();
  return label !== '' && amountLabels(label).join(' ') === label;
}

function amountLabels(text: string): string[] {
  return [...text.matchAll(AMOUNT_LABEL_RE)].map((m) => m[0].replace(/\s+/g, ' ').trim());
}

/**
 * A line that only continues a wrapped header: "2022", "Tildeling 2022", "Kommentarer", "Hdir",
 * "Totalbevilgning". Short, no amounts other than years, not a row.
 */
function isHeaderTail(text: string): boolean {
  if (text === '' || text.length > 30 || text.includes('\t')) return false;
  if (/^\d{2,4}\s+\p{L}/u.test(text) || isHeading(text)) return false;
  return !/\d/.test(text.replace(/\b(?:19|20)\d{2}\b/g, ''));
}

const AMOUNT_WORD_RE =
  /^(?:bevilgning|tildeling|tildelt|regnskap|budsjett|forslag|overført|rammer?|beløp|totalbevilgning|samlet|saldert|revidert|vedtatt|sum|tidligere|ny|nytt|endret|opprinnelig|endring)$|^(?:19|20)\d{2}/iu;
const MODIFIER_RE = /^(?:samlet|saldert|revidert|vedtatt|sum|tidligere|ny|nytt|endret|opprinnelig)$/iu;
const YEAR_RE = /^(?:19|20)\d{2}$/;

/**
 * Column labels from the header text after the key and name labels: a year joins the word before it
 * ("Bevilgning 2022"), an unknown word joins the column it follows ("Tildeling Hdir"), a modifier joins
 * the word after it ("Samlet ramme"); "2013 2014" are two columns.
 */
function columnLabels(text: string): string[] {
  const tokens = text
    .split(/\s+/)
    .filter((t) => t !== '' && !/^kommentar(?:er)?$|^merknad(?:er)?$/iu.test(t));
  const first = tokens.findIndex((t) => AMOUNT_WORD_RE.test(t));
  if (first < 0) return [];
  const cols: string[] = [];
  for (const t of tokens.slice(first)) {
    const cur = cols.at(-1);
    const curIsYear = cur !== undefined && YEAR_RE.test(cur);
    const curHasYear = cur !== undefined && /\b(?:19|20)\d{2}\b/.test(cur);
    if (cur === undefined) cols.push(t);
    else if (YEAR_RE.test(t)) {
      if (curIsYear || curHasYear) cols.push(t);
      else cols[cols.length - 1] = `${cur} ${t}`;
    } else if (AMOUNT_WORD_RE.test(t) && !MODIFIER_RE.test(cur)) cols.push(t);
    else cols[cols.length - 1] = `${cur} ${t}`;
  }
  // "2014Forslag" as PDF extraction glues it.
  return cols.map((c) => c.replace(/((?:19|20)\d{2})(\p{Lu})/gu, '$1 $2'));
}

// "761  Omsorgstjenester 2013 2014Forslag", "751  Legemiddeltiltak 2013 2014", "Primærhelsetjenester 2013 2014",
// and with one year column "711  Ernæring og mattrygghet 2014" (then the chapter number is required).
const CHAPTER_HEADER_RE =
  /^(?:(\d{3,4})\s+)?(\p{L}[\p{L} ,.–-]{2,60}?)\s+((?:19|20)\d{2}\s*\p{L}*(?:\s+(?:19|20)\d{2}\s*\p{L}*)?)$/u;

function tabHeader(cells: string[]): TableHeader['cells'] | null {
  const roles = { chapter: -1, post: -1, key: -1, name: -1, amounts: [] as number[], comment: -1 };
  cells.forEach((c, i) => {
    // "Kap./post", "Kap. post": one cell holding "762.21" or "0762.21". ("Kapittel og post" heads the
    // notes of an annual report's accounts, keyed by "070221": appropriation-notes.ts reads those.)
    if (/^kap(?:ittel)?\.?\s*\/?\s*post\.?$/iu.test(c)) roles.key = i;
    else if (/^kap(?:ittel)?\.?$/iu.test(c)) roles.chapter = i;
    else if (/^post\.?$/iu.test(c)) roles.post = i;
    else if (COMMENT_LABEL_RE.test(c)) roles.comment = i;
    else if (c !== '' && isAmountLabel(c)) roles.amounts.push(i);
    else if (roles.name === -1 && c !== '') roles.name = i;
  });
  const keyed = roles.key >= 0 || (roles.chapter >= 0 && roles.post >= 0);
  return keyed && roles.amounts.length > 0 ? roles : null;
}

/** Cheap test for a line opening with "Kap" (after leading tabs), run on every line. */
function startsWithKap(text: string): boolean {
  let k = 0;
  while (text.charCodeAt(k) === 9) k++;
  const c = text.charCodeAt(k) | 0x20;
  return c === 0x6b && (text.charCodeAt(k + 1) | 0x20) === 0x61 && (text.charCodeAt(k + 2) | 0x20) === 0x70;
}

/**
 * Cheap test for a chapter header row with year columns ("761  Omsorgstjenester 2013 2014Forslag",
 * "711  Ernæring og mattrygghet 2014").
 */
function endsWithYear(text: string): boolean {
  if (text.length > 90) return false;
  // A character-wise look at the tail: an unanchored "year then letters at the end" pattern would be
  // tried at every position of every line.
  let k = text.length;
  let letters = 0;
  while (k > 0 && isLetterAt(text, k - 1)) {
    k--;
    if (++letters > 12) return false;
  }
  while (k > 0 && text.charCodeAt(k - 1) === 32) k--;
  if (k < 5 || text.charCodeAt(k - 5) !== 32) return false;
  const c0 = text.charCodeAt(k - 4);
  const c1 = text.charCodeAt(k - 3);
  if (!((c0 === 0x31 && c1 === 0x39) || (c0 === 0x32 && c1 === 0x30))) return false;
  return isDigitAt(text, k - 2) && isDigitAt(text, k - 1);
}

function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 0x30 && c <= 0x39;
}

function isLetterAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k) | 0x20;
  return (c >= 0x61 && c <= 0x7a) || text.charCodeAt(k) >= 0xc0;
}

/**
 * Can this line open a table? It starts with "Kap" (after leading tabs) or ends with a year column. Run
 * on every line before the full header test.
 */
export function mayOpenTable(text: string): boolean {
  return startsWithKap(text) || endsWithYear(text);
}

/** Recognise a table header at `i`; null when the line is not one. */
export function headerAt(lines: readonly Line[], i: number): TableHeader | null {
  const line = lines[i];
  if (!line || line.text.length > 200) return null;
  const text = line.text;
  // Every header names the key column "Kap…" or ends with a year column; most lines fail here cheaply.
  if (text.includes('\t') ? !/kap/i.test(text) : !mayOpenTable(text)) return null;
  if (text.includes('\t')) {
    const cells = text.split('\t').map((c) => c.trim());
    const roles = tabHeader(cells);
    if (!roles) return null;
    return {
      layout: 'tab',
      headerIndex: i,
      firstIndex: i,
      columns: roles.amounts.map((a) => cells[a] ?? ''),
      hasComment: roles.comment >= 0,
      cells: roles,
      unit: unitIn(text),
      caption: null,
    };
  }
  const ch = text.length <= 90 ? CHAPTER_HEADER_RE.exec(text) : null;
  if (ch && !KEY_START_RE.test(text) && (ch[1] || /\d\s*\p{L}*\s+\d/u.test(ch[3] ?? ''))) {
    let j = i + 1;
    while (j < lines.length && lines[j]?.text === '') j++;
    if (!/^\d{2,4}(?:\.\d{2})?\s/.test(lines[j]?.text ?? '')) return null;
    const h: TableHeader = {
      layout: 'text',
      headerIndex: i,
      firstIndex: i,
      columns: columnLabels(ch[3] ?? ''),
      hasComment: false,
      cells: { chapter: -1, post: -1, key: -1, name: -1, amounts: [], comment: -1 },
      unit: null,
      caption: null,
    };
    if (ch[1]) h.chapter = ch[1];
    return h;
  }
  if (!KEY_START_RE.test(text) || text.length > 120) return null;
  // "Kap. 714, post 21 Spesielle driftsutgifter" is a prose heading, not a table header.
  if (/^kap(?:ittel)?[.,]?\s*\d/iu.test(text)) return null;
  const afterKey = text.replace(KEY_START_RE, '');
  if (!/^\s*(?:\/?\s*post\b|\s)/iu.test(afterKey) && !/\/\s*post/iu.test(text)) return null;
  let joined = text;
  let last = i;
  for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
    const t = lines[j]?.text ?? '';
    if (t === '') continue;
    if (!isHeaderTail(t)) break;
    joined += ` ${t}`;
    last = j;
  }
  const labels = columnLabels(joined.replace(KEY_START_RE, ''));
  if (labels.length === 0) return null;
  return {
    layout: 'text',
    headerIndex: last,
    firstIndex: i,
    columns: labels,
    hasComment: /kommentar|merknad/iu.test(joined),
    cells: { chapter: -1, post: -1, key: -1, name: -1, amounts: [], comment: -1 },
    unit: unitIn(joined),
    caption: null,
  };
}

/** "Kap. 2751 Legemidler mv.": a chapter caption above a header, naming one chapter and no post. */
export function isChapterCaption(text: string): boolean {
  return text.length <= 90 && /^kap(?:ittel)?\.?\s*\d{3,4}\s+\p{L}/iu.test(text) && !/\bpost\b/iu.test(text);
}

/** A short line that can caption a table: "Programområde 30 Stønad ved helsetjenester", not prose. */
function isCaptionLike(text: string): boolean {
  return text.length <= 80 && !isUnitCaption(text) && !/[.:]$/.test(text) && /^\p{Lu}/u.test(text);
}

/**
 * The unit and caption stated above a header: look back over the lines since the previous heading (at
 * most 12 non-empty lines) for a unit phrase ("Alle tall i hele tusen") and a heading ("5.1 Budsjett…").
 *
 * A chapter caption right above the header is a sub-heading of the section's table, not its caption,
 * when a heading stands just above it (the 2014 layout prints one table per chapter under one heading,
 * repeating the column header): "3.4.3 Bevilgninger:" / "Programområde 30 Stønad ved helsetjenester" /
 * "Kap. 2711 Spesialisthelsetjeneste mv." / "Kap Post  Betegnelse 2014". Without such a heading (prose
 * above it) the chapter caption is the caption.
 */
export function describeAbove(
  lines: readonly Line[],
  header: TableHeader,
  floor: number,
): { unit: TableUnit | null; caption: string | null } {
  let unit = header.unit;
  let caption: string | null = null;
  let chapterCaption = false;
  let seen = 0;
  for (let j = header.firstIndex - 1; j >= floor && seen < 12; j--) {
    const t = lines[j]?.text ?? '';
    if (t === '') continue;
    seen++;
    if (!unit && isUnitCaption(t)) unit = unitIn(t);
    if (!caption && seen <= 3 && isChapterCaption(t)) {
      caption = t;
      chapterCaption = true;
      continue;
    }
    if (isHeading(t)) {
      caption = t;
      break;
    }
    if (chapterCaption) {
      if (!isCaptionLike(t) && !isUnitCaption(t)) break;
      continue;
    }
    if (!caption && seen <= 4 && isCaptionLike(t)) caption = t;
  }
  return { unit, caption };
}

/** A line after a table that states the unit ("Beløp i 1000 kroner." printed below a small table). */
export function unitBelow(lines: readonly Line[], from: number): TableUnit | null {
  let seen = 0;
  for (let j = from; j < lines.length && seen < 2; j++) {
    const t = lines[j]?.text ?? '';
    if (t === '') continue;
    seen++;
    if (isUnitCaption(t)) return unitIn(t);
  }
  return null;
}
