/**
 * From printed amount cells to one amount per column in whole kroner.
 *
 * A tab table gives one cell per column. A PDF table gives a run of digit groups for the whole row, and
 * "127 273 103 700" under two columns reads three ways. The split is chosen by, in order: the splits
 * that honour the source's column gaps (two or more spaces between digit groups: "165 147  182 294"),
 * when there are any; the only valid split; the split with equal columns (an allocation equal to the appropriation is the common case:
 * "903 016 903 016"); the split whose amount the surrounding prose names ("tildeles totalt 103,7 mill.
 * kroner"); otherwise the split with the closest amounts, with a warning that lists the alternatives.
 */
import {
  formatKroner,
  greedyNumbers,
  isNilCell,
  type MoneyPhrase,
  parseGrouped,
  splitRun,
} from './amounts.js';
import type { RawRow } from './rows.js';

export type Warn = (code: string, message: string, line: number | null) => void;

export interface Resolved {
  amounts: (number | null)[];
  /** Numbers beyond the table's columns, returned to the comment. */
  spill: string | null;
}

/** Keep warning messages short when a cell holds garbage. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function scale(n: number, factor: number): number {
  return Math.round(n * factor);
}

function spread(values: number[]): number {
  const abs = values.map((v) => Math.max(Math.abs(v), 1));
  return Math.max(...abs) / Math.min(...abs);
}

function describe(split: number[], factor: number): string {
  return split.map((v) => formatKroner(scale(v, factor))).join(' + ');
}

function pick(
  splits: number[][],
  factor: number,
  hints: () => readonly MoneyPhrase[],
  row: RawRow,
  warn: Warn,
): number[] {
  const only = splits[0] ?? [];
  if (splits.length <= 1) return only;
  const equal = splits.filter((s) => s.every((v) => v === s[0]));
  if (equal.length === 1 && equal[0]) return equal[0];
  // "tildeles 213,2 mill. kroner" names 213 192 within the rounding of its last decimal.
  const named = hints();
  const isNamed = (kroner: number) => named.some((p) => Math.abs(p.kroner - kroner) <= p.tolerance);
  const hinted = splits.filter((s) => spread(s) <= 10 && s.some((v) => isNamed(scale(v, factor))));
  if (hinted.length === 1 && hinted[0]) return hinted[0];
  const ranked = [...splits].sort((a, b) => spread(a) - spread(b));
  const best = ranked[0] ?? only;
  warn(
    'ambiguous_amount',
    `Beløpene «${clip(row.cells.join(' '))}» (kap. ${row.chapter ?? '?'} post ${row.post}) kan leses på flere måter; valgte ${describe(best, factor)}. Alternativer: ${ranked
      .slice(1)
      .map((s) => describe(s, factor))
      .join('; ')}.`,
    row.first,
  );
  return best;
}

/**
 * Amounts in kroner as read, with any beyond the safe integer range (a garbled run of digits,
 * "999999999999 999" in thousands) replaced by null and a warning: an amount is an exact integer or none.
 */
export function resolveAmounts(
  row: RawRow,
  layout: 'tab' | 'text',
  columns: readonly string[],
  factor: number,
  hints: () => readonly MoneyPhrase[],
  warn: Warn,
): Resolved {
  const resolved = readAmounts(row, layout, columns, factor, hints, warn);
  if (resolved.amounts.every((v) => v === null || Number.isSafeInteger(v))) return resolved;
  warn(
    'budget_amount_unreadable',
    `Beløpet i raden kap. ${row.chapter ?? '?'} post ${row.post} er for stort til å være et beløp; utelatt.`,
    row.first,
  );
  return {
    ...resolved,
    amounts: resolved.amounts.map((v) => (v !== null && Number.isSafeInteger(v) ? v : null)),
  };
}

function readAmounts(
  row: RawRow,
  layout: 'tab' | 'text',
  columns: readonly string[],
  factor: number,
  hints: () => readonly MoneyPhrase[],
  warn: Warn,
): Resolved {
  const n = Math.max(columns.length, 1);
  if (layout === 'tab') {
    const amounts = columns.map((_, k) => {
      const cell = row.cells[k] ?? '';
      if (cell === '') return null;
      // "-" (or "–") in a Norwegian budget table means "no amount", not an amount of zero.
      if (isNilCell(cell)) return null;
      const v = parseGrouped(cell);
      if (v !== null) return scale(v, factor);
      warn(
        'budget_amount_unreadable',
        `Kunne ikke lese beløpet «${clip(cell)}» (kap. ${row.chapter ?? '?'} post ${row.post}).`,
        row.first,
      );
      return null;
    });
    return { amounts, spill: null };
  }
  const run = (row.cells[0] ?? '').trim();
  const empty: (number | null)[] = columns.map(() => null);
  if (run === '') return { amounts: empty.length ? empty : [null], spill: null };
  if (isNilCell(run)) return { amounts: empty.length ? empty : [null], spill: null };
  const tokens = run.split(' ');
  // The source's column gaps ("165 147  182 294") settle the split when one reading honours them.
  const breaks = row.breaks ?? [];
  if (breaks.length > 0 && breaks.length < n) {
    const gapped = splitRun(tokens, n, breaks);
    if (gapped.length > 0)
      return { amounts: pick(gapped, factor, hints, row, warn).map((v) => scale(v, factor)), spill: null };
  }
  const full = splitRun(tokens, n);
  // "20 500" under two columns: 20 and 500 is a valid split, but one amount of 20 500 is far more
  // plausible than two amounts that differ by more than a factor of ten.
  const fewerExists = n > 1 && splitRun(tokens, n - 1).length > 0;
  const fullPlausible = full.some((s) => spread(s) <= 10);
  if (full.length > 0 && (fullPlausible || !fewerExists))
    return { amounts: pick(full, factor, hints, row, warn).map((v) => scale(v, factor)), spill: null };
  for (let k = n - 1; k >= 1; k--) {
    const fewer = splitRun(tokens, k);
    if (fewer.length === 0) continue;
    const chosen = pick(fewer, factor, hints, row, warn).map((v) => scale(v, factor));
    // Fewer amounts than columns: they stand in the last columns (an allocation without appropriation).
    const amounts: (number | null)[] = [...columns.slice(0, n - k).map(() => null), ...chosen];
    warn(
      'budget_column_uncertain',
      `Raden kap. ${row.chapter ?? '?'} post ${row.post} har ${k} beløp for ${n} kolonner; plassert under «${columns
        .slice(n - k)
        .join('», «')}».`,
      row.first,
    );
    return { amounts, spill: null };
  }
  const nums = greedyNumbers(tokens);
  const taken = nums.slice(0, n);
  const rest = nums.slice(n);
  const amounts: (number | null)[] = columns.map((_, k) => {
    const t = taken[k];
    return t ? scale(t.value, factor) : null;
  });
  if (rest.length > 0) {
    const spill = tokens.slice(rest[0]?.from ?? tokens.length).join(' ');
    warn(
      'budget_amount_extra',
      `Raden kap. ${row.chapter ?? '?'} post ${row.post} har flere tall enn kolonner; «${clip(spill)}» er lagt til kommentaren.`,
      row.first,
    );
    return { amounts, spill };
  }
  return { amounts, spill: null };
}
