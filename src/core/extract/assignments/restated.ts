/**
 * Headers that restate an assignment given earlier instead of giving a new one. A supplementary letter
 * may clarify, change or withdraw an assignment under its own ID, without an ID of its own:
 *
 *   `Presisering av oppdrag TB2026-02 Veileder om tilrettelegging …`  (clarifies)
 *   `Endring i oppdrag TB2026-04 Kartlegging av …`                    (changes)
 *   `Oppdrag TB2026-03 trekkes tilbake`, `Oppdrag TB2026-03 Evaluering av … utgår`  (withdrawn)
 *
 * Such a header opens a record under the restated ID, so that its deadlines and status reach that
 * assignment; the relation is kept as a reference to the same ID. Supplementary letters that number
 * the clarification ("TTB2022-7 Presisering av oppdrag TB2022-45 …") are bare headers instead.
 */
import type { ReferenceRelation } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { deptLine } from './departments.js';
import { type IdScheme, readIdCell } from './ids.js';
import { endsSentence, headingLike, plain, prevContent } from './scan.js';

export interface Restated {
  ids: string[];
  title: string;
  relation: ReferenceRelation;
  /** The header itself says the assignment is withdrawn ("trekkes tilbake", "utgår"). */
  withdrawn: boolean;
}

const CHANGE_WORD_RE =
  /^(?:(Presisering|Spesifisering|Konkretisering|Utdyping)|(Endring(?:er)?|Utsettelse|Tilbaketrekking|Tilbaketrekning))\s+(?:(?:av|i)\s+)?(?:(?:tidligere\s+(?:gitt\s+)?)?oppdrag(?:et)?\s+)?(?:ID:?\s*)?/u;
const OPPDRAG_RE = /^Oppdrag(?:et)?\s+(?:ID:?\s*)?/u;
// "… trekkes tilbake", "… utgår", "… bortfaller" closing the header line, optionally with a full stop.
const WITHDRAWN_END_RE = /(?:^|\s)(?:trekkes(?:\s+tilbake)?|utgår|bortfaller)\.?$/u;

/** First letters of the lines `readRestated` accepts (a cheap pre-test for the scan). */
export const RESTATED_START = ['P', 'S', 'K', 'U', 'E', 'T', 'O'];

/** The restating header on line `i`, or null. */
export function readRestated(lines: readonly Line[], i: number, scheme: IdScheme): Restated | null {
  const text = plain(lines[i]!);
  if (text.length > 200) return null;
  const change = CHANGE_WORD_RE.exec(text);
  const opp = change ? null : OPPDRAG_RE.exec(text);
  if ((!change && !opp) || !startsBlock(lines, i)) return null;
  if (change) {
    const cell = readIdCell(text.slice(change[0].length), scheme);
    if (!cell || cell.ids.length === 0) return null;
    const title = cell.rest.replace(/^[:–-]\s*/u, '');
    // "Presisering av oppdrag TB2022-45 er gitt i brev …": a sentence about it, not a heading.
    if (title !== '' && !/^[\p{Lu}«"“]/u.test(title)) return null;
    const withdrawn = WITHDRAWN_END_RE.test(title) || /^Tilbaketrek/u.test(change[0]);
    return { ids: cell.ids, title, relation: change[1] ? 'clarifies' : 'changes', withdrawn };
  }
  const cell = readIdCell(text.slice(opp?.[0].length ?? 0), scheme);
  if (!cell || cell.ids.length === 0) return null;
  const end = WITHDRAWN_END_RE.exec(cell.rest);
  if (!end) return null;
  const title = cell.rest.slice(0, end.index).trim();
  return { ids: cell.ids, title, relation: 'changes', withdrawn: true };
}

/** A header opens a block: the first line, or after a blank line, a finished sentence or a heading. */
function startsBlock(lines: readonly Line[], i: number): boolean {
  const p = prevContent(lines, i, 6);
  if (p < 0 || lines[i]!.pageStart || p !== i - 1) return true;
  const prev = plain(lines[p]!);
  return endsSentence(prev) || headingLike(prev) || deptLine(prev) !== null;
}
