import type { Authorisation } from '../model/extraction.js';
import type { ExtractContext } from './context.js';

export function extractAuthorisations(ctx: ExtractContext): Authorisation[] {
  void ctx;
  return [];
}
