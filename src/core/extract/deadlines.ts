/** Deadline phrases → ISO dates with precision. (Being written: see test/deadlines.test.ts.) */
import type { Deadline } from '../model/extraction.js';

export interface DeadlineContext {
  /** Year of the letter; completes dates printed without a year. */
  year: number | null;
  /** Sub-task label the text belongs to, if any. */
  part: string | null;
}

/** Find every deadline in one logical line of text. Dates that are not deadlines are ignored. */
export function parseDeadlines(_text: string, _line: number, _ctx: DeadlineContext): Deadline[] {
  return [];
}
