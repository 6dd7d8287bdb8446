/**
 * How a PDF's pages are shared between worker threads: consecutive ranges, so each part is read in
 * page order and the parts simply follow each other. A part gets at least MIN_PAGES pages: below that,
 * starting a worker (its own pdfjs, its own parse of the file) costs more than the pages it would read.
 */
import type { PageRange } from '../pdf.js';

export const MIN_PAGES_PER_PART = 16;

/** Pages of part `index` (0-based) of `parts`, or null when that part has no pages. */
export function pageRangeOf(pages: number, index: number, parts: number): PageRange | null {
  const used = Math.max(1, Math.min(parts, Math.floor(pages / MIN_PAGES_PER_PART)));
  if (index >= used || pages === 0) return null;
  const per = Math.ceil(pages / used);
  const first = index * per + 1;
  return first > pages ? null : { first, last: Math.min(pages, first + per - 1) };
}
