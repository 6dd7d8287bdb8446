/**
 * The appropriation report of an annual report's accounts (bevilgningsrapportering, the state's standard
 * layout), tab-separated:
 *   "Tabell 6-1 Bevilgningsrapportering 31.12.2023"
 *   "Utgifts- kapittel⇥Kapittelnavn⇥Post⇥Posttekst⇥Note⇥Samlet tildeling **⇥Regnskap 2023⇥Merutgift (-) og mindre- utgift⇥…"
 *   "0702⇥Beredskap⇥21⇥Spesielle driftsutgifter⇥A/B⇥18 300 000⇥14 585 605⇥3 714 395⇥⇥"
 *   "Sum utgiftsført⇥⇥⇥⇥⇥54 520 122 000⇥65 813 215 781⇥⇥⇥"
 * then further parts with their own header ("Inntektskapittel⇥…", or a titled part "Oppgjørvirksomhet"
 * with "Utgiftskapittel⇥…⇥Merinntekt og mindreinntekt(-)") and the report's total
 * "Netto rapportert til bevilgningsregnskapet". Amounts are whole kroner unless a unit is stated.
 *
 * Checks: every "Sum …"/"Netto …" row against the rows of its part (a "Sum kap. 0740" row against that
 * chapter's rows), the report's net total against the parts' totals (expenses less income), and each
 * row's "Merutgift/mindreutgift" against allocation less accounts.
 */
import type { BudgetLine } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import {
  captionAbove,
  cellsOf,
  headerLabel,
  nextNonBlank,
  type TabRow,
  tabBlock,
} from '../annual-report/tab-table.js';
import { formatKroner } from './amounts.js';
import {
  amountCell,
  isTotalLabel,
  normaliseChapter,
  outcomeOf,
  type SumSink,
  warnMismatch,
} from './appropriation-cells.js';
import { flagsFromName } from './flags.js';
import type { Warn } from './resolve.js';
import { unitIn } from './units.js';

type Role = 'chapter' | 'chapterName' | 'post' | 'postName' | 'note' | 'skip' | 'amount';

interface Part {
  roles: Role[];
  /** Amount column labels, in order, and their cell index. */
  columns: { label: string; index: number }[];
  /** +1 for an expense part ("Utgiftskapittel"), -1 for an income part ("Inntektskapittel"). */
  sign: 1 | -1;
}

const CHAPTER_HEADER_RE = /^(?:(?:utgifts|inntekts)\s*)?kap(?:ittel|\.)?$/iu;

function roleOf(label: string, k: number): Role {
  if (k === 0 && CHAPTER_HEADER_RE.test(label)) return 'chapter';
  if (label === '') return 'skip';
  if (/^kapittelnavn$|^kapittel(?:tekst|betegnelse)$/iu.test(label)) return 'chapterName';
  if (/^post$/iu.test(label)) return 'post';
  if (/^(?:posttekst|post(?:betegnelse|navn)|betegnelse|tekst)$/iu.test(label)) return 'postName';
  if (/^note(?:r)?$/iu.test(label)) return 'note';
  return 'amount';
}

/** The header row of an appropriation report part, or null. */
export function appropriationPart(text: string): Part | null {
  const tab = text.indexOf('\t');
  // Cheap pre-test on every tab line: the first cell names the chapter column.
  if (tab < 3 || tab > 24 || !/kap/iu.test(text.slice(0, tab))) return null;
  const labels = cellsOf(text).map(headerLabel);
  if (!CHAPTER_HEADER_RE.test(labels[0] ?? '')) return null;
  // An unlabelled column right after the post's name holds the note references ("B").
  const roles = labels.map((l, k) =>
    l === '' && k > 0 && roleOf(labels[k - 1]!, k - 1) === 'postName' ? 'note' : roleOf(l, k),
  );
  if (!roles.includes('post') || !labels.some((l) => /^regnskap\b/iu.test(l))) return null;
  const columns = labels.flatMap((label, index) => (roles[index] === 'amount' ? [{ label, index }] : []));
  return { roles, columns, sign: /^inntekt/iu.test(labels[0]!) ? -1 : 1 };
}

const columnKey = (label: string) => label.toLowerCase().replace(/[^\p{L}\d]/gu, '');

interface PartTotal {
  sign: 1 | -1;
  /** Column key → total of the part. */
  amounts: Map<string, number>;
}

interface ReadState {
  caption: string | null;
  factor: number;
  warn: Warn;
  sums: SumSink | undefined;
  out: BudgetLine[];
  seen: Set<string>;
  totals: PartTotal[];
  /** The printed "Netto rapportert til bevilgningsregnskapet" in the accounts column, for the capital accounts. */
  net: { value: number; line: number } | null;
}

function cellOf(row: TabRow, part: Part, role: Role): string {
  const k = part.roles.indexOf(role);
  return k < 0 ? '' : (row.cells[k] ?? '');
}

function amountsOf(row: TabRow, part: Part, state: ReadState): (number | null)[] {
  return part.columns.map((c) => {
    const cell = row.cells[c.index] ?? '';
    const a = amountCell(cell, state.factor);
    if (a.unreadable)
      state.warn(
        'appropriation_amount_unreadable',
        `Kunne ikke lese beløpet «${cell}» i kolonnen «${c.label}».`,
        row.no,
      );
    return a.value;
  });
}

/** Allocation less accounts (expenses) or accounts less allocation (income) against the printed difference. */
function checkRow(line: BudgetLine, part: Part, warn: Warn): void {
  const find = (re: RegExp) => part.columns.findIndex((c) => re.test(c.label));
  const alloc = find(/tildeling/iu);
  const accounts = find(/^regnskap/iu);
  const diff = find(/^mer(?:utgift|inntekt)/iu);
  if (alloc < 0 || accounts < 0 || diff < 0) return;
  const a = line.amounts[alloc];
  const r = line.amounts[accounts];
  const d = line.amounts[diff];
  if (a == null || r == null || d == null) return;
  const expected = part.sign === 1 ? a - r : r - a;
  if (expected !== d)
    warn(
      'appropriation_row_mismatch',
      `Kap. ${line.chapter} post ${line.post}: «${part.columns[diff]!.label}» er ${formatKroner(d)}, men «${part.columns[alloc]!.label}» og «${part.columns[accounts]!.label}» gir ${formatKroner(expected)}.`,
      line.lines[0],
    );
}

/** Read one part (header and its rows); returns the part's total for the report's net total. */
function readPart(lines: readonly Line[], headerIndex: number, part: Part, state: ReadState): number {
  const block = tabBlock(lines, headerIndex, (t) => appropriationPart(t) !== null);
  const rows: BudgetLine[] = [];
  let from = 0;
  const chapterFrom = new Map<string, number>();
  let lastTotal: Map<string, number> | null = null;
  let end = block.end;
  for (const row of block.rows) {
    const chapterCell = cellOf(row, part, 'chapter');
    const post = cellOf(row, part, 'post');
    const amounts = amountsOf(row, part, state);
    if (/^\d{3,4}$/.test(chapterCell) && /^\d{2}$/.test(post)) {
      const chapter = normaliseChapter(chapterCell);
      const name = cellOf(row, part, 'postName').replace(/\s+/g, ' ');
      const chapterName = cellOf(row, part, 'chapterName');
      const note = cellOf(row, part, 'note');
      const { flags, usableUnderPosts } = flagsFromName(name);
      const line: BudgetLine = {
        chapter,
        post,
        name,
        columns: part.columns.map((c) => c.label),
        amounts,
        flags,
        usableUnderPosts,
        // The contract has no field for the chapter's name or the note reference; keep them as a comment.
        comment: [chapterName, note ? `note ${note}` : ''].filter((s) => s !== '').join(', ') || null,
        earmarks: [],
        table: state.caption,
        lines: [row.no, row.no],
      };
      const key = `${chapter}.${post}`;
      if (state.seen.has(key))
        state.warn(
          'appropriation_duplicate_row',
          `Kap. ${chapter} post ${post} står flere ganger i bevilgningsrapporteringen.`,
          row.no,
        );
      state.seen.add(key);
      checkRow(line, part, state.warn);
      rows.push(line);
      continue;
    }
    const label = row.cells.find((c) => c !== '') ?? '';
    if (isTotalLabel(label)) {
      if (/til bevilgningsregnskapet/iu.test(label)) {
        netTotal(label, row, part, amounts, lastTotal, state);
        const accounts = part.columns.findIndex((c) => /^regnskap/iu.test(c.label));
        const value = amounts[accounts];
        if (value != null) state.net = { value, line: row.no };
        continue;
      }
      const chapter = /kap(?:ittel)?\.?\s*(\d{3,4})/iu.exec(label)?.[1];
      const key = chapter ? normaliseChapter(chapter) : null;
      const start = key ? (chapterFrom.get(key) ?? 0) : from;
      const covered = rows.slice(start).filter((r) => !key || r.chapter === key);
      const total = new Map<string, number>();
      let checked = 0;
      let mismatched = 0;
      part.columns.forEach((c, k) => {
        const computed = covered.reduce((acc, r) => acc + (r.amounts[k] ?? 0), 0);
        const printed = amounts[k];
        total.set(columnKey(c.label), printed ?? computed);
        if (printed == null || covered.length === 0) return;
        checked++;
        if (printed === computed) return;
        mismatched++;
        warnMismatch(state.warn, label, c.label, printed, computed, row.no);
      });
      state.sums?.(row.no, outcomeOf(checked, mismatched));
      if (key) chapterFrom.set(key, rows.length);
      else {
        from = rows.length;
        lastTotal = total;
      }
      continue;
    }
    if (amounts.every((a) => a === null) && label !== '') {
      // A titled next part ("Oppgjørvirksomhet⇥⇥⇥…") or the capital accounts after the report.
      end = row.index;
      break;
    }
    state.warn(
      'appropriation_row_unreadable',
      `Kunne ikke lese raden «${row.cells.join(' | ')}» i bevilgningsrapporteringen.`,
      row.no,
    );
  }
  state.out.push(...rows);
  if (!lastTotal) {
    lastTotal = new Map();
    for (const [k, c] of part.columns.entries())
      lastTotal.set(
        columnKey(c.label),
        rows.reduce((acc, r) => acc + (r.amounts[k] ?? 0), 0),
      );
  }
  state.totals.push({ sign: part.sign, amounts: lastTotal });
  return end;
}

/** "Netto rapportert til bevilgningsregnskapet": expense parts' totals less income parts' totals. */
function netTotal(
  label: string,
  row: TabRow,
  part: Part,
  amounts: readonly (number | null)[],
  currentTotal: Map<string, number> | null,
  state: ReadState,
): void {
  const totals = currentTotal ? [...state.totals, { sign: part.sign, amounts: currentTotal }] : state.totals;
  let checked = 0;
  let mismatched = 0;
  part.columns.forEach((c, k) => {
    const printed = amounts[k];
    if (printed == null) return;
    const key = columnKey(c.label);
    if (!totals.every((t) => t.amounts.has(key))) return;
    checked++;
    const computed = totals.reduce((acc, t) => acc + t.sign * (t.amounts.get(key) ?? 0), 0);
    if (computed === printed) return;
    mismatched++;
    warnMismatch(state.warn, label, c.label, printed, computed, row.no);
  });
  state.sums?.(row.no, outcomeOf(checked, mismatched));
}

/**
 * Read the report whose first header row is at `headerIndex`; further parts follow after a blank line
 * and at most a title row. Returns its budget lines and the index after it.
 */
export function readAppropriationTable(
  lines: readonly Line[],
  headerIndex: number,
  floor: number,
  warn: Warn,
  sums?: SumSink,
): { lines: BudgetLine[]; end: number } {
  const caption = captionAbove(lines, headerIndex, floor);
  const unit = unitIn(caption ?? '') ?? unitIn(lines[headerIndex]!.text);
  const state: ReadState = {
    caption,
    factor: unit?.factor ?? 1,
    warn,
    sums,
    out: [],
    seen: new Set(),
    totals: [],
    net: null,
  };
  let index = headerIndex;
  let part = appropriationPart(lines[index]!.text);
  let end = index + 1;
  while (part) {
    end = readPart(lines, index, part, state);
    part = null;
    // The next part: a header within the next two non-blank lines (a title row may stand before it).
    let j = end;
    for (let seen = 0; seen < 2; seen++) {
      j = nextNonBlank(lines, j, 4);
      if (j === -1) break;
      const next = appropriationPart(lines[j]!.text);
      if (next) {
        part = next;
        index = j;
        break;
      }
      j++;
    }
  }
  if (state.net) end = checkCapitalAccounts(lines, end, state.net, state);
  return { lines: state.out, end };
}

/**
 * The capital accounts that close the report: the net reported to the appropriation accounts plus the
 * movements on the agency's accounts in Norges Bank and its balance with the treasury add up to the
 * printed "Sum rapportert" (zero):
 *   "Kapitalkontoer⇥⇥" / "60077101⇥Norges Bank KK /innbetalinger Hdir⇥397 761 550" / "⇥⇥-19 549 001" / …
 *   "Sum rapportert⇥⇥0"
 * The rows are accounts, not chapters and posts, and are only checked.
 */
function checkCapitalAccounts(
  lines: readonly Line[],
  from: number,
  net: { value: number; line: number },
  state: ReadState,
): number {
  const title = nextNonBlank(lines, from, 4);
  if (title === -1 || !/^kapitalkontoer?\b/iu.test(lines[title]!.text)) return from;
  let computed = net.value;
  let i = title + 1;
  for (; i < lines.length && i < title + 200; i++) {
    const text = lines[i]!.text;
    if (text === '') break;
    if (!text.includes('\t')) return from;
    const cells = cellsOf(text);
    const label = cells.find((c) => c !== '') ?? '';
    const amount = amountCell(cells.at(-1) ?? '', state.factor);
    if (isTotalLabel(label)) {
      const bad = amount.value !== null && amount.value !== computed;
      if (bad) warnMismatch(state.warn, label, 'Kapitalkontoer', amount.value!, computed, lines[i]!.no);
      state.sums?.(lines[i]!.no, outcomeOf(amount.value === null ? 0 : 1, bad ? 1 : 0));
      return i + 1;
    }
    computed += amount.value ?? 0;
  }
  return from;
}
