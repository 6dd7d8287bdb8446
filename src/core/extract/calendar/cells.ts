/**
 * Description and note of one calendar row whose table had a note column ("Dato Tiltak Merknad"), when a
 * PDF export has run both columns into one stream of lines:
 *   "15. mars Frist for oversendelse av årsrapport" / "for 2024 og årsrapport for" / … / "årsregnskap" /
 *   "R-115 fra Finansdepartementet"
 * A new cell starts at a line that opens with a capital letter after a line that ended a phrase; inside a
 * line, at a capitalised word after a noun ("Etatsstyringsmøte Hos Helsedirektoratet").
 */

// A phrase does not end on these: "… til" + "statsregnskapet", "Prop. 1" + "S for 2026".
const OPEN_END_RE =
  /(?:(?:^|\s)(?:av|og|i|til|for|med|om|på|fra|ved|som|samt|eller|mellom|per|under|innen|etter|Prop\. \d+)|[,\-–])$/;
const PREPOSITIONS = new Set([
  'av',
  'og',
  'i',
  'til',
  'for',
  'med',
  'om',
  'på',
  'fra',
  'ved',
  'hos',
  'per',
  'mot',
  'under',
]);

export interface Cells {
  /** Bullet-separated deliverables of the description cell. */
  texts: string[];
  note: string | null;
}

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

export function splitCells(content: readonly string[], hasNoteColumn: boolean): Cells {
  if (!hasNoteColumn) return { texts: bulletItems(content), note: null };
  const cells: string[][] = [];
  let cur: string[] | null = null;
  let prev = '';
  for (const raw of content) {
    const line = raw.trim();
    const bullet = /^[•\-–]\s/.test(line);
    const opensCell = cur === null || bullet || (/^\p{Lu}/u.test(line) && !OPEN_END_RE.test(prev));
    if (opensCell) {
      cur = [line];
      cells.push(cur);
    } else cur!.push(line);
    prev = line;
  }
  // Within the first (description) cell, a capitalised word after a noun starts the note.
  const first = cells[0];
  if (first && !/^[•\-–]\s/.test(first[0] ?? '')) {
    for (let k = 0; k < first.length; k++) {
      const split = splitInline(first[k]!);
      if (!split) continue;
      const rest = [split[1], ...first.slice(k + 1)];
      first.splice(k, first.length - k, split[0]);
      cells.splice(1, 0, rest);
      break;
    }
  }
  // Bullets are the description when present (the note cell then stands before or after them).
  const bulletCells = cells.filter((c) => /^[•\-–]\s/.test(c[0] ?? ''));
  const textCells = bulletCells.length > 0 ? bulletCells : cells.slice(0, 1);
  const noteCells = cells.filter((c) => !textCells.includes(c));
  const note = noteCells.map((c) => c.join(' ')).join(' ');
  return { texts: bulletItems(textCells.flat()), note: note === '' ? null : tidy(note) };
}

/** Join lines into items, a new item at each bullet: "• Budsjett …" + "per 2. tertial (31.08)". */
export function bulletItems(content: readonly string[]): string[] {
  const items: string[] = [];
  for (const raw of content) {
    const line = raw.trim();
    const b = /^[•\-–]\s+/.exec(line);
    if (b || items.length === 0) items.push(line.slice(b ? b[0].length : 0));
    else items[items.length - 1] += ` ${line}`;
  }
  return items.map(tidy).filter((t) => t !== '');
}

function tidy(text: string): string {
  // "budsjettdisposisjonsplaner for 79-" + "poster": a hyphenated compound split over lines.
  return text
    .replace(/(\d)- (\p{Ll})/gu, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}
