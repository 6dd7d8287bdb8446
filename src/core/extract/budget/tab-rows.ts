/**
 * Rows of a tab-separated budget table (DOCX/HTML export):
 *
 *   `701⇥21⇥Spesielle driftsutgifter⇥20 000⇥Tilskudd til innføring …`
 *   `⇥21⇥Spesielle driftsutgifter, kan overføres⇥4 000⇥…`     empty first cell: the chapter above
 *   `⇥⇥⇥⇥<p>av utprøvingen i Bergen …</p> <p>7,5 mill. kr …`   the comment cell continues on a later line
 *   `⇥⇥kan overføres`                                         only the name cell: the name above wraps
 *   `0762.21⇥Spesielle driftsutgifter⇥38 700`                 one "Kap. post" cell; chapter 0762 is 762
 *
 * The HTML export puts a cell's paragraphs on one source line; the line model splits them into logical
 * lines sharing the row's line number, and they belong to the row's comment. A comment that continues on
 * a later source line loses its leading tabs in the line model, so such a line is taken as a continuation
 * when it starts in lower case (a sentence broken mid-way) or when a row of the table follows it.
 */
import type { Line } from '../../text/lines.js';
import { type ParsedTable, type RawRow, SUM_RE } from './rows.js';
import { headerAt, isHeading, type TableHeader } from './tables.js';

const POST_RE = /^\d{2}(?:\/\d{2})?$/;
const CHAPTER_RE = /^\d{3,4}$/;
const KEY_RE = /^(\d{3,4})\s*[./ ]\s*(\d{2}(?:\/\d{2})?)$/;
const SEPARATOR_RE = /^[-=_|:\s\t]+$/;

interface RowStart {
  chapter: string | null;
  post: string;
  cells: string[];
  sumLabel: string | null;
}

function rowStart(line: Line, h: TableHeader): RowStart | null {
  if (!line.text.includes('\t')) return null;
  const cells = line.text.split('\t').map((c) => c.trim());
  const r = h.cells;
  const lead = cells.slice(0, Math.max(r.name, 0) + 1).find((c) => c !== '') ?? '';
  if (SUM_RE.test(lead)) return { chapter: null, post: '', cells, sumLabel: lead };
  if (r.key >= 0) {
    const m = KEY_RE.exec(cells[r.key] ?? '');
    if (!m) return null;
    return { chapter: chapterOf(m[1] ?? ''), post: m[2] ?? '', cells, sumLabel: null };
  }
  const chapter = chapterOf(cells[r.chapter] ?? '');
  const post = cells[r.post] ?? '';
  if (!POST_RE.test(post) || (chapter !== '' && !CHAPTER_RE.test(chapter))) return null;
  return { chapter: chapter === '' ? null : chapter, post, cells, sumLabel: null };
}

/** "0762" → "762": a four-digit chapter with a leading zero is the three-digit chapter. */
function chapterOf(cell: string): string {
  return cell.replace(/^0(?=\d{3}$)/, '');
}

/**
 * A row that holds only more of the name above (`⇥⇥kan overføres` when a word processor wrapped the
 * name cell into a row of its own): every cell empty but the name.
 */
function nameContinuation(line: Line, h: TableHeader): string | null {
  if (!line.text.includes('\t') || h.cells.name < 0) return null;
  const cells = line.text.split('\t').map((c) => c.trim());
  const name = cells[h.cells.name] ?? '';
  if (name === '' || SUM_RE.test(name) || /\d{3}/.test(name)) return null;
  return cells.every((c, k) => c === '' || k === h.cells.name) ? name : null;
}

function nextNonBlank(lines: readonly Line[], from: number): number {
  let j = from;
  while (j < lines.length && (lines[j]?.text === '' || SEPARATOR_RE.test(lines[j]?.text ?? ''))) j++;
  return j;
}

export function parseTabRows(lines: readonly Line[], h: TableHeader): ParsedTable {
  const rows: RawRow[] = [];
  let i = h.headerIndex + 1;
  let end = i;
  while (i < lines.length) {
    i = nextNonBlank(lines, i);
    const line = lines[i];
    if (!line) break;
    const start = rowStart(line, h);
    const more = start || rows.length === 0 ? null : nameContinuation(line, h);
    if (more !== null) {
      const prev = rows[rows.length - 1]!;
      prev.name = `${prev.name} ${more}`.trim();
      prev.last = line.no;
      i++;
      end = i;
      continue;
    }
    if (!start) break;
    const r = h.cells;
    const row: RawRow = {
      chapter: start.chapter,
      post: start.post,
      name: start.sumLabel ?? (r.name >= 0 ? (start.cells[r.name] ?? '') : ''),
      cells: r.amounts.map((a) => start.cells[a] ?? ''),
      comment: [],
      sumLabel: start.sumLabel,
      first: line.no,
      last: line.no,
    };
    const commentCell = r.comment >= 0 ? (start.cells[r.comment] ?? '') : '';
    if (commentCell) row.comment.push(commentCell);
    i++;
    // Paragraphs of the same source line.
    while (i < lines.length && lines[i]?.no === line.no) {
      const t = lines[i]?.text ?? '';
      if (t && h.hasComment) row.comment.push(t);
      i++;
    }
    // Comment paragraphs continued on later source lines.
    while (h.hasComment) {
      const j = nextNonBlank(lines, i);
      const cont = lines[j];
      if (!cont || isHeading(cont.text) || headerAt(lines, j)) break;
      // `⇥⇥⇥⇥etter oppsigelsestidens utløp …`: only the comment cell is filled.
      if (cont.text.includes('\t')) {
        const cells = cont.text.split('\t').map((c) => c.trim());
        if (cells.slice(0, -1).some((c) => c !== '') || rowStart(cont, h)) break;
      }
      const after = nextNonBlank(lines, j + 1 + countSameNo(lines, j));
      const nextIsRow = lines[after] ? rowStart(lines[after], h) !== null : false;
      if (!/^\p{Ll}/u.test(cont.text) && !nextIsRow) break;
      let k = j;
      while (k < lines.length && lines[k]?.no === cont.no) {
        const t = (lines[k]?.text ?? '').trim();
        if (t) row.comment.push(t);
        k++;
      }
      row.last = cont.no;
      i = k;
    }
    rows.push(row);
    end = i;
  }
  return { rows, end };
}

function countSameNo(lines: readonly Line[], j: number): number {
  const no = lines[j]?.no;
  let n = 0;
  while (lines[j + 1 + n]?.no === no) n++;
  return n;
}
