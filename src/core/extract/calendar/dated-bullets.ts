/**
 * A calendar written as a bullet list under an ordinary heading (2014, "6.6 Innspill til
 * budsjettprosessen"): "• 15.2.14: Eventuelle innspill til RNB-2014", "• Tidsfrist 1.5.14: Budsjettforslag …".
 * A section is read this way when at least three of its bullets open with a date. A bullet without a
 * leading date belongs to the date above it ("• Gi innspill om forskningsbehov …" under "• Tidsfrist
 * 1.12.14: …"), unless it names a date of its own ("… vil bli fastsatt siden. Tentativt 15.9.14.").
 */
import type { Section } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { type DayMonth, readDayMonth, readImpossibleDay } from '../document/printed-date.js';
import { indexOfLineNo } from '../sections/line-index.js';

const BULLET_RE = /^[•\-–]\s+/;
const LEAD_RE = /^(?:Tidsfrist|Frist|Innen|Senest|Per)\s+/i;
const MIN_DATED = 3;
/** Cheap pre-test before the date parser: a bullet whose text opens with a digit or a deadline word. */
const DATED_HINT_RE = /^[•\-–]\s+(?:(?:Tidsfrist|Frist|Innen|Senest|Per)\s+)?\d/i;

export interface DatedBullet {
  /** Index of the bullet's first line. */
  index: number;
  lastIndex: number;
  date: DayMonth | null;
  /** The date came from the bullet above, or from inside the text. */
  inherited: boolean;
  /** The leading date as printed when it names a day its month lacks ("31.4.14"). */
  invalidDate: string | null;
  text: string;
}

function leadingDate(text: string): { date: DayMonth | null; invalid: string | null; rest: string } | null {
  const body = text.replace(LEAD_RE, '');
  const d = readDayMonth(body);
  const bad = d ? null : readImpossibleDay(body);
  const length = d?.length ?? bad?.length;
  if (length === undefined) return null;
  const rest = body.slice(length);
  if (!/^(?:[:.]?\s|[:.]?$)/.test(rest)) return null;
  return { date: d, invalid: bad?.printed ?? null, rest: rest.replace(/^[:.]?\s*/, '') };
}

function dateInside(text: string): DayMonth | null {
  for (const m of text.matchAll(/(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2,4}\b/g)) {
    const d = readDayMonth(text.slice(m.index));
    if (d) return d;
  }
  return null;
}

/** Leaf sections whose bullets are mostly dated. */
export function datedBulletSections(lines: readonly Line[], sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  for (let k = 0; k < sections.length; k++) {
    const s = sections[k]!;
    // Sections come in reading order, so a section with subsections is followed by its first child.
    const next = sections[k + 1];
    if (next && next.level > s.level && next.lines[0] > s.lines[0] && next.lines[1] <= s.lines[1]) continue;
    let dated = 0;
    for (
      let i = Math.max(0, indexOfLineNo(lines, s.lines[0])) + 1;
      i < lines.length && lines[i]!.no <= s.lines[1];
      i++
    ) {
      const t = lines[i]!.text;
      if (BULLET_RE.test(t) && DATED_HINT_RE.test(t) && leadingDate(t.replace(BULLET_RE, ''))) dated++;
    }
    if (dated >= MIN_DATED) out.push(s);
  }
  return out;
}

export function readDatedBullets(lines: readonly Line[], from: number, to: number): DatedBullet[] {
  const out: DatedBullet[] = [];
  let cur: DatedBullet | null = null;
  let lastDate: DayMonth | null = null;
  for (let i = from; i <= to && i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    if (BULLET_RE.test(t)) {
      const body = t.replace(BULLET_RE, '');
      const lead = leadingDate(body);
      // A bullet under an impossible date ("• 31.4.14: …") has no date to pass on either.
      if (lead) lastDate = lead.date;
      cur = {
        index: i,
        lastIndex: i,
        date: lead ? lead.date : lastDate,
        inherited: !lead,
        invalidDate: lead?.invalid ?? null,
        text: lead ? lead.rest : body,
      };
      out.push(cur);
      continue;
    }
    // A wrapped bullet continues in lower case, mid-sentence, or with a sentence followed by another
    // bullet ("… fastsatt siden." / "Tentativt 15.9.14." / "• Tidsfrist 1.12.14: …"); else the list ends.
    if (cur && (/^\p{Ll}/u.test(t) || !/[.!?]$/.test(cur.text) || nextIsBullet(lines, i, to))) {
      cur.text += ` ${t}`;
      cur.lastIndex = i;
      continue;
    }
    if (cur) break;
  }
  for (const b of out) {
    if (!b.inherited) continue;
    const own = dateInside(b.text);
    if (own) b.date = own;
  }
  return out;
}

function nextIsBullet(lines: readonly Line[], i: number, to: number): boolean {
  for (let j = i + 1; j <= to && j < lines.length && j <= i + 3; j++) {
    const t = lines[j]!.text;
    if (t !== '') return BULLET_RE.test(t);
  }
  return false;
}
