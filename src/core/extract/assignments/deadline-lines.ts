/**
 * Deadlines of one assignment: every body line goes through the deadline reader with the sub-task the
 * line sits in. A date phrase broken over a line ("Frist utsettes til 15." + "september") is read with
 * the next line (`parseDeadlinesAcross`). A line outside any sub-task that names one ("Deloppdrag a) har
 * frist 1. februar 2024.") gets that sub-task when the reader did not assign one itself.
 */
import type { Assignment, Deadline } from '../../model/extraction.js';
import type { ExtractContext } from '../context.js';
import { parseDeadlinesAcross } from '../deadlines.js';
import { type BodyLine, namedParts } from './parts.js';

export function collectDeadlines(
  lines: readonly BodyLine[],
  partOf: ReadonlyArray<string | null>,
  labels: ReadonlySet<string>,
  year: number | null,
  letterDate: string | null = null,
): Deadline[] {
  const out: Deadline[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i]!;
    const next = lines[i + 1]?.text ?? null;
    const part = partOf[i] ?? null;
    // A line that starts in lower case continues the sentence of the line before, whose words may decide
    // whether a trigger here sets a deadline ("… som skal være" ⏎ "ferdigstilt ila høsten" ⏎ "2025.").
    const prev = i > 0 && /^\p{Ll}/u.test(cur.text) ? lines[i - 1]!.text : null;
    const found = parseDeadlinesAcross(cur.text, next, cur.no, { year, part, letterDate }, prev);
    if (part === null && labels.size > 0) {
      for (const d of found) {
        if (d.part !== null) continue;
        // "Frist: 15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3": the clause names the part.
        const at = cur.text.indexOf(d.text);
        const from = at < 0 ? 0 : cur.text.lastIndexOf(';', at) + 1;
        const end = at < 0 ? -1 : cur.text.indexOf(';', at + d.text.length);
        const clause = cur.text.slice(from, end < 0 ? cur.text.length : end);
        d.part = namedParts(clause, labels)[0] ?? null;
      }
    }
    out.push(...found);
  }
  return out;
}

/**
 * A deadline printed with a day its month does not have ("Frist: 31. juni 2025", "innen 29. februar 2025")
 * keeps its phrase but gets no date; say so, since the date the letter meant cannot be guessed.
 */
export function warnUnreadableDeadlines(assignments: readonly Assignment[], ctx: ExtractContext): void {
  if (ctx.year === null) return; // without the letter's year every yearless date is unresolved too
  for (const a of assignments) {
    for (const d of a.deadlines) {
      if (d.date !== null || d.precision !== 'day') continue;
      ctx.warn(
        'deadline_date_invalid',
        `Fristen «${d.text}» i oppdrag ${a.id} har en dato som ikke finnes; ingen dato er satt.`,
        d.line,
      );
    }
  }
}
