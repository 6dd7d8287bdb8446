/**
 * Budget-shaped lines that no budget table took: a header row naming chapter, post and an amount column
 * that the table reader did not recognise, and runs of rows keyed by chapter and post with an amount
 * ("926⇥01⇥Driftsutgifter⇥412 300", "0762.21 Spesielle driftsutgifter 38 700"). Each run (with the header
 * above it, if any) is one unread table and one warning, so a table in a layout the reader does not know
 * is never lost without a word.
 */
import type { Line } from '../../text/lines.js';
import type { ExtractContext } from '../context.js';
import type { LineMarks } from './marks.js';

const AMOUNT_CELL_RE = /^[-–]?\d{1,3}(?:[ \u00a0]\d{3})+$|^[-–]?\d{4,12}$|^[-–]?\d+(?:,\d+)?\s*(?:mill\.?|mrd\.?)?\s*(?:kr\.?|kroner)$/iu;
const CHAPTER_CELL_RE = /^0?\d{3,4}$/;
const POST_CELL_RE = /^\d{1,2}(?:\/\d{2})?$/;
const KEY_CELL_RE = /^0?\d{3,4}[.]\d{2}$/;
// "926 01 Driftsutgifter 412 300", "0762.21 Spesielle driftsutgifter, kan overføres 38 700 4 200".
const TEXT_ROW_RE =
  /^0?\d{3,4}(?:\.\d{2}|\s+\d{2})\s+\p{L}[^\t]{0,120}?\s[-–]?\d{1,3}(?:\s\d{3})*(?:,\d+)?$/u;
// The key column opens the header row: "Kap.⇥Post⇥…", "Kap. post⇥…", "Kapittel og post⇥…".
const HEADER_KEY_RE = /^\t*kap(?:ittel)?(?![\p{L}])/iu;
const HEADER_POST_RE = /(?<![\p{L}])post(?![\p{L}])/iu;
const HEADER_AMOUNT_RE =
  /tildel|bevilg|beløp|budsjett|regnskap|ramme|endring|(?<![\d])(?:19|20)\d{2}(?![\d])/iu;

function rowShaped(text: string): boolean {
  if (text.includes('\t')) {
    const cells = text.split('\t').map((c) => c.trim());
    const k = cells.findIndex((c) => c !== '');
    if (k < 0) return false;
    const keyed =
      KEY_CELL_RE.test(cells[k]!) ||
      (CHAPTER_CELL_RE.test(cells[k]!) && POST_CELL_RE.test(cells[k + 1] ?? '')) ||
      (POST_CELL_RE.test(cells[k]!) && k > 0);
    return keyed && cells.slice(k + 1).some((c) => AMOUNT_CELL_RE.test(c));
  }
  return text.length <= 200 && TEXT_ROW_RE.test(text);
}

function headerShaped(text: string): boolean {
  if (text.length > 160 || /[.;]$/.test(text)) return false;
  if (!HEADER_KEY_RE.test(text) || !HEADER_POST_RE.test(text) || !HEADER_AMOUNT_RE.test(text)) return false;
  // "Kap. 714, post 21 Spesielle driftsutgifter" names one post: a heading, not a table header.
  if (/^kap(?:ittel)?[.,]?\s*\d/iu.test(text)) return false;
  return text.includes('\t') || !/\d{3}/.test(text.replace(/(?:19|20)\d{2}/g, ''));
}

/**
 * Count the unread budget tables and warn about each. `tableLines` are the header lines of the tables
 * the budget stage recognised (read or empty): those are its business, already counted and warned.
 */
export function unreadBudgetBlocks(
  ctx: ExtractContext,
  budget: LineMarks,
  authorisations: LineMarks,
  tableLines: ReadonlySet<number | null>,
): number {
  const lines: readonly Line[] = ctx.lines;
  const free = (l: Line) => !budget.has(l.no) && !authorisations.has(l.no) && !tableLines.has(l.no);
  // A header whose rows another reader took (a repeated header after a page break, a table of
  // authorisation ceilings) is not unread.
  const readBelow = (i: number) => {
    for (let j = i + 1, seen = 0; j < lines.length && seen < 3; j++) {
      const n = lines[j]!;
      if (n.text === '' || n.footer) continue;
      seen++;
      if (budget.has(n.no) || authorisations.has(n.no)) return true;
    }
    return false;
  };
  let count = 0;
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    const t = l.text;
    const isHeader = t !== '' && free(l) && headerShaped(t) && !readBelow(i);
    const isRow = !isHeader && t !== '' && free(l) && rowShaped(t);
    if (!isHeader && !isRow) {
      i++;
      continue;
    }
    // A run: the header (if any) and the rows after it, over blank lines and short wrapped names.
    let rows = isRow ? 1 : 0;
    let last = i;
    let gap = 0;
    let j = i + 1;
    for (; j < lines.length && gap <= 2; j++) {
      const n = lines[j]!;
      if (n.text === '' || n.footer) continue;
      if (!free(n)) break;
      if (rowShaped(n.text)) {
        rows++;
        last = j;
        gap = 0;
      } else if (headerShaped(n.text)) break;
      else gap++;
    }
    // One stray row-shaped line in prose is no table; a header or a run of two is.
    if (isHeader || rows >= 2) {
      count++;
      ctx.warn(
        'budget_table_unread',
        rows === 0
          ? `Linjen «${clip(t)}» ser ut som overskriftsraden i en budsjettabell, men ingen budsjettrader ble lest under den.`
          : `${rows} linjer som ser ut som budsjettrader (kapittel, post og beløp) fra linje ${l.no} til ${lines[last]!.no} ble ikke lest som budsjettabell.`,
        l.no,
      );
    }
    i = Math.max(last + 1, i + 1);
  }
  return count;
}

function clip(text: string): string {
  const t = text.replace(/\t+/g, ' | ');
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
