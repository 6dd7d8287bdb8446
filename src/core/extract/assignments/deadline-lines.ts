/**
 * Deadlines of one assignment: every body line goes through `parseDeadlines`, with the sub-task the line
 * sits in, or the one it names ("Deloppdrag a) har frist 1. februar 2024."). A date phrase broken over
 * a line ("Frist utsettes til 15." + "september") is read from the two lines joined.
 */
import type { Deadline } from '../../model/extraction.js';
import { parseDeadlines } from '../deadlines.js';
import { type BodyLine, namedParts } from './parts.js';

const MONTHS = 'januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember';
// The first line stops inside a date phrase: on a day ("15."), a month without year, or a deadline word.
const OPEN_END_RE = new RegExp(
  `(?:\\b\\d{1,2}\\.?|\\b(?:${MONTHS})|\\b[Ff]rist(?:en)?:?|\\binnen|\\bkl\\.?|\\btil)\\s*$`,
  'i',
);
const CONTINUES_RE = new RegExp(
  `^(?:\\d{4}\\b|(?:${MONTHS})\\b|kl\\.\\s*\\d|\\d{1,2}\\.\\s*(?:${MONTHS})\\b)`,
  'i',
);

/** The phrase at the end of `text` continues on `next`. */
export function datePhraseSplit(text: string, next: string): boolean {
  return OPEN_END_RE.test(text) && CONTINUES_RE.test(next);
}

export function collectDeadlines(
  lines: readonly BodyLine[],
  partOf: ReadonlyArray<string | null>,
  labels: ReadonlySet<string>,
  year: number | null,
): Deadline[] {
  const out: Deadline[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    let text = first.text;
    // Join a phrase split over a line break; the joined line is read once, from its first line.
    while (
      i + 1 < lines.length &&
      lines[i + 1]!.no !== first.no &&
      datePhraseSplit(text, lines[i + 1]!.text)
    ) {
      i++;
      text = `${text} ${lines[i]!.text}`;
    }
    const inPart = partOf[i] ?? null;
    const named = inPart === null ? namedParts(text, labels) : [];
    const part = inPart ?? named[0] ?? null;
    const found = parseDeadlines(text, first.no, { year, part });
    if (found.length > 1 && inPart === null && text.includes(';')) {
      // "Frist: 15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3": each clause names its part.
      for (const d of found) {
        const at = text.indexOf(d.text);
        if (at < 0) continue;
        const startSeg = text.lastIndexOf(';', at) + 1;
        const endSeg = text.indexOf(';', at + d.text.length);
        const seg = text.slice(startSeg, endSeg < 0 ? text.length : endSeg);
        const segNamed = namedParts(seg, labels);
        if (segNamed[0]) d.part = segNamed[0];
      }
    }
    out.push(...found);
  }
  return out;
}
