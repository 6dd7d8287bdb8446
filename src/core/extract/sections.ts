/** Numbered headings ("2.1.2 Oppdrag", "3.2. Befolkningen …") with their line ranges. */
import type { Section } from '../model/extraction.js';
import type { Line } from '../text/lines.js';

export function findSections(
  lines: readonly Line[],
  warn: (code: string, message: string, line: number | null) => void,
): Section[] {
  void lines;
  void warn;
  return [];
}
