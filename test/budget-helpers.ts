/**
 * Run the budget and authorisation stages alone on a text: faster than the whole pipeline and
 * independent of the other stages.
 */
import { extractAuthorisations } from '../src/core/extract/authorisations.js';
import { extractBudget } from '../src/core/extract/budget.js';
import { Diagnostics, type ExtractContext } from '../src/core/extract/context.js';
import { unknownDocument } from '../src/core/extract/extract.js';
import type { Authorisation, BudgetLine, Warning } from '../src/core/model/extraction.js';
import { splitRawLines, toLines } from '../src/core/text/lines.js';
import { type SeedKey, seedText } from './helpers/seeds.js';

export interface BudgetResult {
  budgetLines: BudgetLine[];
  authorisations: Authorisation[];
  warnings: Warning[];
}

export function budgetOfText(text: string): BudgetResult {
  const lines = toLines(splitRawLines(text));
  const diag = new Diagnostics();
  const ctx: ExtractContext = {
    lines,
    year: null,
    document: { ...unknownDocument('0'.repeat(64), lines.length), type: 'tildelingsbrev' },
    sections: [],
    warn: diag.warn,
  };
  return {
    budgetLines: extractBudget(ctx),
    authorisations: extractAuthorisations(ctx),
    warnings: diag.warnings,
  };
}

const cache = new Map<SeedKey, BudgetResult>();
export function budgetOfSeed(key: SeedKey): BudgetResult {
  let r = cache.get(key);
  if (!r) {
    r = budgetOfText(seedText(key));
    cache.set(key, r);
  }
  return r;
}

/** The row of a table with this chapter, post and starting line. */
export function row(lines: readonly BudgetLine[], chapter: string, post: string, line?: number): BudgetLine {
  const found = lines.filter(
    (l) => l.chapter === chapter && l.post === post && (line === undefined || l.lines[0] === line),
  );
  if (found.length !== 1)
    throw new Error(`expected one row ${chapter}.${post}@${line ?? '*'}, found ${found.length}`);
  return found[0] as BudgetLine;
}

export function countByTable(lines: readonly BudgetLine[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) out[l.table ?? ''] = (out[l.table ?? ''] ?? 0) + 1;
  return out;
}

export const sum = (xs: readonly { amount: number }[]): number => xs.reduce((s, x) => s + x.amount, 0);
