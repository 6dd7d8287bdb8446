/**
 * Deadline phrases outside the assignments: "Helsedirektoratet skal innen 15. februar gjennomgå …" under
 * a budget table, "Frist utsettes til 30. september" in a list of meeting notes, "Frist: 1. mars" in the
 * reporting chapter. The assignment stage reads every deadline inside an assignment; one printed
 * elsewhere is a row of the steering calendar or it is reported, since no record carries it.
 *
 * The phrases counted are the ones that set a deadline in so many words: "Frist …", "innen <dato>",
 * "senest <dato>", a date in brackets after a request. Only phrases that name a date count (a "Frist:
 * løpende" or "samtidig med årsrapporten" outside an assignment sets nothing a register could track).
 * Annual reports look back: their dates are history.
 */

// Every counted phrase holds one of these; a line without any costs one test.
const PHRASE_RE = /frist|innen|innan|senest|seinast|\(\s*\d/iu;
import type { Deadline } from '../../model/extraction.js';
import type { ExtractContext } from '../context.js';
import { parseDeadlinesAcross } from '../deadlines.js';
import type { LineMarks } from './marks.js';

export function unattachedDeadlines(
  ctx: ExtractContext,
  assignments: LineMarks,
  calendar: LineMarks,
): { calendar: number; warned: number } {
  const out = { calendar: 0, warned: 0 };
  if (ctx.document.type === 'arsrapport') return out;
  const outside = ctx.lines.filter((l) => l.text !== '' && !l.footer && !assignments.has(l.no));
  const seen = new Set<string>();
  const found: Deadline[] = [];
  const dctx = { year: ctx.year, part: null, letterDate: ctx.document.date };
  for (let i = 0; i < outside.length; i++) {
    const l = outside[i]!;
    if (!PHRASE_RE.test(l.text)) continue;
    const next = outside.slice(i + 1, i + 3).map((n) => n.text);
    found.push(...parseDeadlinesAcross(l.text, next, l.no, dctx));
  }
  for (const d of found) {
    if (d.precision === 'none' || d.precision === 'relative') continue;
    const key = `${d.line}\u0000${d.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (calendar.has(d.line)) {
      out.calendar++;
      continue;
    }
    out.warned++;
    if (d.date === null && d.precision === 'day' && ctx.year !== null)
      ctx.warn(
        'deadline_date_invalid',
        `Fristen «${d.text}» utenfor oppdragene har en dato som ikke finnes; ingen dato er satt.`,
        d.line,
      );
    else
      ctx.warn(
        'deadline_unattached',
        d.date === null
          ? `Fristuttrykket «${d.text}» står utenfor oppdragene og er ikke knyttet til noe oppdrag.`
          : `Fristuttrykket «${d.text}» (${d.date}) står utenfor oppdragene og er ikke knyttet til noe oppdrag.`,
        d.line,
      );
  }
  return out;
}
