/**
 * Document-level checks on the assignment records: synthetic IDs for placeholders, the spelling other
 * records use for an ID, IDs that look like typos, and IDs used by more than one record.
 */
import type { Assignment } from '../../model/extraction.js';
import type { ExtractContext } from '../context.js';
import { findIds, type IdScheme, isSupplementPrefix, idParts, placeholderParts } from './ids.js';

/**
 * "ID: ukjent", "TB202x-", "RTB2020-": the record keeps its place with a stable synthetic ID built from
 * what the placeholder shows (prefix, year), the number of the heading printed above it and its ordinal
 * among the placeholders under that heading: "TB2022-X2.1.3-02". Counting under the printed heading keeps
 * the ID when other sections move or gain placeholders (the section tree may reject a section printed
 * out of order, the heading's own number still stands); before any heading: "TB2022-X01".
 */
export function assignSyntheticIds(
  records: Assignment[],
  placeholders: ReadonlyMap<number, { placeholder: string; heading: string }>,
  ctx: ExtractContext,
  scheme: IdScheme,
): void {
  const ordinals = new Map<string, number>();
  for (const [index, { placeholder, heading: scope }] of placeholders) {
    const a = records[index]!;
    const ordinal = (ordinals.get(scope) ?? 0) + 1;
    ordinals.set(scope, ordinal);
    const parts = placeholderParts(placeholder);
    const year = parts.year ?? ctx.year ?? 0;
    const where = scope === '' ? '' : `${scope}-`;
    a.id = `${parts.prefix ?? scheme.main}${year}-X${where}${String(ordinal).padStart(2, '0')}`;
    a.synthetic = true;
    ctx.warn(
      'assignment_id_placeholder',
      `Oppdraget «${a.title}» har ingen lesbar ID («${placeholder || 'mangler'}»); bruker syntetisk ID ${a.id}.`,
      a.lines[0],
    );
  }
}

function key(id: string): string {
  const m = /^([A-ZÆØÅ]{1,7})(\d{4})-(\d+)(.*)$/u.exec(id);
  return m ? `${m[1]}${m[2]}-${Number(m[3])}${m[4]}` : id;
}

/** Map an ID to the spelling a record of this document uses ("TTB2022-05" → "TTB2022-5"). */
export function canonicalIds(records: readonly Assignment[]): (id: string) => string {
  const byKey = new Map<string, string>();
  for (const a of records) {
    for (const id of [a.id, ...a.otherIds]) if (!byKey.has(key(id))) byKey.set(key(id), id);
  }
  return (id) => byKey.get(key(id)) ?? id;
}

/** "TTB2024-3" (or "TOPP2024-3") for the letter's year: a supplementary letter's assignment. */
function supplementOfYear(id: string, year: number, scheme: IdScheme): boolean {
  const p = idParts(id);
  return p !== null && p.year === year && isSupplementPrefix(p.prefix, scheme);
}

/**
 * "TTB2024-70" in a main letter that has no supplementary assignments of that year, while TB2024-70
 * exists: most likely a typo. The reference is kept as printed; the reader is warned.
 */
export function checkSuspectIds(records: readonly Assignment[], ctx: ExtractContext, scheme: IdScheme): void {
  const year = ctx.year;
  if (year === null) return;
  const keys = new Set<string>();
  let hasSupplements = ctx.document.supplements.length > 0;
  for (const a of records) {
    for (const id of [a.id, ...a.otherIds]) {
      keys.add(key(id));
      if (supplementOfYear(id, year, scheme)) hasSupplements = true;
    }
  }
  if (hasSupplements) return;
  const warned = new Set<string>();
  for (const a of records) {
    for (const r of a.references) {
      if (!supplementOfYear(r.id, year, scheme) || warned.has(r.id)) continue;
      const meant = r.id.slice(1);
      if (!keys.has(key(meant))) continue;
      warned.add(r.id);
      ctx.warn(
        'assignment_id_suspect',
        `Oppdrag ${a.id} viser til ${r.id}, men brevet har ingen tilleggsoppdrag for ${year}; trolig menes ${meant}.`,
        lineOf(ctx, a, r.id, scheme),
      );
    }
  }
}

function lineOf(ctx: ExtractContext, a: Assignment, id: string, scheme: IdScheme): number {
  for (const l of ctx.lines) {
    if (l.no < a.lines[0]) continue;
    if (l.no > a.lines[1]) break;
    if (findIds(l.text, scheme).some((h) => h.id === id)) return l.no;
  }
  return a.lines[0];
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * One record per ID: a second record with the same title and body (or no body) in the same section
 * is merged into the first (its deadlines and IDs kept); two different records under one ID are both
 * kept and flagged. Either way the reader is told.
 */
export function checkDuplicates(records: Assignment[], ctx: ExtractContext): Assignment[] {
  const first = new Map<string, Assignment>();
  const out: Assignment[] = [];
  for (const a of records) {
    const prev = first.get(a.id);
    if (!prev) {
      first.set(a.id, a);
      out.push(a);
      continue;
    }
    const mergeable =
      prev.section === a.section &&
      sameText(prev.title, a.title) &&
      (a.body === '' || prev.body === '' || sameText(prev.body, a.body));
    if (mergeable) {
      if (prev.body === '') {
        prev.body = a.body;
        prev.parts = a.parts;
      }
      for (const id of a.otherIds) if (!prev.otherIds.includes(id)) prev.otherIds.push(id);
      prev.deadlines.push(...a.deadlines.filter((d) => !prev.deadlines.some((p) => p.text === d.text)));
      ctx.warn(
        'duplicate_assignment_id',
        `Oppdrag ${a.id} «${a.title}» står to ganger (linje ${prev.lines[0]} og ${a.lines[0]}); slått sammen.`,
        a.lines[0],
      );
      continue;
    }
    ctx.warn(
      'duplicate_assignment_id',
      `ID ${a.id} brukes av to ulike oppdrag: «${prev.title}» (linje ${prev.lines[0]}) og «${a.title}» (linje ${a.lines[0]}).`,
      a.lines[0],
    );
    out.push(a);
  }
  return out;
}
