/**
 * Assignments (oppdrag): every new, carried-over and supplementary assignment a letter prints with an
 * ID, in any of the header layouts headers.ts reads.
 *
 * 1. Find headers (one pass over the lines).
 * 2. Mark hard boundaries: numbered section headings, "Tidligere gitte oppdrag …" headings, a letter's
 *    closing; and track whether a header sits under a "Tidligere gitte oppdrag" heading (carried over)
 *    or under a supplementary letter's label line ("Presisering av tidligere oppdrag:", "Endring i
 *    frister:", "Oppdrag som utgår:"), which makes the header restate its own assignment.
 * 3. For each header: title (title.ts), region and body (body.ts), sub-tasks (parts.ts), deadlines,
 *    references, status and confidentiality (confidential.ts). An assignment listed only by its ID
 *    because it is exempt ("TB2027-14 (unntatt offentlighet)") is a confidential record without text.
 * 4. Synthetic IDs for placeholders, warnings for suspicious IDs and duplicates (records.ts).
 */
import type { Assignment, AssignmentKind, ReferenceRelation } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import { paragraphs, readRegion } from './assignments/body.js';
import { collectDeadlines, warnUnreadableDeadlines } from './assignments/deadline-lines.js';
import { type Header, readHeader } from './assignments/headers.js';
import {
  findIds,
  HEADER_TOKEN_RE,
  type IdScheme,
  idParts,
  isSupplementPrefix,
  learnIdScheme,
  readIdCell,
} from './assignments/ids.js';
import { splitInlineHeaders } from './assignments/inline-split.js';
import { readParts } from './assignments/parts.js';
import { assignSyntheticIds, canonicalIds, checkDuplicates, checkSuspectIds } from './assignments/records.js';
import { findReferences } from './assignments/references.js';
import { RESTATED_START } from './assignments/restated.js';
import {
  CARRIED_HEADING_RE,
  closesLetter,
  headingLike,
  isNoise,
  LETTER_PART_HEADING_RE,
  numberedHeading,
  plain,
  BARE_LABEL_RE,
  nextContent,
  type SectionMode,
  sectionMode,
} from './assignments/scan.js';
import { exemptOnly, isConfidential } from './assignments/confidential.js';
import { statusText } from './assignments/status.js';
import { readTitle } from './assignments/title.js';
import { extractUnnumbered, headingNamingAssignments } from './assignments/unnumbered.js';
import { type ExtractContext, sectionAt } from './context.js';

interface Found {
  header: Header;
  carried: boolean;
  /** Number of the last numbered heading printed above the header ("2.1.3"), '' before any. */
  heading: string;
  /** The label line the header stands under in a supplementary letter ("Endring i frister:"), if any. */
  section: { mode: Exclude<SectionMode, 'new'>; label: string } | null;
}

const HEADING_NUMBER_RE = /^\d{1,2}(?:\.\d{1,2}){0,4}/;

export function extractAssignments(ctx: ExtractContext): Assignment[] {
  const out = readAssignments(ctx);
  warnUnreadableDeadlines(out, ctx);
  return out;
}

function readAssignments(ctx: ExtractContext): Assignment[] {
  const scheme = learnIdScheme(ctx.lines);
  const lines = splitInlineHeaders(ctx.lines, scheme);
  const headStarts = headerStartChars(scheme);
  const sectionStarts = new Set(ctx.sections.map((s) => s.lines[0]));
  const found: Found[] = [];
  const boundary = new Uint8Array(lines.length);
  let carried = false;
  let heading = '';
  let section: Found['section'] = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (text === '') continue;
    if (headStarts.has(text.charCodeAt(0))) {
      const h = readHeader(lines, i, scheme);
      if (h) {
        // "TB2027-14, TB2027-15 (unntatt offentlighet)": one exempt assignment per ID.
        const headers = h.exempt && h.ids.length > 1 ? h.ids.map((id) => ({ ...h, ids: [id] })) : [h];
        for (const one of headers) found.push({ header: one, carried, heading, section });
        i = h.end;
        continue;
      }
    }
    if (unparsedHeader(plain(line), scheme)) {
      ctx.warn(
        'unparsed_assignment_header',
        `Linjen «${plain(line).slice(0, 80)}» ser ut som starten på et oppdrag (ID fulgt av avdeling), men kunne ikke leses som oppdrag.`,
        line.no,
      );
    }
    const t = plain(line);
    const mode = sectionMode(t) ?? (BARE_LABEL_RE.test(t) && headerFollows(lines, i, scheme) ? 'new' : null);
    if (CARRIED_HEADING_RE.test(t) && t.length < 120 && (i === 0 || isNoise(lines[i - 1]!))) {
      carried = true;
      section = null;
      boundary[i] = 1;
    } else if (mode !== null) {
      carried = false;
      section = mode === 'new' ? null : { mode, label: t.replace(/\s*:$/, '') };
      boundary[i] = 1;
    } else if (section && groupHeading(lines, i, t)) {
      // "Folkehelse" between blank lines: a new group of assignments, no longer under the label.
      section = null;
    } else if (
      numberedHeading(t, ctx.sections.length === 0) ||
      closesLetter(t) ||
      LETTER_PART_HEADING_RE.test(t) ||
      (sectionStarts.has(line.no) && /^(?:\d|Vedlegg)/.test(t) && (i === 0 || lines[i - 1]!.no !== line.no))
    ) {
      carried = false;
      section = null;
      boundary[i] = 1;
      heading = HEADING_NUMBER_RE.exec(t)?.[0] ?? heading;
    }
  }

  // A letter without a single ID header lists its assignments as bullets under "Spesielle oppdrag".
  if (found.length === 0) {
    const unnumbered = extractUnnumbered(ctx, lines, scheme.main);
    if (unnumbered.length === 0) warnNoneFound(ctx, lines);
    return unnumbered;
  }

  const out: Assignment[] = [];
  /** Index in `out` → the relation a restating header names to its own ID. */
  const restated = new Map<number, Assignment['references'][number]>();
  const placeholders = new Map<number, { placeholder: string; heading: string }>();
  for (let k = 0; k < found.length; k++) {
    const { header: h, carried: underCarried, heading: printedHeading, section: under } = found[k]!;
    const nextStart = k + 1 < found.length ? found[k + 1]!.header.start : lines.length;
    if (h.exempt) {
      out.push(exemptRecord(ctx, lines, h, underCarried, scheme));
      continue;
    }
    // A withdrawal names its title on the header line or not at all; the next line is the reason.
    const read = h.restated?.withdrawn
      ? { title: h.title, end: h.end }
      : readTitle(lines, h.end, h.title, h.titleInCell, scheme);
    // "TB2027-16 Avd. KLD: SHA (unntatt offentlighet)": a title that is only a marking is no title.
    const markedOnly = exemptOnly(read.title);
    const title = markedOnly ? { ...read, title: '' } : read;
    let to = nextStart;
    for (let b = title.end + 1; b < nextStart; b++) {
      if (boundary[b]) {
        to = b;
        break;
      }
    }
    const region = readRegion(lines, title.end + 1, to, h.departments.length === 0, !h.hasDeptSlot);
    const ids = h.ids;
    // Under "Presisering av tidligere oppdrag:" or "Endring i frister:" a header restates its own
    // assignment, unless its title names the assignment it concerns ("TTB2026-8 Presisering av TB2026-07").
    const restatedBy =
      h.restated ??
      (under && ids.length > 0 && !findIds(title.title, scheme).some((x) => !ids.includes(x.id))
        ? {
            relation: (under.mode === 'clarifies' ? 'clarifies' : 'changes') as ReferenceRelation,
            withdrawn: under.mode === 'withdrawn',
          }
        : undefined);
    const departments = h.departments.length > 0 ? h.departments : (region.trailerDepts ?? []);
    const firstNo = lines[h.start]!.no;
    const lastNo = lines[Math.max(region.last, title.end)]!.no;
    const parsed = readParts(region.body);
    const labels = new Set(parsed.parts.map((p) => p.label));
    const paras = paragraphs(region.body);
    if (h.hasDeptSlot && departments.length === 0) {
      ctx.warn(
        'assignment_department_missing',
        `Oppdrag ${ids[0] ?? h.placeholder ?? ''} «${title.title}» har tomt felt for ansvarlig avdeling.`,
        firstNo,
      );
    }
    if (title.title === '' && !restatedBy && !markedOnly) {
      ctx.warn('assignment_title_missing', `Fant ingen tittel for oppdrag ${ids[0] ?? ''}.`, firstNo);
    }
    const kind = kindOf(ids[0] ?? null, underCarried, ctx.year, scheme, restatedBy !== undefined, ctx);
    const status =
      kind === 'carried_over' || restatedBy
        ? statusText(h.restated?.withdrawn ? [plain(lines[h.start]!), ...paras] : paras)
        : null;
    out.push({
      id: ids[0] ?? '',
      otherIds: ids.slice(1),
      synthetic: ids.length === 0,
      kind,
      departments,
      title: title.title,
      body: paras.join('\n'),
      section: sectionAt(ctx.sections, firstNo)?.number ?? null,
      deadlines: collectDeadlines(parsed.lines, parsed.partOf, labels, ctx.year, ctx.document.date),
      parts: parsed.parts,
      references: [],
      // Under "Oppdrag som utgår:" the label is the status when the record itself says nothing more.
      statusText: status ?? (restatedBy?.withdrawn && under ? under.label : null),
      confidential: markedOnly || isConfidential([read.title, ...paras]),
      lines: [firstNo, Math.max(firstNo, lastNo)],
    });
    if (restatedBy && ids[0]) restated.set(out.length - 1, { id: ids[0], relation: restatedBy.relation });
    if (ids.length === 0)
      placeholders.set(out.length - 1, { placeholder: h.placeholder ?? '', heading: printedHeading });
  }

  assignSyntheticIds(out, placeholders, ctx, scheme);
  const canonical = canonicalIds(out);
  for (let r = 0; r < out.length; r++) {
    const a = out[r]!;
    const own = new Set([a.id, ...a.otherIds]);
    a.references = findReferences([a.title, a.body], own, canonical, scheme);
    // "Presisering av oppdrag TB2026-02 …" restates TB2026-02 itself: the record is that assignment's
    // appearance in this letter, and the reference to its own ID keeps what the letter does with it.
    const self = restated.get(r);
    if (self) a.references.unshift(self);
  }
  linkReplacements(out, canonical, scheme);
  checkSuspectIds(out, ctx, scheme);
  return checkDuplicates(out, ctx);
}

/** The next content line opens an assignment header. */
function headerFollows(lines: readonly Line[], i: number, scheme: IdScheme): boolean {
  const j = nextContent(lines, i + 1, 4);
  return j >= 0 && readHeader(lines, j, scheme) !== null;
}

/** A short unnumbered heading between blank lines ("Folkehelse"): a group of its own. */
function groupHeading(lines: readonly Line[], i: number, text: string): boolean {
  const before = lines[i - 1];
  const after = lines[i + 1];
  return headingLike(text) && (!before || isNoise(before)) && (!after || isNoise(after));
}

/**
 * An assignment listed only by its ID because its content is exempt from public access: a record
 * with no title and no text, marked confidential.
 */
function exemptRecord(
  ctx: ExtractContext,
  lines: readonly Line[],
  h: Header,
  underCarried: boolean,
  scheme: IdScheme,
): Assignment {
  const no = lines[h.start]!.no;
  return {
    id: h.ids[0] ?? '',
    otherIds: h.ids.slice(1),
    synthetic: false,
    kind: kindOf(h.ids[0] ?? null, underCarried, ctx.year, scheme, false, ctx),
    departments: [],
    title: '',
    body: '',
    section: sectionAt(ctx.sections, no)?.number ?? null,
    deadlines: [],
    parts: [],
    references: [],
    statusText: null,
    confidential: true,
    lines: [no, no],
  };
}

// "Oppdraget erstattes av TTB2026-4", "… og erstattes med oppdrag TTB2026-6".
const REPLACED_BY_RE = /erstattes\s+(?:av|med)\s+(?:(?:det\s+)?(?:nye\s+)?oppdrag(?:et)?\s+)?$/iu;

/**
 * "TB2026-09 … Oppdraget erstattes av TTB2026-4": the replacing assignment replaces this one. When it
 * is a record of the same letter, it gets the `replaces` reference the register reads.
 */
function linkReplacements(out: Assignment[], canonical: (id: string) => string, scheme: IdScheme): void {
  const byId = new Map<string, Assignment>();
  for (const a of out) for (const id of [a.id, ...a.otherIds]) byId.set(id, a);
  for (const a of out) {
    for (const text of [a.statusText ?? '', a.body]) {
      if (!/erstattes\s+(?:av|med)/iu.test(text)) continue;
      for (const hit of findIds(text, scheme)) {
        if (!REPLACED_BY_RE.test(text.slice(Math.max(0, hit.index - 60), hit.index))) continue;
        const by = byId.get(canonical(hit.id));
        if (!by || by === a || by.references.some((r) => r.id === a.id && r.relation === 'replaces'))
          continue;
        by.references = [...by.references.filter((r) => r.id !== a.id), { id: a.id, relation: 'replaces' }];
      }
    }
  }
}

/**
 * An allocation letter always gives assignments; reading none means their layout was not recognised
 * (an ID scheme or heading never seen before), which must not pass silently.
 */
function warnNoneFound(ctx: ExtractContext, lines: readonly Line[]): void {
  if (ctx.document.type !== 'tildelingsbrev') return;
  const heading = headingNamingAssignments(lines);
  ctx.warn(
    'no_assignments_found',
    heading
      ? `Fant ingen oppdrag i tildelingsbrevet, selv om overskriften «${heading.text.trim()}» tyder på at det gir oppdrag.`
      : 'Fant ingen oppdrag i tildelingsbrevet (verken oppdrag med ID eller punktlister under en overskrift som «Spesielle oppdrag»).',
    heading?.no ?? null,
  );
}

/**
 * Under a "Tidligere gitte oppdrag" heading, or an ID from an earlier year restated in this letter
 * ("TB2020-57/2" under "Endringer i frister"): carried over. A TTB ID of the letter's year: supplement.
 * An assignment of this year that a letter clarifies, changes or withdraws ("Presisering av oppdrag
 * TB2026-02 …" in Tillegg nr. 1 to the 2026 letter) is not new either: a supplement to it. Nor is any
 * assignment of a stand-alone supplementary letter ("Supplerende tildelingsbrev nr. 2": TB2026-14).
 */
function kindOf(
  id: string | null,
  underCarried: boolean,
  year: number | null,
  scheme: IdScheme,
  restated: boolean,
  ctx: ExtractContext,
): AssignmentKind {
  if (underCarried) return 'carried_over';
  const p = id ? idParts(id) : null;
  if (p && year !== null && p.year < year) return 'carried_over';
  if (restated || (p && isSupplementPrefix(p.prefix, scheme))) return 'supplement';
  // Everything a stand-alone supplementary letter gives is a supplement, whatever prefix its IDs carry.
  if (ctx.document.type === 'tillegg') return 'supplement';
  return 'new';
}

// "Avd. KLD:", "Eieravdeling", "Ansvarlig avdeling": a word that opens a department slot.
const LABEL_WORD_RE = /^(?:Avd\b|Avd\.|Avdeling\b|Eieravdeling\b|Ansvarlig\s+avd)/i;

/**
 * A line opening with an ID-shaped token followed by a department label that no header reader
 * accepted ("OPP2024-3 Avd. KLD: FHA …" with a prefix used too rarely to be learnt, a label in a
 * form not seen before): a record would otherwise be lost without a trace.
 */
function unparsedHeader(text: string, scheme: IdScheme): boolean {
  if (!/\d/.test(text.slice(0, 16))) return false;
  const cell = readIdCell(text, scheme);
  if (cell && (cell.ids.length > 0 || cell.placeholder !== null)) return LABEL_WORD_RE.test(cell.rest);
  const token = HEADER_TOKEN_RE.exec(text);
  return token !== null && LABEL_WORD_RE.test(text.slice(token[0].length).trimStart());
}

/**
 * First letters a header line can start with: "ID", "Oppdrag" and the document's ID prefixes with their
 * derived forms ("TB", "TTB", "RTB"; "OPP", "TOPP"). A cheap test before reading a header.
 */
function headerStartChars(scheme: IdScheme): Set<number> {
  const out = new Set(['I', 'O', 'R', 'T', ...RESTATED_START].map((c) => c.charCodeAt(0)));
  for (const b of scheme.bases) out.add(b.charCodeAt(0));
  return out;
}
