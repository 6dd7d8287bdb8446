/**
 * Comments printed as prose under a table rather than in a comment column (the 2022 PDF layout):
 *
 *   Kap. 714, post 21 Spesielle driftsutgifter
 *   Helsedirektoratet tildeles totalt 103,7 mill. kroner fordelt på følgende tiltak, jf. Prop. 1 S …:
 *   - 28 mill. kroner til kommunikasjon og kampanjer …
 *
 * Each "Kap. X, post Y" heading naming one post opens the comment of that row, up to the next such
 * heading or numbered section heading. A heading naming two posts ("Kap. 762, post 21 og 63") is left
 * alone: its amounts cannot be assigned to one row.
 */
import type { Line } from '../../text/lines.js';
import { isHeading } from './tables.js';

// "Kap. 714, post 21 …", and the older "kap. 554, post 1" with a one-digit post (post 01).
const POST_HEADING_RE =
  /^kap(?:ittel)?[.,]?\s*(\d{3,4})\b,?\s*(?:[\p{L}-]+\s+){0,4}?post\s+(\d{1,2})\b(.*)$/iu;
const MAX_LINES = 600;
const NOTES_HEADING_RE = /merknad|kommentar|omtale|nærmere\s+om/iu;

export interface ProseComment {
  chapter: string;
  post: string;
  parts: string[];
  /** Index in `lines` of the "Kap. X, post Y" heading. */
  headingIndex: number;
  /** Source line number of the comment's last line. */
  last: number;
}

export function proseComments(
  lines: readonly Line[],
  from: number,
  isTableStart: (i: number) => boolean,
): ProseComment[] {
  const out: ProseComment[] = [];
  let cur: ProseComment | null = null;
  for (let i = from; i < lines.length && i < from + MAX_LINES; i++) {
    const t = lines[i]?.text ?? '';
    if (t === '') continue;
    // "4.2 Merknader til budsjettet" between the table and its first "Kap. X, post Y" paragraph.
    if (isHeading(t) && out.length === 0 && NOTES_HEADING_RE.test(t)) continue;
    if (isHeading(t) || isTableStart(i) || /^ID\s*:/u.test(t)) break;
    // A heading starts with a capital K; "kap. 3714, post 04." at a line start continues a sentence.
    const m = t.length <= 160 && t.startsWith('K') ? POST_HEADING_RE.exec(t) : null;
    if (m) {
      // "Kap. 762, post 21 og 63": more than one post.
      const twoPosts = /^\s*(?:og|,|\/)\s*\d{2}\b/u.test(m[3] ?? '');
      cur = twoPosts
        ? null
        : {
            chapter: String(Number(m[1] ?? '')),
            post: (m[2] ?? '').padStart(2, '0'),
            parts: [],
            headingIndex: i,
            last: lines[i]?.no ?? 0,
          };
      if (cur) out.push(cur);
      continue;
    }
    if (cur) {
      cur.parts.push(t);
      cur.last = lines[i]?.no ?? cur.last;
    }
  }
  return out;
}
