import type { BudgetLine } from '../model/extraction.js';
import type { ExtractContext } from './context.js';

export function extractBudget(ctx: ExtractContext): BudgetLine[] {
  void ctx;
  return [];
}
