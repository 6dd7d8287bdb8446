/**
 * The artskonto report of an annual report's accounts (artskontorapportering, the state's standard
 * layout): a header with a note column and one column per year, groups headed by a row without amounts,
 * their account rows, a "Sum …" per group and "Netto …" rows that net expenses against income:
 *   "Oppstilling av artskontorapporteringen 31.12.2023⇥Note⇥2023⇥2022"
 *   "Driftsutgifter rapportert til bevilgningsregnskapet⇥⇥⇥"
 *   "Utbetalinger til lønn⇥2⇥1 088 918 442⇥1 033 807 351"
 *   "Sum utbetalinger til drift⇥⇥2 232 524 775⇥2 464 420 815"
 *   "Netto rapporterte driftsutgifter⇥⇥2 023 347 049⇥2 239 353 514"
 *   …
 *   "Netto rapportert til bevilgningsregnskapet⇥⇥65 383 668 652⇥65 113 250 956"
 *   "Oversikt over mellomværende med statskassen⇥⇥⇥" / "Eiendeler og gjeld⇥⇥2023⇥2022" / … / "Sum mellomværende …"
 * Each account row becomes a budget line with chapter '' and post '' (the account's name in `name`).
 *
 * Checks: a "Sum" row against its group's rows; a "Netto" row against its group's rows signed (income
 * negative: "… (ref. kap. 5700, inntekt)") or, when it follows sums, against those sums signed ("Sum
 * utbetalinger til drift" less "Sum innbetalinger fra drift"); "Netto rapportert til
 * bevilgningsregnskapet" against every net and unpaired sum above it.
 */
import type { BudgetLine } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import {
  captionAbove,
  cellsOf,
  cleanLabel,
  headerLabel,
  isYearCell,
  type TabRow,
  tabBlock,
} from '../annual-report/tab-table.js';
import { amountCell, isTotalLabel, outcomeOf, type SumSink, warnMismatch } from './appropriation-cells.js';
import type { Warn } from './resolve.js';
import { unitIn } from './units.js';

interface Layout {
  note: number;
  /** Amount columns: label ("2023") and cell index. */
  columns: { label: string; index: number }[];
}

function layoutOf(cells: readonly string[]): Layout | null {
  const columns: Layout['columns'] = [];
  let note = -1;
  for (let k = 1; k < cells.length; k++) {
    const c = headerLabel(cells[k]!);
    if (/^note(?:r)?$/iu.test(c)) note = k;
    else if (isYearCell(c)) columns.push({ label: c, index: k });
    else if (c !== '') return null;
  }
  return columns.length > 0 ? { note, columns } : null;
}

/** The header row of an artskonto report, given its caption; null when the row is not one. */
export function artskontoLayout(text: string, caption: string | null): Layout | null {
  if (!text.includes('\t')) return null;
  const cells = cellsOf(text);
  if (!/artskonto/iu.test(cells[0] ?? '') && !/artskonto/iu.test(caption ?? '')) return null;
  return layoutOf(cells);
}

/** +1 for an expense, -1 for income ("Sum innbetalinger fra drift", "… (ref. kap. 5309, inntekt)"). */
function signOf(label: string): 1 | -1 {
  const t = label.toLowerCase();
  if (/,\s*inntekt\)/u.test(t)) return -1;
  if (/,\s*utgift\)/u.test(t)) return 1;
  if (/utbetal|utgift/u.test(t) && !/innbetal|inntekt|innkrev/u.test(t)) return 1;
  return /innbetal|inntekt|innkrev|til staten/u.test(t) ? -1 : 1;
}

type Amounts = (number | null)[];

interface Signed {
  sign: 1 | -1;
  amounts: Amounts;
}

const sameAmounts = (a: Amounts, b: Amounts) =>
  a.length === b.length && a.every((v, k) => v !== null && v === b[k]);

export function readArtskontoTable(
  lines: readonly Line[],
  headerIndex: number,
  layout: Layout,
  floor: number,
  warn: Warn,
  sumSink?: SumSink,
): { lines: BudgetLine[]; end: number } {
  const caption = captionAbove(lines, headerIndex, floor);
  const factor = (unitIn(caption ?? '') ?? unitIn(lines[headerIndex]!.text))?.factor ?? 1;
  // A note table after a blank line ("Note 1 Innbetalinger fra drift⇥⇥") is not part of the report.
  const block = tabBlock(lines, headerIndex, (t) => /^(?:Note|Tabell)\s*\d/iu.test(t));
  const labels = layout.columns.map((c) => c.label);
  const out: BudgetLine[] = [];
  let items: Signed[] = [];
  let sums: Signed[] = [];
  let nets: Amounts[] = [];
  // The previous row closed a group (or the table just started): a row without amounts opens a group.
  let atGroupStart = true;
  let lastSum: { label: string; amounts: Amounts } | null = null;

  const check = (label: string, row: TabRow, printed: Amounts, parts: readonly Signed[]) => {
    if (parts.length === 0) {
      sumSink?.(row.no, 'unchecked');
      return;
    }
    let checked = 0;
    let mismatched = 0;
    printed.forEach((p, k) => {
      if (p === null) return;
      checked++;
      const computed = parts.reduce((acc, s) => acc + s.sign * (s.amounts[k] ?? 0), 0);
      if (computed === p) return;
      mismatched++;
      warnMismatch(warn, label, labels[k]!, p, computed, row.no);
    });
    sumSink?.(row.no, outcomeOf(checked, mismatched));
  };

  for (const row of block.rows) {
    const label = cleanLabel(row.cells[0] ?? '');
    const note = layout.note >= 0 ? (row.cells[layout.note] ?? '') : '';
    const amounts: Amounts = layout.columns.map((c) => {
      const cell = row.cells[c.index] ?? '';
      const a = amountCell(cell, factor);
      if (a.unreadable)
        warn(
          'appropriation_amount_unreadable',
          `Kunne ikke lese beløpet «${cell}» (${c.label}) i «${label}».`,
          row.no,
        );
      return a.value;
    });
    const empty = amounts.every((a) => a === null);
    if (label !== '' && row.cells.some((c, k) => k > 0 && isYearCell(c)) && layoutOf(row.cells) !== null) {
      // A repeated year header naming a new group: "Eiendeler og gjeld⇥⇥2023⇥2022".
      items = [];
      atGroupStart = true;
      continue;
    }
    if (isTotalLabel(label)) {
      const signed = { sign: signOf(label), amounts };
      if (/^sum\b/iu.test(label)) {
        check(
          label,
          row,
          amounts,
          items.map((i) => ({ sign: 1, amounts: i.amounts })),
        );
        sums.push(signed);
        lastSum = { label, amounts };
      } else if (/til bevilgningsregnskapet/iu.test(label)) {
        check(label, row, amounts, [
          ...nets.map((n) => ({ sign: 1 as const, amounts: n })),
          ...sums,
          ...items,
        ]);
        nets = [];
        sums = [];
      } else if (items.length > 0) {
        // "Netto rapporterte utgifter på felleskapitler" right after its accounts.
        check(label, row, amounts, items);
        nets.push(amounts);
      } else {
        check(label, row, amounts, sums);
        nets.push(amounts);
        sums = [];
      }
      items = [];
      atGroupStart = true;
      continue;
    }
    if (empty && note === '' && atGroupStart) {
      // A group heading; an empty row after it is an account printed without amounts.
      items = [];
      atGroupStart = false;
      continue;
    }
    if (!empty && lastSum && atGroupStart && note === '' && sameAmounts(amounts, lastSum.amounts)) {
      // "Inntekter og utgifter rapportert på felleskapitler⇥⇥63 402 232 578⇥…" repeating the sum above:
      // a group heading that carries a copy of the previous sum, not an account of its own.
      warn(
        'artskonto_repeated_sum',
        `«${label}» gjentar beløpene fra «${lastSum.label}» og leses som en overskrift, ikke som en konto.`,
        row.no,
      );
      items = [];
      atGroupStart = false;
      continue;
    }
    atGroupStart = false;
    if (label === '') {
      warn(
        'appropriation_row_unreadable',
        `En rad i artskontorapporteringen har beløp, men ingen tekst.`,
        row.no,
      );
      continue;
    }
    items.push({ sign: signOf(label), amounts });
    out.push({
      chapter: '',
      post: '',
      name: label,
      columns: [...labels],
      amounts,
      flags: [],
      usableUnderPosts: [],
      comment: note ? `note ${note}` : null,
      earmarks: [],
      table: caption,
      lines: [row.no, row.no],
    });
  }
  return { lines: out, end: block.end };
}
