/**
 * The region of lines an assignment owns after its header and title, and its body as paragraphs.
 *
 * A record ends at the next header, a numbered section heading, a "Tidligere gitte oppdrag …" heading or
 * the letter's closing. Records of supplementary letters end at their trailing department line
 * ("Ansvarlig avdeling i HOD: SHA"); one that has neither a department in its header nor such a line
 * also ends at the first short unnumbered heading ("Budsjettendringer"). A group heading just above
 * the next header ("Folkehelse", "Kompetanse og personell") belongs to what follows, not to the record.
 */
import type { Line } from '../../text/lines.js';
import { deptLine } from './departments.js';
import type { BodyLine } from './parts.js';
import { endsSentence, headingLike, isNoise, LIST_MARKER_RE, plain } from './scan.js';
import { joinClean } from './title.js';

export interface Region {
  body: BodyLine[];
  /** Departments read from a trailing department line, if any. */
  trailerDepts: string[] | null;
  /** Index of the record's last line. */
  last: number;
}

export function readRegion(
  lines: readonly Line[],
  from: number,
  to: number,
  lookForTrailer: boolean,
  softStop: boolean,
): Region {
  let end = to;
  let trailerDepts: string[] | null = null;
  let trailerIdx = -1;
  if (lookForTrailer) {
    for (let k = from; k < to; k++) {
      const codes = deptLine(plain(lines[k]!));
      if (codes) {
        trailerDepts = codes;
        trailerIdx = k;
        end = k;
        break;
      }
    }
  }
  if (trailerDepts === null && softStop) {
    let content = 0;
    for (let k = from; k < end; k++) {
      const l = lines[k]!;
      if (isNoise(l)) continue;
      const t = plain(l);
      if (content > 0 && headingLike(t) && k > 0 && isNoise(lines[k - 1]!) && !LIST_MARKER_RE.test(t)) {
        end = k;
        break;
      }
      content++;
    }
  }
  const body: BodyLine[] = [];
  let gap = false;
  for (let k = from; k < end; k++) {
    const l = lines[k]!;
    if (isNoise(l)) {
      gap = true;
      continue;
    }
    body.push({ no: l.no, text: plain(l), index: k, gap });
    gap = false;
  }
  if (trailerIdx < 0) {
    // A heading that introduces the next group of records.
    while (body.length > 0) {
      const lastLine = body[body.length - 1]!;
      const k = lastLine.index ?? -1;
      if (!headingLike(lastLine.text) || k <= 0 || !isNoise(lines[k - 1]!)) break;
      body.pop();
    }
  }
  const lastBody = body.length > 0 ? (body[body.length - 1]!.index ?? from - 1) : from - 1;
  return { body, trailerDepts, last: trailerIdx >= 0 ? trailerIdx : lastBody };
}

/**
 * Join wrapped lines into paragraphs; list items, HTML blocks and new sentences start a new one, and so
 * does a blank line in single-spaced text (in double-spaced PDF text every line is followed by one).
 */
export function paragraphs(body: readonly BodyLine[]): string[] {
  const out: string[] = [];
  let prev: BodyLine | null = null;
  let gaps = 0;
  for (const l of body) if (l.gap) gaps++;
  const singleSpaced = gaps * 2 < body.length;
  for (const l of body) {
    const t = l.text;
    if (t === '') continue;
    const brk =
      prev === null ||
      prev.no === l.no ||
      (singleSpaced && l.gap === true) ||
      (prev.text.length <= 40 && headingLike(prev.text) && /^\p{Lu}/u.test(t)) ||
      LIST_MARKER_RE.test(t) ||
      ((endsSentence(prev.text) || /[:;]$/.test(prev.text)) && /^[\p{Lu}\d«"“(]/u.test(t));
    if (brk || out.length === 0) out.push(t);
    else out[out.length - 1] = joinClean(out[out.length - 1]!, t);
    prev = l;
  }
  return out;
}
