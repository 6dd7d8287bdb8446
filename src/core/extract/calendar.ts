import type { CalendarEntry } from '../model/extraction.js';
import type { ExtractContext } from './context.js';

export function extractCalendar(ctx: ExtractContext): CalendarEntry[] {
  void ctx;
  return [];
}
