/**
 * Cells of the annual report's accounts tables (bevilgningsrapportering, artskontorapportering): whole
 * kroner grouped by spaces ("3 969 989 000"), negative with a leading "-" ("-13 395 513"); an empty cell,
 * a lone dash or a word ("Ikke aktuell") is no amount.
 */
import { formatKroner, isNilCell, parseGrouped } from './amounts.js';
import type { SumOutcome } from '../context.js';
import type { Warn } from './resolve.js';

/** Where a reader reports each printed total it cross-footed (the coverage tally). */
export type SumSink = (line: number, outcome: SumOutcome) => void;

/** The outcome of one total row from its column checks. */
export function outcomeOf(checked: number, mismatched: number): SumOutcome {
  return checked === 0 ? 'unchecked' : mismatched > 0 ? 'mismatch' : 'foots';
}

export interface AmountCell {
  value: number | null;
  /** The cell holds digits that do not read as one amount ("54 520122 000"). */
  unreadable: boolean;
}

export function amountCell(cell: string, factor: number): AmountCell {
  const t = cell.trim();
  if (t === '') return { value: null, unreadable: false };
  // A lone dash is no amount, as in the letters' budget tables.
  if (isNilCell(t)) return { value: null, unreadable: false };
  if (!/\d/.test(t)) return { value: null, unreadable: false };
  const n = parseGrouped(t.replace(/\u00A0|\u202F/g, ' ').replace(/^-\s+/, '-'));
  if (n === null) return { value: null, unreadable: true };
  return { value: n * factor, unreadable: false };
}

/** "0702" → "702" (letters print chapters without the leading zero); "3714" stays. */
export function normaliseChapter(cell: string): string {
  return cell.replace(/^0+(?=\d{3}$)/, '');
}

/** A label that totals the rows above it: "Sum utgiftsført", "Netto rapportert …", "Totalt", "I alt". */
export function isTotalLabel(label: string): boolean {
  return /^(?:sum|netto|totalt|i alt)\b/iu.test(label);
}

export function warnMismatch(
  warn: Warn,
  label: string,
  column: string,
  printed: number,
  computed: number,
  line: number,
): void {
  warn(
    'appropriation_sum_mismatch',
    `«${label}», kolonne «${column}»: oppgitt sum ${formatKroner(printed)}, men radene summerer til ${formatKroner(computed)} (differanse ${formatKroner(printed - computed)}).`,
    line,
  );
}
