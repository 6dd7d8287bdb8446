/**
 * Where a letter's letterhead ends, and the "Sted, dato" line it may carry. A date counts as the letter's
 * own only when printed there (or with the signature): a "Dato" further down heads a calendar table
 * ("2 Styringskalender" / "Dato⇥Hva" / "15. mars 2026⇥Årsrapport"), and its first row is no letter date.
 */
import type { Line } from '../../text/lines.js';
import { placeAndDate } from './signature-date.js';

// "1 Innledning", "1. INNLEDNING", "2.1 Mål": the first numbered heading starts the letter's body.
const NUMBERED_HEADING_RE = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}\p{L}/u;
// A table of contents stands between letterhead and body.
const CONTENTS_RE = /^(?:Innhold(?:sfortegnelse)?|Innholdsliste)\s*$/i;

/** Index of the first line after the letterhead: a numbered heading or "Innhold", at most `limit`. */
export function letterheadEnd(lines: readonly Line[], limit: number): number {
  const end = Math.min(lines.length, limit);
  for (let i = 0; i < end; i++) {
    const text = lines[i]!.text.trim();
    if (NUMBERED_HEADING_RE.test(text) || CONTENTS_RE.test(text)) return i;
  }
  return end;
}

/**
 * "KLIMA- OG MILJØDEPARTEMENTET" / "Oslo, 15. januar 2026" / "Tildelingsbrev til …": a place and date
 * printed above the title (or, without a title, anywhere in the letterhead). Below the title such a line
 * is running text unless a signature follows it (see signature-date.ts).
 */
export function letterheadPlaceDate(
  lines: readonly Line[],
  end: number,
): { value: { y: number; m: number; d: number }; index: number } | null {
  for (let i = 0; i < end && i < lines.length; i++) {
    const value = placeAndDate(lines[i]!.text.trim());
    if (value) return { value, index: i };
  }
  return null;
}
