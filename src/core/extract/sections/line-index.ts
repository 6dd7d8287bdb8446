/**
 * From source line numbers (as sections and records carry them) to indices into the logical line array.
 * Logical lines are in source order and several may share a number (an HTML paragraph split into list
 * items), so a binary search finds the first of them without building a map of the whole document.
 */
import type { Line } from '../../text/lines.js';

/** Index of the first logical line numbered `no`, or -1 when no line has that number. */
export function indexOfLineNo(lines: readonly Line[], no: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]!.no < no) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length && lines[lo]!.no === no ? lo : -1;
}

/** Indices of the first and last logical lines of a source line range, or null when it starts nowhere. */
export function rangeIndices(
  lines: readonly Line[],
  range: readonly [number, number],
): [number, number] | null {
  const from = indexOfLineNo(lines, range[0]);
  if (from === -1) return null;
  let to = from;
  while (to + 1 < lines.length && lines[to + 1]!.no <= range[1]) to++;
  return [from, to];
}
