import type { Goal } from '../model/extraction.js';
import type { ExtractContext } from './context.js';

export function extractGoals(ctx: ExtractContext): Goal[] {
  void ctx;
  return [];
}
