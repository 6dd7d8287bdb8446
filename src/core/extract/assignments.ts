import type { Assignment } from '../model/extraction.js';
import type { ExtractContext } from './context.js';

export function extractAssignments(ctx: ExtractContext): Assignment[] {
  void ctx;
  return [];
}
