/**
 * Cross-checks that letters make possible: printed sums against their rows, earmarks against their row.
 */
import type { BudgetLine } from '../../model/extraction.js';
import { formatKroner } from './amounts.js';
import { type EarmarkReading, earmarksAddUp, earmarksCoverRow } from './earmarks.js';
import type { Warn } from './resolve.js';

export interface SumRow {
  label: string;
  amounts: (number | null)[];
  line: number;
  /** Index in the table's budget lines where the sum row stood. */
  position: number;
}

/**
 * "Sum kap. 740" adds the rows of chapter 740 above it (since that chapter's previous sum); "Sum",
 * "Totalt", "I alt" add every row of the table since the previous such sum.
 */
export function crossFoot(rows: readonly BudgetLine[], sums: readonly SumRow[], warn: Warn): void {
  let from = 0;
  const chapterFrom = new Map<string, number>();
  for (const s of sums) {
    const chapter = /kap(?:ittel)?\.?\s*(\d{3,4})/iu.exec(s.label)?.[1] ?? null;
    const start = chapter ? (chapterFrom.get(chapter) ?? 0) : from;
    const covered = rows.slice(start, s.position).filter((r) => !chapter || r.chapter === chapter);
    s.amounts.forEach((printed, k) => {
      if (printed === null || covered.length === 0) return;
      const total = covered.reduce((acc, r) => acc + (r.amounts[k] ?? 0), 0);
      if (total !== printed)
        warn(
          'budget_sum_mismatch',
          `«${s.label}» oppgir ${formatKroner(printed)}, men radene over summerer til ${formatKroner(total)} (differanse ${formatKroner(printed - total)}).`,
          s.line,
        );
    });
    if (chapter) chapterFrom.set(chapter, s.position);
    else from = s.position;
  }
}

/** The amount earmarks are checked against: the last filled column (the allocation, "Tildeling"). */
export function rowTotal(line: BudgetLine): number | null {
  for (let k = line.amounts.length - 1; k >= 0; k--) {
    const v = line.amounts[k];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

export function checkEarmarks(line: BudgetLine, reading: EarmarkReading, warn: Warn): void {
  const total = rowTotal(line);
  if (total === null || !earmarksCoverRow(reading, total) || earmarksAddUp(reading, total)) return;
  warn(
    'earmarks_sum_mismatch',
    `Øremerkingene for kap. ${line.chapter} post ${line.post} summerer til ${formatKroner(reading.sum)}, men raden er på ${formatKroner(total)} (differanse ${formatKroner(reading.sum - total)}).`,
    line.lines[0],
  );
}
