/**
 * The accounts of an annual report as budget lines: the appropriation report (bevilgningsrapportering,
 * see appropriation-table.ts) with chapter and post, its notes keyed by chapter-and-post codes (see
 * appropriation-notes.ts), and the artskonto report (artskontorapportering, see artskonto-table.ts) with
 * one line per account. Both are found by their header rows, so a letter,
 * which has neither, yields nothing. Tables another budget reader already returned (`taken`) are skipped.
 */
import type { BudgetLine } from '../../model/extraction.js';
import { captionAbove } from '../annual-report/tab-table.js';
import type { ExtractContext, SumOutcome } from '../context.js';
import { noteLayout, readAppropriationNote } from './appropriation-notes.js';
import { appropriationPart, readAppropriationTable } from './appropriation-table.js';
import { artskontoLayout, readArtskontoTable } from './artskonto-table.js';

function takenLines(taken: readonly BudgetLine[]): Set<number> {
  const set = new Set<number>();
  for (const l of taken) for (let n = l.lines[0]; n <= l.lines[1] && n - l.lines[0] < 50; n++) set.add(n);
  return set;
}

export function readAppropriationReport(
  ctx: ExtractContext,
  taken: readonly BudgetLine[] = [],
): BudgetLine[] {
  const { lines } = ctx;
  const out: BudgetLine[] = [];
  let used: Set<number> | null = null;
  let floor = 0;
  // The report's rows by chapter.post, for the notes' cross-check.
  const reported = new Map<string, BudgetLine>();
  const sums = (line: number, outcome: SumOutcome) => ctx.tally?.sum(line, outcome);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.length < 8 || !text.includes('\t')) continue;
    let table: { lines: BudgetLine[]; end: number } | null = null;
    const note = noteLayout(text);
    if (appropriationPart(text)) {
      table = readAppropriationTable(lines, i, floor, ctx.warn, sums);
      for (const l of table.lines)
        if (!reported.has(`${l.chapter}.${l.post}`)) reported.set(`${l.chapter}.${l.post}`, l);
    } else if (note) table = readAppropriationNote(lines, i, note, floor, reported, ctx.warn, sums);
    else if (/\t(?:31\.12\.)?(?:19|20)\d{2}(?:\t|$)/.test(text)) {
      const caption = /artskonto/iu.test(text) ? null : captionAbove(lines, i, floor);
      const layout = artskontoLayout(text, caption);
      if (layout) table = readArtskontoTable(lines, i, layout, floor, ctx.warn, sums);
    }
    if (!table) continue;
    used ??= takenLines(taken);
    const free = table.lines.filter((l) => !used!.has(l.lines[0]));
    ctx.tally?.budgetTable(lines[i]!.no, free.length);
    out.push(...free);
    floor = table.end;
    i = Math.max(i, table.end - 1);
  }
  return out;
}
