/**
 * Deadline phrases → ISO dates with precision.
 *
 * A date is a deadline only when a deadline trigger governs it (see deadlines/triggers.ts): the noun
 * "frist" anywhere before it in the same clause, or "innen"/"senest", a delivery verb or a report noun
 * directly before it. Every other date — "brev av 7. november 2013", "fra 1. januar 2024 overføres",
 * "møtet 12. mars" — is ignored.
 *
 * API for the stage that walks assignment bodies:
 * - `parseDeadlines(text, line, ctx)` reads one logical line.
 * - `parseDeadlinesAcross(text, next, line, ctx)` does the same but, when the line stops inside a deadline
 *   phrase (`deadlineSpansLineBreak`: "Frist for" ⏎ "oppdraget er 1. april", "utsettes til 15." ⏎
 *   "september", "settes til 1. juni" ⏎ "2023."), reads it joined with `next`, the following non-blank line.
 *   It reports only deadlines whose trigger lies on `text`, so calling it once per line never counts a
 *   deadline twice. `parseDeadlineLines` does this walk over a list of lines.
 *
 * Output rules:
 * - `date` is the last day the deadline allows: the day itself, or the end of the month, quarter, half or
 *   year for coarse phrases ("Frist: mars 2025" → 2025-03-31, precision month).
 * - A date without a year takes the year of a later date in the same phrase when that keeps the order
 *   ("15. mars for oppdrag 4; 15. november 2025 …" → 2025-03-15), otherwise `ctx.year`, the year of the
 *   letter. We do not move a date into the next year when it falls before the letter's own date: letters
 *   say "Frist: 1. februar" for the letter year even when sent in January or later. Without `ctx.year`
 *   such a date is null while its precision stays what was printed.
 * - recurring ("innen 1. februar hvert år"): the first occurrence in the letter year, precision recurring.
 * - relative ("innen tre uker etter at rapporten er ferdigstilt", "Samtidig med årsrapporten",
 *   "Frist: 1. tertial" — due with the tertial report): date null, precision relative.
 * - none: a clause that opens with "Frist" but names no date ("Frist avklares i dialog …", "Frist: Løpende",
 *   "Frist: Se særskilt rapportering"): date null, precision none, text kept.
 * - `part`: the sub-task named next to the date (deadlines/parts.ts), one Deadline per part, else `ctx.part`.
 * - `text`: the phrase as printed, from the trigger through the date (later dates of the same clause start
 *   after the previous one); for relative and none, through the end of the clause.
 */
import type { Deadline, DeadlinePrecision } from '../model/extraction.js';
import { type DateMatch, findDates, monthFromWord, resolveDate } from './dates.js';
import { type Clause, splitClauses } from './deadlines/clauses.js';
import { assignParts, findPartMarkers } from './deadlines/parts.js';
import { INDICATOR, LABEL_FIRST, ONGOING, RECURRING, RELATIVE } from './deadlines/phrases.js';
import {
  findTriggers,
  isParenTrigger,
  isRecalled,
  isBlocked,
  isDeliverableGap,
  isFillerGap,
  isObjectGap,
  isPastTense,
  isRequirementVerb,
  isThirdPartyLabel,
  type Trigger,
  takesBareYear,
} from './deadlines/triggers.js';

export interface DeadlineContext {
  /** Year of the letter; completes dates printed without a year. */
  year: number | null;
  /** Sub-task label the text belongs to, if any. */
  part: string | null;
  /**
   * The letter's own date (`YYYY-MM-DD`), when known. A date before it is a deadline only where the
   * text sets it as one ("Frist: 1. februar", "innen 1. mars"); after a delivery verb or a report noun it
   * names something that already happened ("rapport 22.11.24").
   */
  letterDate?: string | null;
}

// Every trigger contains one of these; most lines of a letter contain none and cost one regex test.
const PRECHECK =
  /frist|innen|innan|senest|seinast|lever|rapport|ferdigstil|oversend|forelig|besvar|utsett|utsatt|forleng|gjennomfør|sluttfør|avslutt|legges|fremlegg|framlegg|sendes|\(\s*\d/i;

/** Cheap pre-test: the text holds a word every deadline trigger contains (most lines hold none). */
export function mayHoldDeadline(text: string): boolean {
  return PRECHECK.test(text);
}

/** Find every deadline in one logical line of text. Dates that are not deadlines are ignored. */
export function parseDeadlines(text: string, line: number, ctx: DeadlineContext): Deadline[] {
  try {
    return scan(text, line, ctx, text.length);
  } catch {
    return [];
  }
}

/**
 * Like `parseDeadlines`, but completes a deadline phrase that `text` leaves unfinished with `next`, the
 * following non-blank line, or the following non-blank lines (up to two are used; null at the end).
 * Deadlines whose trigger lies after `text` are left for the call on that line; all carry `line`.
 *
 * `prev`, the line before, is context only: when `text` continues its sentence ("… som skal være" ⏎
 * "ferdigstilt ila høsten" ⏎ "2025."), the words before the break still decide whether a trigger on
 * `text` sets a deadline (the modal before a participle, a hearing before "frist", a named sub-task).
 * Triggers on `prev` are never read here: that line's own call reports them.
 */
export function parseDeadlinesAcross(
  text: string,
  next: string | null | readonly string[],
  line: number,
  ctx: DeadlineContext,
  prev: string | null = null,
): Deadline[] {
  try {
    const head = text.trimEnd();
    // Every trigger holds one of the PRECHECK words, and only triggers on `text` are reported.
    if (!PRECHECK.test(head)) return [];
    const following = next === null ? [] : typeof next === 'string' ? [next] : next;
    // Without a digit or a date word on this line or the ones it may run into, there is no date to read.
    if (!mayHoldDate(head) && !following.slice(0, MAX_CONTINUATION_LINES).some(mayHoldDate)) return [];
    let joined = head;
    // What was found in `joined`, shared by the line-break test and the scan.
    const found: Known = { text: '', found: null };
    // A phrase may run over more than one break: "Tidsfristen for" ⏎ "… utvides med ett år, til ut" ⏎ "2023."
    for (const f of following.slice(0, MAX_CONTINUATION_LINES)) {
      if (!spansLineBreak(joined, f, found)) break;
      joined = `${joined} ${f.trim()}`;
    }
    const before = prev === null ? '' : prev.trim();
    if (!mayHoldDate(joined)) return [];
    if (before === '' || !CONTEXT_MATTERS.test(head))
      return scan(joined, line, ctx, head.length, 0, found.text === joined ? found.found : null);
    return scan(`${before} ${joined}`, line, ctx, before.length + 1 + head.length, before.length + 1);
  } catch {
    return [];
  }
}

// The words before a line decide only for a participle (its modal), a "frist" (a hearing, a named
// sub-task) and a deliverable noun (a named sub-task); other lines are read on their own.
const CONTEXT_MATTERS =
  /levert|oversendt|ferdigstilt|utsatt|forlenget|frist|rapport|leveranse|løypemelding|\(\s*\d/i;

interface Found {
  triggers: Trigger[];
  dates: DateMatch[];
}

function analyse(text: string): Found {
  return { triggers: findTriggers(text), dates: findDates(text) };
}

/** What was found in one text, kept for the scan that follows the line-break test on the same text. */
interface Known {
  text: string;
  found: Found | null;
}

const MAX_CONTINUATION_LINES = 2;

/** Deadlines of consecutive lines, each read with the following non-blank ones (double-spaced PDFs). */
export function parseDeadlineLines(
  lines: ReadonlyArray<{ no: number; text: string }>,
  ctx: DeadlineContext,
): Deadline[] {
  const out: Deadline[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i];
    if (!cur || cur.text.trim() === '' || !PRECHECK.test(cur.text)) continue;
    const next: string[] = [];
    for (let j = i + 1; j < lines.length && j <= i + 6 && next.length < MAX_CONTINUATION_LINES; j++) {
      const t = lines[j]?.text ?? '';
      if (t.trim() !== '') next.push(t);
    }
    out.push(...parseDeadlinesAcross(cur.text, next, cur.no, ctx));
  }
  return out;
}

// A numbered list item or bullet on the next line starts something new: "Frister:" ⏎ "- Deloppdrag a) …".
// So does a numbered heading: "Frist del 2: Avtales nærmere med departementet" ⏎ "3.12. Tilgang på …".
const LIST_START = /^(?:\d{1,2}(?:\.\d{1,2})*\.\s+\p{Lu}|[a-zæøå]\)\s|[-•✓*–]\s)/u;

/**
 * True when `text` stops inside a deadline phrase that `next` continues:
 * - a day without its month: "Frist utsettes til 15." ⏎ "september"
 * - a date whose year is on the next line: "settes til 1. juni" ⏎ "2023.", "innen april" ⏎ "2025"
 * - a trigger without a date and an unfinished sentence: "Frist for" ⏎ "oppdraget er 1. april 2022.",
 *   "… skal oversendes innen" ⏎ "1. mars", "Frist: … fastsettes i dialog med" ⏎ "departementet."
 */
export function deadlineSpansLineBreak(text: string, next: string): boolean {
  return PRECHECK.test(text) && spansLineBreak(text, next, { text: '', found: null });
}

/** `deadlineSpansLineBreak` for a `text` known to hold a PRECHECK word. */
function spansLineBreak(text: string, next: string, known: Known): boolean {
  const head = text.trimEnd();
  const tail = next.trimStart();
  if (head.length === 0 || tail.length === 0) return false;
  // Table rows (cells separated by tabs) end with their row: `15. mars⇥Frist for oversendelse av årsrapport`.
  if (head.includes('\t') || tail.includes('\t')) return false;
  // A sentence that ends on a word ("… innen 1. juni 2024 til departementet." ⏎ …) leaves nothing open;
  // a short word with a full stop may be an abbreviated month ("innen 15. sept." ⏎ "2025").
  if (/^\p{L}{5}[!?.]$/u.test(head.slice(-6))) return false;
  if (known.text !== head || known.found === null) {
    known.text = head;
    known.found = analyse(head);
  }
  const { triggers, dates } = known.found;
  if (triggers.length === 0) return false;
  const clauses = splitClauses(head, dates);
  const last = clauses[clauses.length - 1];
  if (!last) return false;
  const ts = triggers.filter((t) => t.start >= last.start);
  const first = ts[0];
  const lastTrigger = ts[ts.length - 1];
  if (!first || !lastTrigger) return false;

  if (/(?<![\d.])\d{1,2}\.$/u.test(head)) {
    const word = /^\p{L}+/u.exec(tail)?.[0];
    return word !== undefined && monthFromWord(word) !== null;
  }
  const lastDate = dates[dates.length - 1];
  if (
    lastDate &&
    lastDate.end === head.length &&
    lastDate.year === null &&
    lastDate.start >= first.end &&
    lastDate.precision !== 'year' &&
    /^\d{4}(?!\d)/u.test(tail)
  )
    return true;
  if (dates.some((d) => d.start >= first.end)) return false;
  if (/[.!?]$/u.test(head) || LIST_START.test(tail)) return false;
  // "… utvides med ett år, til ut" ⏎ "2023."
  if (/^\d{4}(?!\d)/u.test(tail) && /(?<![\p{L}])(?:til|ut|av|innen|innan|i|senest)$/iu.test(head))
    return true;
  const startsWithDate = findDates(tail.slice(0, 40))[0]?.start === 0;
  if (!/^\p{Ll}/u.test(tail) && !startsWithDate) return false;
  if (ts.some((t) => t.kind === 'label')) return true;
  if (lastTrigger.kind !== 'deliverable' && lastTrigger.end === head.length) return true;
  return /(?:(?:utgangen|løpet)\s+av|(?<![\p{L}])(?:til|ut))$/iu.test(head);
}

// Without a digit only a coarse date, a relative phrase or an open deadline can be there.
const DIGITLESS =
  /frist|innen|innan|senest|seinast|løpende|året|halvår|kvartal|sommeren|våren|høsten|påske|jul|ifm|forbindelse|samtidig|tertial|januar|februar|mars|april|mai|juni|august|september|oktober|november|desember/iu;

function worthScanning(text: string): boolean {
  return text.length > 0 && PRECHECK.test(text) && mayHoldDate(text);
}

function mayHoldDate(text: string): boolean {
  return /\d/.test(text) || DIGITLESS.test(text);
}

/** Deadlines whose trigger starts in [from, limit); text before `from` is context only. */
function scan(
  text: string,
  line: number,
  ctx: DeadlineContext,
  limit: number,
  from = 0,
  known: Found | null = null,
): Deadline[] {
  if (known === null && !worthScanning(text)) return [];
  const all = known?.triggers ?? findTriggers(text);
  const triggers = from === 0 ? all : all.filter((t) => t.start >= from);
  if (triggers.length === 0) return [];
  const dates = known?.dates ?? findDates(text);
  const clauses = splitClauses(text, dates);
  const out: Deadline[] = [];
  let ti = 0;
  let di = 0;
  for (const c of clauses) {
    if (c.start >= limit) break;
    // Triggers and dates are sorted, so each clause takes its own run of them.
    const ts: Trigger[] = [];
    while (ti < triggers.length && (triggers[ti]?.start ?? 0) < c.end) {
      const t = triggers[ti++];
      if (t && t.start >= c.start && t.end <= c.end && !isThirdPartyLabel(text, c.start, t)) ts.push(t);
    }
    const ds: DateMatch[] = [];
    while (di < dates.length && (dates[di]?.start ?? 0) < c.end) {
      const d = dates[di++];
      if (d && d.start >= c.start && d.end <= c.end) ds.push(d);
    }
    if (ts.length > 0) readClause({ text, clause: c, triggers: ts, dates: ds, line, ctx, limit }, out);
  }
  return dedupe(out);
}

interface ClauseInput {
  text: string;
  clause: Clause;
  triggers: readonly Trigger[];
  dates: readonly DateMatch[];
  line: number;
  ctx: DeadlineContext;
  limit: number;
}

interface Accepted {
  date: DateMatch;
  trigger: Trigger;
  /** The next date of the clause that prints a year, for dates printed without one. */
  later: DateMatch | undefined;
}

/** The trigger that makes `d` a deadline, or null when nothing does. */
function governing(text: string, d: DateMatch, triggers: readonly Trigger[]): Trigger | null {
  const t = governingTrigger(text, d, triggers);
  // "som hadde frist 31.12.2025", "Oppdraget hadde opprinnelig frist 1. september": a deadline recalled.
  if (t?.kind === 'label' && isRecalled(text, t, d)) return null;
  return t;
}

function governingTrigger(text: string, d: DateMatch, triggers: readonly Trigger[]): Trigger | null {
  let label: Trigger | null = null;
  let nearest: Trigger | null = null;
  for (const t of triggers) {
    if (t.end > d.start) break;
    nearest = t;
    if (t.kind === 'label') label = t;
  }
  if (!nearest) return null;
  if (nearest.kind !== 'label') {
    const gap = text.slice(nearest.end, d.start);
    const adjacent =
      nearest.kind === 'deliverable'
        ? isDeliverableGap(gap)
        : isFillerGap(gap) && (nearest.kind !== 'verb' || isRequirementVerb(text, nearest));
    // "innen 2030" in a title is an ambition, not a deadline; "skal gjennomføres i 2025" is one.
    if (adjacent && (!d.weak || (nearest.kind === 'verb' && takesBareYear(text, nearest, gap))))
      return nearest;
  }
  if (!d.weak) {
    let verb: Trigger | undefined;
    for (const t of triggers) if (t.kind === 'verb' && t.end <= d.start) verb = t;
    if (verb && isObjectGap(text.slice(verb.end, d.start)) && isRequirementVerb(text, verb)) return verb;
  }
  if (!label) return null;
  const gap = text.slice(label.end, d.start);
  if (isBlocked(gap)) return null;
  // Under a label a bare year needs "til"/"innen" ("er forlenget til 2022"); "i 2024" is usually a topic:
  // "Frist og prioritering av oppdrag i 2024 avklares nærmere".
  if (d.weak && (isPastTense(gap) || !/(?:til|innen|innan)\s+$/iu.test(gap))) return null;
  return label;
}

/** Start of the printed phrase: back over adjacent triggers ("skal leveres innen" → "leveres innen"). */
function phraseStart(text: string, t: Trigger, triggers: readonly Trigger[]): number {
  let cur = t;
  for (let i = triggers.indexOf(t) - 1; i >= 0; i--) {
    const p = triggers[i];
    if (!p || p.end > cur.start || !isFillerGap(text.slice(p.end, cur.start))) break;
    cur = p;
  }
  return cur.start;
}

// What separates two deadlines of one clause: "… 2022 og del 2 innen …", "…; 15. november 2025".
const JOINER = /^(?:[\s,;:.)]+|og(?![\p{L}])|samt(?![\p{L}])|men(?![\p{L}])|mens(?![\p{L}]))+/iu;

/** For each date of a clause, the next later date that prints its year (or undefined). */
function nextDated(dates: readonly DateMatch[]): Array<DateMatch | undefined> {
  const out: Array<DateMatch | undefined> = new Array(dates.length);
  let next: DateMatch | undefined;
  for (let i = dates.length - 1; i >= 0; i--) {
    out[i] = next;
    const d = dates[i];
    if (d && !d.weak && d.year !== null) next = d;
  }
  return out;
}

function yearFor(d: DateMatch, later: DateMatch | undefined, ctxYear: number | null): number | null {
  if (d.year !== null) return d.year;
  if (!later || later.year === null) return ctxYear;
  const before = d.month < later.month || (d.month === later.month && (d.day ?? 31) <= (later.day ?? 31));
  return before ? later.year : ctxYear;
}

function trimPhrase(s: string): string {
  return s.trim().replace(/[\s.:;,]+$/u, '');
}

function readClause(input: ClauseInput, out: Deadline[]): void {
  const { text, clause, triggers, dates, line, ctx, limit } = input;
  const accepted: Accepted[] = [];
  const later = nextDated(dates);
  dates.forEach((d, i) => {
    const t = governing(text, d, triggers);
    if (t) accepted.push({ date: d, trigger: t, later: later[i] });
  });
  const clauseText = text.slice(clause.start, clause.end);
  if (accepted.length > 0) {
    const parts = assignParts(
      text,
      clause,
      accepted.map((a) => a.date),
    );
    const recurring = RECURRING.test(clauseText);
    const firstLabel = triggers.find((t) => t.kind === 'label');
    let prevEnd = -1;
    accepted.forEach((a, i) => {
      const { date: d, trigger } = a;
      let start: number;
      if (prevEnd < 0) {
        start =
          firstLabel && firstLabel.start < d.start ? firstLabel.start : phraseStart(text, trigger, triggers);
      } else {
        start = prevEnd + (JOINER.exec(text.slice(prevEnd, d.start))?.[0].length ?? 0);
      }
      const p = parts[i];
      prevEnd = Math.max(d.end, p?.afterEnd ?? 0);
      if (trigger.start >= limit) return;
      let end = d.end;
      const after = /^\s+(?:hvert|kvart)\s+år(?![\p{L}])/iu.exec(text.slice(d.end, d.end + 12));
      if (recurring && after) end += after[0].length;
      const year = yearFor(d, a.later, ctx.year);
      const date = resolveDate(d, year);
      // Before the letter was written, after a verb or a report noun: an event, not a deadline.
      const sets = trigger.kind === 'label' || trigger.kind === 'direct';
      if (!sets && date !== null && ctx.letterDate && date < ctx.letterDate) return;
      // "(15. oktober 2026)" after a request: the phrase is the date, without its bracket.
      if (isParenTrigger(text, trigger) && start === trigger.start) start = trigger.end;
      const precision: DeadlinePrecision =
        recurring && (d.precision === 'day' || d.precision === 'month') ? 'recurring' : d.precision;
      const phrase = text.slice(start, end).trim();
      for (const part of p?.labels ?? [ctx.part]) out.push({ date, precision, text: phrase, part, line });
    });
    return;
  }
  if (INDICATOR.test(clauseText)) return;
  const label = triggers.find((t) => t.kind === 'label') ?? null;
  const rel = RELATIVE.exec(clauseText);
  if (rel) {
    const relStart = clause.start + rel.index;
    const relEnd = relStart + rel[0].length;
    // The label must open the clause ("Frist: Samtidig med årsrapporten"): in running text "frist for å
    // fremme krav … i forbindelse med en sak" is no deadline of the agency.
    const gov =
      (label && label.start < relStart && LABEL_FIRST.test(clauseText) ? label : null) ??
      triggers.find((t) =>
        t.start >= relStart
          ? t.kind === 'direct' && t.start < relEnd
          : t.kind !== 'deliverable' &&
            t.kind !== 'label' &&
            t.end <= relStart &&
            isFillerGap(text.slice(t.end, relStart)),
      );
    if (gov) {
      if (gov.start < limit) {
        const phrase = trimPhrase(text.slice(phraseStart(text, gov, triggers), clause.end));
        for (const part of partsBefore(text, clause.start, relStart, ctx))
          out.push({ date: null, precision: 'relative', text: phrase, part, line });
      }
      return;
    }
  }
  if (label && label.start < limit && LABEL_FIRST.test(clauseText)) {
    // "Frist for" at the end of a line is a phrase the next line completes, not an open deadline.
    const words =
      text
        .slice(label.end, clause.end)
        .toLowerCase()
        .match(/\p{L}+/gu) ?? [];
    if (!words.some((w) => !FUNCTION_WORDS.has(w))) return;
    const phrase = trimPhrase(text.slice(label.start, clause.end));
    for (const part of partsBefore(text, clause.start, clause.end, ctx))
      out.push({ date: null, precision: 'none', text: phrase, part, line });
    return;
  }
  // "Status skal rapporteres løpende": continuous delivery, no date.
  const ongoing = ONGOING.exec(clauseText);
  if (ongoing) {
    const at = clause.start + ongoing.index;
    const verb = triggers.find(
      (t) => t.kind === 'verb' && t.end <= at && isFillerGap(text.slice(t.end, at)) && t.start < limit,
    );
    if (verb)
      out.push({
        date: null,
        precision: 'none',
        text: text.slice(verb.start, at + ongoing[0].length),
        part: ctx.part,
        line,
      });
  }
}

const FUNCTION_WORDS = new Set(['for', 'til', 'av', 'er', 'på', 'i', 'og', 'med', 'den', 'det', 'å', 'inn']);

/** Parts named before `to` in a dateless phrase: "Frist del 2: Avtales nærmere med departementet". */
function partsBefore(text: string, from: number, to: number, ctx: DeadlineContext): Array<string | null> {
  const m = findPartMarkers(text, from, to).filter((p) => !p.paren);
  const last = m[m.length - 1];
  return last ? last.labels : [ctx.part];
}

function dedupe(list: Deadline[]): Deadline[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.date ?? d.text}|${d.precision}|${d.part ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
