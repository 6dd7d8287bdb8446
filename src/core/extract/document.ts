/** Document metadata: type, year, date, issuer, recipient, reference, title, appended supplements. */
import type { DocumentInfo } from '../model/extraction.js';
import type { Line } from '../text/lines.js';

export function detectDocument(lines: readonly Line[], sha256: string, lineCount: number): DocumentInfo {
  void lines;
  return {
    type: 'ukjent',
    year: null,
    date: null,
    issuer: null,
    recipient: null,
    reference: null,
    title: null,
    sha256,
    lineCount,
    supplements: [],
  };
}
