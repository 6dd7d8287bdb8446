/**
 * Cross-checks that letters make possible: printed sums against their rows, earmarks against their row.
 */
import type { BudgetLine } from '../../model/extraction.js';
import { formatKroner } from './amounts.js';
import { type EarmarkReading, earmarksAddUp, earmarksCoverRow } from './earmarks.js';
import type { Warn } from './resolve.js';
import type { Tally } from '../context.js';

export interface SumRow {
  label: string;
  amounts: (number | null)[];
  line: number;
  /** Index in the table's budget lines where the sum row stood. */
  position: number;
}

/** "kap. 926 post 01, 21; kap. 927 post 70": the rows a sum covers, as a reader finds them in the table. */
export function nameRows(rows: readonly BudgetLine[]): string {
  const byChapter = new Map<string, string[]>();
  for (const r of rows) {
    const posts = byChapter.get(r.chapter) ?? [];
    posts.push(r.post);
    byChapter.set(r.chapter, posts);
  }
  const parts = [...byChapter].map(([c, posts]) => `kap. ${c} post ${posts.join(', ')}`);
  return parts.length > 6 ? `${parts.slice(0, 6).join('; ')}; …` : parts.join('; ');
}

/**
 * "Sum kap. 740" adds the rows of chapter 740 above it (since that chapter's previous sum); "Sum",
 * "Totalt", "I alt" add every row of the table since the previous such sum. Every sum is reported to the
 * tally; a mismatch is a warning naming the rows it covers, and a sum with nothing to add up (no rows
 * above it, or no readable amount) is a warning too, since it could not be checked.
 */
export function crossFoot(
  rows: readonly BudgetLine[],
  sums: readonly SumRow[],
  warn: Warn,
  columns: readonly string[] = [],
  tally?: Tally,
): void {
  let from = 0;
  const chapterFrom = new Map<string, number>();
  for (const s of sums) {
    const chapter = /kap(?:ittel)?\.?\s*(\d{3,4})/iu.exec(s.label)?.[1] ?? null;
    const start = chapter ? (chapterFrom.get(chapter) ?? 0) : from;
    const covered = rows.slice(start, s.position).filter((r) => !chapter || r.chapter === chapter);
    let checked = 0;
    let mismatched = 0;
    s.amounts.forEach((printed, k) => {
      if (printed === null || covered.length === 0) return;
      checked++;
      const total = covered.reduce((acc, r) => acc + (r.amounts[k] ?? 0), 0);
      if (total === printed) return;
      mismatched++;
      const column = columns[k] ? `, kolonne «${columns[k]}»` : '';
      warn(
        'budget_sum_mismatch',
        `«${s.label}»${column} oppgir ${formatKroner(printed)}, men radene over (${nameRows(covered)}) summerer til ${formatKroner(total)} (differanse ${formatKroner(printed - total)}).`,
        s.line,
      );
    });
    if (checked === 0)
      warn(
        'budget_sum_unchecked',
        covered.length === 0
          ? `Sumraden «${s.label}» står uten budsjettrader over seg og kunne ikke kontrolleres.`
          : `Sumraden «${s.label}» har ingen lesbare beløp og kunne ikke kontrolleres mot radene over (${nameRows(covered)}).`,
        s.line,
      );
    tally?.sum(s.line, checked === 0 ? 'unchecked' : mismatched > 0 ? 'mismatch' : 'foots');
    if (chapter) chapterFrom.set(chapter, s.position);
    else from = s.position;
  }
}

/** A closing "Sum tildelt" / "Samlet tildeling" column: the row's sum of the columns before it. */
export function sumColumn(columns: readonly string[]): boolean {
  return columns.length >= 3 && /^(?:sum|samlet|total)/iu.test(columns.at(-1) ?? '');
}

/**
 * "Tidligere tildeling | Ny tildeling | Sum tildelt": the last column prints the sum of the others on the
 * same row; cross-foot it. An empty cell among them leaves the row unchecked.
 */
export function checkSumColumn(line: BudgetLine, warn: Warn, tally?: Tally, at = line.lines[0]): void {
  const printed = line.amounts.at(-1);
  const parts = line.amounts.slice(0, -1);
  if (printed === null || printed === undefined || parts.every((v) => v === null)) {
    tally?.sum(at, 'unchecked');
    return;
  }
  const total = parts.reduce<number>((acc, v) => acc + (v ?? 0), 0);
  if (total === printed) {
    tally?.sum(at, 'foots');
    return;
  }
  tally?.sum(at, 'mismatch');
  warn(
    'budget_sum_mismatch',
    `«${line.columns.at(-1) ?? ''}» for kap. ${line.chapter} post ${line.post} oppgir ${formatKroner(printed)}, men ${line.columns.slice(0, -1).join(' + ')} gir ${formatKroner(total)} (differanse ${formatKroner(printed - total)}).`,
    at,
  );
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
  for (const o of reading.overdrawn)
    warn(
      'earmarks_nested_mismatch',
      `I kommentaren til kap. ${line.chapter} post ${line.post} er delbeløpene under «${o.text}» til sammen ${formatKroner(o.parts)}, mer enn de ${formatKroner(o.amount)} de er en del av (differanse ${formatKroner(o.parts - o.amount)}).`,
      line.lines[0],
    );
  const total = rowTotal(line);
  if (total === null || !earmarksCoverRow(reading, total) || earmarksAddUp(reading, total)) return;
  warn(
    'earmarks_sum_mismatch',
    `Øremerkingene for kap. ${line.chapter} post ${line.post} summerer til ${formatKroner(reading.sum)}, men raden er på ${formatKroner(total)} (differanse ${formatKroner(reading.sum - total)}).`,
    line.lines[0],
  );
}
