/**
 * Description and note of one calendar row whose table had a note column ("Dato Tiltak Merknad"), when a
 * PDF export has run both columns into one stream of lines:
 *   "15. mars Frist for oversendelse av årsrapport" / "for 2024 og årsrapport for" / … / "årsregnskap" /
 *   "R-115 fra Finansdepartementet"
 * A new cell starts at a line that opens with a capital letter after a line that ended a phrase; inside a
 * line, at a capitalised word after a noun ("Etatsstyringsmøte Hos Helsedirektoratet").
 */

import { LINKING_WORDS } from '../../text/words.js';

// A phrase does not end on these: "… til" + "statsregnskapet", "Prop. 1" + "S for 2026".
const OPEN_END_RE =
  /(?:(?:^|\s)(?:av|og|i|til|for|med|om|på|fra|ved|som|samt|eller|mellom|per|under|innen|etter|Prop\. \d+)|[,\-–])$/;
const PREPOSITIONS = new Set<string>([...LINKING_WORDS, 'hos', 'per', 'mot', 'under']);

/** One line of a calendar row's content: its source line number and text. */
export interface CellLine {
  no: number;
  text: string;
}

/** One deliverable: its text and the source lines it spans. */
export interface Item {
  text: string;
  first: number;
  last: number;
}

export interface Cells {
  /** Bullet-separated deliverables of the description cell. */
  items: Item[];
  note: string | null;
}

const BULLET_START_RE = /^[•\-–]\s/;

/** Split "Etatsstyringsmøte Hos Helsedirektoratet" at the capitalised word that starts the next cell. */
function splitInline(line: string): [string, string] | null {
  const words = line.split(' ');
  for (let w = 1; w < words.length; w++) {
    const word = words[w]!;
    const prev = words[w - 1]!;
    if (!/^\p{Lu}(?:\p{Ll}|$)/u.test(word)) continue;
    if (PREPOSITIONS.has(prev.toLowerCase()) || /[\d.,:;]$/.test(prev) || !/\p{Ll}$/u.test(prev)) continue;
    return [words.slice(0, w).join(' '), words.slice(w).join(' ')];
  }
  return null;
}

export function splitCells(content: readonly CellLine[], hasNoteColumn: boolean): Cells {
  if (!hasNoteColumn) return { items: bulletItems(content), note: null };
  const cells: CellLine[][] = [];
  let cur: CellLine[] | null = null;
  let prev = '';
  for (const raw of content) {
    const line = { no: raw.no, text: raw.text.trim() };
    const bullet = BULLET_START_RE.test(line.text);
    const opensCell = cur === null || bullet || (/^\p{Lu}/u.test(line.text) && !OPEN_END_RE.test(prev));
    if (opensCell) {
      cur = [line];
      cells.push(cur);
    } else cur!.push(line);
    prev = line.text;
  }
  // Within the first (description) cell, a capitalised word after a noun starts the note.
  const first = cells[0];
  if (first && !BULLET_START_RE.test(first[0]?.text ?? '')) {
    for (let k = 0; k < first.length; k++) {
      const line = first[k]!;
      const split = splitInline(line.text);
      if (!split) continue;
      const rest = [{ no: line.no, text: split[1] }, ...first.slice(k + 1)];
      first.splice(k, first.length - k, { no: line.no, text: split[0] });
      cells.splice(1, 0, rest);
      break;
    }
  }
  // Bullets are the description when present (the note cell then stands before or after them).
  const bulletCells = cells.filter((c) => BULLET_START_RE.test(c[0]?.text ?? ''));
  const textCells = bulletCells.length > 0 ? bulletCells : cells.slice(0, 1);
  const noteCells = cells.filter((c) => !textCells.includes(c));
  const note = noteCells.map((c) => c.map((l) => l.text).join(' ')).join(' ');
  return { items: bulletItems(textCells.flat()), note: note === '' ? null : tidy(note) };
}

/** Join lines into items, a new item at each bullet: "• Budsjett …" + "per 2. tertial (31.08)". */
function bulletItems(content: readonly CellLine[]): Item[] {
  const items: Item[] = [];
  for (const raw of content) {
    const line = raw.text.trim();
    const b = /^[•\-–]\s+/.exec(line);
    const last = items[items.length - 1];
    if (b || !last) items.push({ text: line.slice(b ? b[0].length : 0), first: raw.no, last: raw.no });
    else {
      last.text += ` ${line}`;
      last.last = raw.no;
    }
  }
  return items.map((i) => ({ ...i, text: tidy(i.text) })).filter((i) => i.text !== '');
}

function tidy(text: string): string {
  // "budsjettdisposisjonsplaner for 79-" + "poster": a hyphenated compound split over lines.
  return text
    .replace(/(\d)- (\p{Ll})/gu, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}
