/**
 * Every assignment-ID-shaped token of a document, whatever its scheme, and what became of it.
 *
 * A token is 2–5 capitals, a year and a number ("TB2026-12", "TTB2022-56", "RTB2020-3", "OPP2025-7",
 * "TB 2022-53", "TB2022 –21", "TB2020-57/2"), or a year and a number right after an "ID" label
 * ("ID: 2026-01"). Not an ISO date ("2024-03-15" is no "2024-03"), not a parliamentary session
 * ("Prop. 222 L 2020-21" has a one-letter prefix) and not a standard or report number ("NOU 2023-4",
 * "ISO 9001-2015").
 *
 * Each distinct ID is, in this order: an assignment of this document (its ID or one of its other IDs);
 * a reference (named by an assignment's references or a status note, or printed inside another record's
 * lines — a budget comment, a calendar row, a goal); else a warning at its first line. A token printed
 * inside an assignment that the assignment does not name as a reference (a scheme the letter's own
 * headers do not use) is warned too: it would otherwise not link to anything.
 */
import type { Coverage } from '../../model/extraction.js';
import type { ExtractContext } from '../context.js';
import type { Records } from '../coverage.js';
import type { LineMarks } from './marks.js';

const TOKEN_RE =
  /(?<![\p{L}\d])([A-ZÆØÅ]{2,5})[ -]?((?:19|20)\d{2}) ?[-–] ?(\d{1,3})(\.\d{1,2})?(\/\d{1,2}(?![\d\-–.]))?(?![\p{L}\d])(?![-–.]\d)/gu;
const LABELLED_RE = /(?<![\p{L}\d])ID\s*[:.]?\s*((?:19|20)\d{2}) ?[-–] ?(\d{1,3})(?![\p{L}\d])(?![-–.]\d)/gu;
/** Cheap pre-test: a year followed by a dash, as every token has. */
const MAY_HOLD_RE = /(?:19|20)\d{2} ?[-–] ?\d/;
const NOT_ID_PREFIXES = new Set(['NOU', 'ISO', 'NS', 'EN', 'EU', 'EØS', 'EF', 'IEC', 'SI', 'ST', 'FOR', 'LOV']);

/** "TB2024-07" → "TB2024-7", "TB2020-57/2" stays, "2026-01" → "2026-1"; any other text unchanged. */
export function idTokenKey(id: string): string {
  const m = /^([A-ZÆØÅ]{0,7})(\d{4})\s?[-–]\s?(\d+)(.*)$/u.exec(id.replace(/^ID\s*[:.\-–]?\s*/u, ''));
  return m ? `${m[1]}${m[2]}-${Number(m[3])}${m[4]}` : id;
}

export interface IdToken {
  key: string;
  /** As printed. */
  text: string;
  line: number;
  /** The token opens its line (after a bullet or an "ID" label): where a header would stand. */
  leading: boolean;
}

/** ID-shaped tokens of one line of text. */
export function idTokens(text: string, line: number): IdToken[] {
  if (!MAY_HOLD_RE.test(text)) return [];
  const out: IdToken[] = [];
  const opening = /^(?:[-•–*]\s+)?(?:ID\s*[:.\-–]?\s*)?/u.exec(text)?.[0].length ?? 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const prefix = m[1]!;
    if (NOT_ID_PREFIXES.has(prefix)) continue;
    const key = `${prefix}${m[2]}-${Number(m[3])}${m[4] ?? ''}${m[5] ?? ''}`;
    out.push({ key, text: m[0], line, leading: m.index <= opening });
  }
  if (/ID/.test(text)) {
    for (const m of text.matchAll(LABELLED_RE)) {
      out.push({ key: `${m[1]}-${Number(m[2])}`, text: m[0], line, leading: m.index <= opening });
    }
  }
  return out;
}

// A line opening with something an ID was meant to be but is not: the hyphen lost ("TB202607",
// "TB2026 5"), a letter
// O for a zero ("TB2O26-07"), the number cut off ("TTB2026-" at the end of the line, "TB2026- (unntatt …").
const SUSPECT_RE =
  /^(?:[-•–*]\s+)?(?:(ID)\s*[:.\-–]?\s*)?([A-ZÆØÅ]{0,5})[ -]?(?:((?:19|20)\d{2}) ?(\d{1,3})(?![\d\-–.,]|\s\d)|([\dOo]{4}[-–][\dOo]{1,3})(?![\d\p{L}])|((?:19|20)\d{2})\s?[-–](?=\s|$))/u;

/**
 * An ID-shaped token at the start of a line that does not read as an ID, with a prefix the document's
 * IDs use (or the TB family): reported, since the assignment it opens cannot be registered.
 */
function suspectIds(
  ctx: ExtractContext,
  prefixes: ReadonlySet<string>,
  placeholders: ReadonlySet<number>,
): number {
  let n = 0;
  for (const l of ctx.lines) {
    const t = l.text;
    if (t.length < 6 || placeholders.has(l.no)) continue;
    const m = SUSPECT_RE.exec(t);
    if (!m) continue;
    // Without a prefix only behind an "ID" label ("ID: 2026-" with its number lost).
    const prefix = m[2]!;
    if (prefix === '' ? m[1] === undefined : !prefixes.has(prefix) && !/^R?T?TB$/u.test(prefix)) continue;
    // "TB2O26-07" only when a letter stands for a digit; "TB2026-07" itself is a valid token.
    if (m[5] !== undefined && !/[Oo]/u.test(m[5])) continue;
    n++;
    ctx.warn(
      'assignment_id_unreadable',
      `Linjen begynner med «${m[0].trim()}», som ligner en oppdrags-ID, men ikke kan leses som en; det som følger er ikke registrert som oppdrag.`,
      l.no,
    );
  }
  return n;
}

export function accountIds(
  ctx: ExtractContext,
  records: Records,
  assignments: LineMarks,
  other: LineMarks,
): Coverage['ids'] {
  const own = new Set<string>();
  for (const a of records.assignments) for (const id of [a.id, ...a.otherIds]) own.add(idTokenKey(id));
  const referenced = new Set<string>();
  for (const a of records.assignments) for (const r of a.references) referenced.add(idTokenKey(r.id));
  for (const n of records.statusNotes) for (const id of n.ids) referenced.add(idTokenKey(id));

  const first = new Map<string, IdToken>();
  const kept = new Set<string>();
  for (const l of ctx.lines) {
    if (l.text === '') continue;
    for (const t of idTokens(l.text, l.no)) {
      if (!first.has(t.key)) first.set(t.key, t);
      if (other.has(l.no) && !assignments.has(l.no)) kept.add(t.key);
    }
  }

  const prefixes = new Set([...first.keys()].map((k) => /^[A-ZÆØÅ]*/u.exec(k)![0]).filter((p) => p !== ''));
  // A header line was read (an ID cut at its hyphen and completed on the next line, or a placeholder
  // with its own warning).
  const placeholders = new Set(records.assignments.map((a) => a.lines[0]));
  const suspects = suspectIds(ctx, prefixes, placeholders);
  const out = { found: first.size + suspects, assignments: 0, references: 0, warned: suspects };
  for (const [key, t] of first) {
    if (own.has(key)) out.assignments++;
    else if (referenced.has(key) || kept.has(key)) out.references++;
    else {
      out.warned++;
      warnUnaccounted(ctx, t, assignments.has(t.line));
    }
  }
  return out;
}

function warnUnaccounted(ctx: ExtractContext, t: IdToken, inAssignment: boolean): void {
  const printed = t.text.trim();
  if (inAssignment) {
    ctx.warn(
      'assignment_id_unlinked',
      `«${printed}» står i teksten til et oppdrag, men er ikke lest som henvisning til et oppdrag.`,
      t.line,
    );
  } else if (t.leading) {
    ctx.warn(
      'assignment_id_unaccounted',
      `Linjen begynner med oppdrags-ID-en «${printed}», men ble verken lest som oppdrag eller som henvisning.`,
      t.line,
    );
  } else {
    ctx.warn(
      'assignment_id_unaccounted',
      `Oppdrags-ID-en «${printed}» nevnes utenfor oppdragene og ble verken lest som oppdrag eller som henvisning.`,
      t.line,
    );
  }
}
