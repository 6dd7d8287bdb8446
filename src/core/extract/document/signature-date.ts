/**
 * The date printed with a signature, "Oslo, 1. mars 2024" above "Bjørn Guldvog" / "Helsedirektør": an
 * annual report (and a letter without a letterhead date) is dated where it is signed.
 */
import type { Line } from '../../text/lines.js';
import { readDayMonth } from './printed-date.js';
import { SIGNER_RE } from './supplements.js';

// "Oslo, 1. mars 2024", "Trondheim, 15.03.2025"; the place is one or two capitalised words.
const PLACE_RE = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?, ?/u;
/** How many non-blank lines below the place and date the signer's name may stand. */
const SIGNER_WITHIN = 3;

export interface SignatureDate {
  y: number;
  m: number;
  d: number;
  index: number;
}

/** "Oslo, 1. mars 2024" alone on a line: the place and full date a letter is dated with. */
export function placeAndDate(text: string): { y: number; m: number; d: number } | null {
  // Cheap pre-test: a short line with a comma and a digit.
  if (text.length > 40 || !text.includes(',') || !/\d/.test(text)) return null;
  const place = PLACE_RE.exec(text);
  if (!place) return null;
  const rest = text.slice(place[0].length).trim();
  const date = readDayMonth(rest);
  if (!date || date.year === null || rest.slice(date.length).trim() !== '') return null;
  return { y: date.year, m: date.month, d: date.day };
}

export function signatureDate(lines: readonly Line[]): SignatureDate | null {
  for (let i = 0; i < lines.length; i++) {
    const date = placeAndDate(lines[i]!.text);
    if (date && signedBelow(lines, i)) return { ...date, index: i };
  }
  return null;
}

function signedBelow(lines: readonly Line[], i: number): boolean {
  let seen = 0;
  for (let j = i + 1; j < lines.length && seen < SIGNER_WITHIN; j++) {
    const t = lines[j]!.text.trim();
    if (t === '') continue;
    seen++;
    if (t.length <= 50 && SIGNER_RE.test(t)) return true;
  }
  return false;
}
