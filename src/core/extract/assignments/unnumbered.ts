/**
 * Letters that print no assignment IDs (the 2014 letter): each subject section has a numbered heading
 * that names its assignments, "2.1.4 Spesielle oppdrag" (also "… Spesielle oppdrag 2014",
 * "… Særskilte oppdrag:", "… Oppdrag"), followed by bullets. Every top-level bullet ("• Utarbeide en rapport …") is an assignment; check-mark items
 * under it ("✓ Utvikle og gjennomføre …") are its sub-tasks; unbulleted lines continue the bullet above.
 *
 * The ID is synthetic and stable: prefix and year, the subject section the heading belongs to, and the
 * ordinal, "TB2014-S2.1-03" for the third bullet under "2.1.4 Spesielle oppdrag". The prefix is the
 * document's own when it has learnt one (see ids.ts), else "TB", the ministries' convention for
 * allocation-letter IDs ("TB2024-07"), so a synthetic ID sorts and reads like the printed ones; the
 * register keys assignments on these IDs, so they must not change between runs. The "-S" part marks
 * them as derived: no letter prints a section number in an ID. Without a year there is nothing honest
 * to put in its place, so the ID says it is synthetic instead: "X-S2.1-03", with a warning.
 */
import type { Assignment, AssignmentPart } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { type ExtractContext, sectionAt } from '../context.js';
import { collectDeadlines } from './deadline-lines.js';
import type { BodyLine } from './parts.js';
import { closesLetter, isNoise, numberedHeading, plain } from './scan.js';

/** A numbered sub-section heading: its number and its title ("2.1.4 Spesielle oppdrag"). */
const NUMBERED_HEADING_RE = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\p{Lu}[^.]{0,40})$/u;
/**
 * Titles that name the section's assignments, with the qualifiers letters put before "oppdrag"
 * ("Spesielle oppdrag", "Særskilte oppdrag", "Andre oppdrag", "Nye oppdrag", plain "Oppdrag") and an
 * optional year ("Spesielle oppdrag 2014", "Oppdrag for 2014:"). Not "Samfunnsoppdrag" (the agency's
 * mission) and not "Oppdrag i løpet av året" (how assignments are given, not a list of them).
 */
const ASSIGNMENT_TITLE_RE =
  /^(?:(?:spesielle|særskilte|særlige|nye|andre|øvrige|konkrete|enkelte)\s+)?oppdrag(?:\s+(?:(?:i|for)\s+)?(?:19|20)\d{2})?\s*:?$/iu;
// A heading that names assignments in some other way ("3.2 Oppdrag og rapportering"): worth a warning
// when nothing was read.
const MENTIONS_ASSIGNMENTS_RE = /(?<!\p{L})oppdrag(?:ene)?(?!\p{L})/iu;

/** The number of a heading that opens a list of assignments, or null. */
function assignmentHeading(text: string): string | null {
  if (text.length > 60 || !/oppdrag/i.test(text)) return null;
  const m = NUMBERED_HEADING_RE.exec(text);
  return m && ASSIGNMENT_TITLE_RE.test(m[2]!.trim()) ? m[1]! : null;
}

/** The first numbered heading that speaks of assignments, for the warning when none were read. */
export function headingNamingAssignments(lines: readonly Line[]): Line | null {
  for (const l of lines) {
    const t = l.text;
    if (t.length > 60 || !/oppdrag/i.test(t)) continue;
    const m = NUMBERED_HEADING_RE.exec(t.trim());
    if (m && MENTIONS_ASSIGNMENTS_RE.test(m[2]!)) return l;
  }
  return null;
}
const MARKERS: RegExp[] = [/^[•▪●]\s*/, /^[-–]\s+/, /^\d{1,2}[.)]\s+/, /^✓\s*/, /^[o◦]\s+/, /^[a-h]\)\s+/];
const ABBREVIATIONS = new Set([
  'meld',
  'st',
  'nr',
  'jf',
  'jfr',
  'kap',
  'pkt',
  'mv',
  'ev',
  'ca',
  'dvs',
  'bl',
  'f',
  'eks',
  'prop',
]);

/** The items are "•", "-" or "1." as the first item shows; other markers are sub-tasks. */
function markerOf(t: string): RegExp | null {
  return MARKERS.find((re) => re.test(t)) ?? null;
}

/** First sentence, not cut at "Meld. St." or "jf.". */
function firstSentence(text: string): string {
  for (const m of text.matchAll(/[.!?:]\s+(?=\p{Lu})/gu)) {
    const word = /(\p{L}+)$/u.exec(text.slice(0, m.index))?.[1] ?? '';
    if (m.index < 10 || ABBREVIATIONS.has(word.toLowerCase()) || word.length === 1) continue;
    return text.slice(0, m.index);
  }
  return text;
}

interface Item {
  lines: BodyLine[];
  parts: Array<{ lines: BodyLine[] }>;
}

/** Without a known year, the prefix of synthetic IDs: no printed ID has this form. */
const NO_YEAR_PREFIX = 'X';

export function extractUnnumbered(ctx: ExtractContext, lines: readonly Line[], prefix = 'TB'): Assignment[] {
  const idPrefix = ctx.year === null ? NO_YEAR_PREFIX : `${prefix}${ctx.year}`;
  const out: Assignment[] = [];
  const headings = new Set<string>();
  const sectionStarts = new Set(ctx.sections.map((s) => s.lines[0]));
  for (let i = 0; i < lines.length; i++) {
    const number = assignmentHeading(plain(lines[i]!));
    if (number === null) continue;
    const headingTitle = plain(lines[i]!)
      .slice(number.length)
      .replace(/^\.?\s+/, '')
      .replace(/\s*:$/, '')
      .replace(/\s+(?:(?:i|for)\s+)?(?:19|20)\d{2}$/, '');
    const subject = number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : number;
    const items: Item[] = [];
    let top: RegExp | null = null;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isNoise(l)) continue;
      const t = plain(l);
      if (numberedHeading(t, true) || closesLetter(t) || (sectionStarts.has(l.no) && /^\d/.test(t))) break;
      const body: BodyLine = { no: l.no, text: t, index: j };
      const marker = markerOf(t);
      top ??= marker;
      if (top && marker === top) items.push({ lines: [{ ...body, text: t.replace(top, '') }], parts: [] });
      else {
        const cur = items[items.length - 1];
        if (!cur) continue;
        if (marker) cur.parts.push({ lines: [{ ...body, text: t.replace(marker, '') }] });
        else if (cur.parts.length > 0 && !/[.!?:]$/.test(cur.parts.at(-1)!.lines.at(-1)!.text)) {
          cur.parts.at(-1)!.lines.push(body);
        } else cur.lines.push(body);
      }
    }
    for (let k = 0; k < items.length; k++) out.push(toAssignment(ctx, items[k]!, idPrefix, subject, k + 1));
    headings.add(headingTitle);
    if (items.length === 0) {
      ctx.warn(
        'assignment_heading_empty',
        `Overskriften «${plain(lines[i]!)}» innleder oppdrag, men ingen punktliste med oppdrag ble funnet under den.`,
        lines[i]!.no,
      );
    }
    i = j - 1;
  }
  if (out.length > 0) {
    ctx.warn(
      'assignment_ids_synthetic',
      `Brevet oppgir ingen oppdrags-IDer; ${out.length} oppdrag under «${[...headings].join('», «')}» har fått avledede IDer (${out[0]!.id} …).`,
      out[0]!.lines[0],
    );
    if (ctx.year === null) {
      ctx.warn(
        'assignment_ids_year_unknown',
        `Brevets år er ukjent, så de avledede oppdrags-IDene har prefikset «${NO_YEAR_PREFIX}» i stedet for «${prefix}» og år (${out[0]!.id} …).`,
        out[0]!.lines[0],
      );
    }
  }
  return out;
}

function toAssignment(
  ctx: ExtractContext,
  item: Item,
  idPrefix: string,
  subject: string,
  ordinal: number,
): Assignment {
  const all = [...item.lines, ...item.parts.flatMap((p) => p.lines)].sort(
    (a, b) => (a.index ?? 0) - (b.index ?? 0),
  );
  const text = item.lines.map((l) => l.text).join(' ');
  const title = firstSentence(text).replace(/[.:]$/, '').trim();
  const parts: AssignmentPart[] = item.parts.map((p, k) => ({
    label: String(k + 1),
    text: p.lines.map((l) => l.text).join(' '),
    lines: [p.lines[0]!.no, p.lines.at(-1)!.no],
  }));
  const partOf = all.map((l) => {
    const k = item.parts.findIndex((p) => p.lines.includes(l));
    return k >= 0 ? String(k + 1) : null;
  });
  const first = all[0]!.no;
  const last = all.at(-1)!.no;
  return {
    id: `${idPrefix}-S${subject}-${String(ordinal).padStart(2, '0')}`,
    otherIds: [],
    synthetic: true,
    kind: 'new',
    departments: [],
    title,
    body: [text, ...parts.map((p) => p.text)].join('\n'),
    section: sectionAt(ctx.sections, first)?.number ?? null,
    deadlines: collectDeadlines(all, partOf, new Set(parts.map((p) => p.label)), ctx.year, ctx.document.date),
    parts,
    references: [],
    statusText: null,
    confidential: false,
    lines: [first, Math.max(first, last)],
  };
}
