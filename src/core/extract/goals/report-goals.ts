/**
 * Goal areas of an annual report (årsrapport). DFØ's mandatory part III ("Årets aktiviteter og
 * resultater", also printed "Årets resultater og aktiviteter") reports per goal area of the allocation
 * letter. The areas are found by layout, not by one agency's template wording:
 * - an explicit goal heading: "Mål 1: …", "Målområde 2 – …", "Hovedmål 3 …";
 * - numbered sub-sections of the part ("3.1 Folkehelse") whose text reports on indicators;
 * - unnumbered short heading lines of the part, each directly followed by one of the sub-headings that
 *   every area repeats (the report's template) or by an indicator label:
 *     "Folkehelsearbeidet er kunnskapsbasert og tverrsektorielt" / "Status og utvikling på målområdet"
 *   A sub-heading is a template heading because it recurs in the part; its wording does not matter.
 * Indicators are reported one per line with the indicator as a label:
 *   "Vurderingskriterier 1 - Hvordan Helsedirektoratet …", "Vurderingskriterier: Hvordan …",
 *   "Styringsparameter - Andel av tilskuddsordninger …", "Nøkkeltall 4- Ubesatte …".
 */
import type { Goal, Section } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { sectionAt } from '../context.js';
import { rangeIndices } from '../sections/line-index.js';
import type { ItemKind } from './items.js';

/** Part III's title in DFØ's wording and common variants ("Resultater og måloppnåelse i 2023"). */
const RESULTS_PART_RE = /\b(?:resultater|måloppnåelse)\b/iu;
/** Well-known template sub-headings: only a tie-breaker when a report has a single goal area. */
const KNOWN_SUBHEADING_RE =
  /^(?:Status og utvikling(?: på målområdet)?|Styringsindikatorer|Resultater og måloppnåelse)$/;
const INDICATOR_RE =
  /^(Vurderingskriteri(?:er|um)|Styringsparamet(?:er|re)|Styringsindikator|Nøkkeltall)(?=[\s:–-]|\d)\s*(?:\d{1,2})?\s*(?:[-–:]\s*)?(\p{Lu}.*)$/u;
/** Words of reporting on goals; an area must contain one, and a goal title never is one. */
const VOCABULARY_RE =
  /vurderingskriteri|styringsparamet|styringsindikator|nøkkeltall|m[åa]loppn[åa]else|resultatindikator/iu;
// "Mål 1: …", "Målområde 2 – …", "Hovedmål 3 Trygg forvaltning"
const EXPLICIT_RE = /^(?:Hoved|Virksomhets)?[Mm]ål(?:område)? (\d{1,2})\b\s*[:.–-]?\s*(.*)$/u;
const MAX_HEADING = 200;

function kindOf(label: string): ItemKind {
  if (label.startsWith('Vurdering')) return 'criteria';
  if (label.startsWith('Styring')) return 'steeringParameters';
  return 'keyFigures';
}

/** A line printed as a heading: short, capitalised, no sentence or list punctuation at its end. */
function headingShaped(text: string): boolean {
  return (
    text !== '' &&
    text.length <= MAX_HEADING &&
    !text.includes('\t') &&
    /^\p{Lu}/u.test(text) &&
    !/[.:;,!?]$/.test(text)
  );
}

function nextNonBlank(lines: readonly Line[], i: number, end: number): number {
  for (let j = i + 1; j < end && j <= i + 3; j++) if (lines[j]!.text !== '') return j;
  return -1;
}

/** Index range [from, to) of the results part, or the whole document when no part is recognised. */
function resultsScope(
  lines: readonly Line[],
  sections: readonly Section[],
): { from: number; to: number; part: Section | null } {
  for (const s of sections) {
    if (s.level !== 1 || !RESULTS_PART_RE.test(s.title)) continue;
    const r = rangeIndices(lines, s.lines);
    if (r) return { from: r[0], to: r[1] + 1, part: s };
  }
  return { from: 0, to: lines.length, part: null };
}

/** The report's template: heading lines that recur within the results part, about once per area. */
function templateHeadings(lines: readonly Line[], from: number, to: number): Set<string> {
  const seen = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const t = lines[i]!.text;
    if (!headingShaped(t) || INDICATOR_RE.test(t)) continue;
    seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  // Every area repeats the template once, so its headings occur about equally often; a sub-heading that
  // one area uses twice ("Spesialistgodkjenning" in an area's assessment) is not part of it.
  let most = 0;
  for (const n of seen.values()) most = Math.max(most, n);
  const out = new Set<string>();
  for (const [t, n] of seen) if (n >= 2 && n * 2 >= most) out.add(t);
  return out;
}

export interface ReportLayout {
  goals: Goal[];
  /** True for a heading of the report's template or an indicator label: it ends an assessment. */
  isTemplateHeading(text: string): boolean;
}

interface Start {
  index: number;
  title: string;
  /** Index just after the area's last line when known (a numbered section), else -1. */
  end: number;
}

function explicitStarts(lines: readonly Line[], from: number, to: number): Start[] {
  const out: Start[] = [];
  for (let i = from; i < to; i++) {
    const t = lines[i]!.text;
    if (!t.startsWith('Mål') && !t.startsWith('mål') && !/^(?:Hoved|Virksomhets)mål/.test(t)) continue;
    if (t.length > MAX_HEADING || /[.;,]$/.test(t)) continue;
    const m = EXPLICIT_RE.exec(t);
    if (m) out.push({ index: i, title: m[2]!.trim() || t, end: -1 });
  }
  return out;
}

function hasVocabulary(lines: readonly Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (VOCABULARY_RE.test(lines[i]!.text.slice(0, 80))) return true;
  return false;
}

function numberedStarts(lines: readonly Line[], sections: readonly Section[], part: Section | null): Start[] {
  if (!part) return [];
  const out: Start[] = [];
  for (const s of sections) {
    if (s.level !== part.level + 1 || !s.number.startsWith(`${part.number}.`)) continue;
    const r = rangeIndices(lines, s.lines);
    if (r && hasVocabulary(lines, r[0] + 1, r[1] + 1))
      out.push({ index: r[0], title: s.title, end: r[1] + 1 });
  }
  return out;
}

/** A line that may title a goal area: heading-shaped, not a template heading, label or reporting word. */
function areaTitleShaped(t: string, recurring: ReadonlySet<string>): boolean {
  return headingShaped(t) && !recurring.has(t) && !INDICATOR_RE.test(t) && !VOCABULARY_RE.test(t);
}

/**
 * The template headings that open an area: most of their occurrences directly follow an area-title-shaped
 * line. Later template headings ("Sentrale aktiviteter i direktoratet") follow paragraphs, of which a few
 * lack a final full stop ("… fra 10,0 prosent"), so a single heading-shaped line before them proves nothing.
 */
function openingHeadings(lines: readonly Line[], from: number, to: number, recurring: ReadonlySet<string>) {
  const total = new Map<string, number>();
  const afterTitle = new Map<string, number>();
  let previous = '';
  for (let i = from; i < to; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    if (recurring.has(t)) {
      total.set(t, (total.get(t) ?? 0) + 1);
      if (areaTitleShaped(previous, recurring)) afterTitle.set(t, (afterTitle.get(t) ?? 0) + 1);
    }
    previous = t;
  }
  const out = new Set<string>();
  for (const [t, n] of total) if ((afterTitle.get(t) ?? 0) * 2 > n) out.add(t);
  return out;
}

/**
 * Unnumbered areas: a heading directly followed by a template heading that opens areas. A report
 * without a template opens each area straight with its indicators ("Trygg forvaltning" / "Nøkkeltall 1:
 * …"); there the values under an indicator look like headings too ("Alle refusjonskrav sendes digitalt
 * til Helfo" / "Nøkkeltall 6: …"), so the heading must not follow an indicator label nor hold figures.
 */
function unnumberedStarts(
  lines: readonly Line[],
  from: number,
  to: number,
  recurring: ReadonlySet<string>,
): Start[] {
  const openers = openingHeadings(lines, from, to, recurring);
  const templated = openers.size > 0;
  const opens = (t: string): boolean =>
    templated ? openers.has(t) : KNOWN_SUBHEADING_RE.test(t) || INDICATOR_RE.test(t);
  const out: Start[] = [];
  let previous = '';
  for (let i = from; i < to; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    const before = previous;
    previous = t;
    if (!areaTitleShaped(t, recurring)) continue;
    if (!templated && (/\d/.test(t) || INDICATOR_RE.test(before))) continue;
    const n = nextNonBlank(lines, i, to);
    if (n !== -1 && opens(lines[n]!.text)) out.push({ index: i, title: t, end: -1 });
  }
  return out;
}

export function reportLayout(lines: readonly Line[], sections: readonly Section[]): ReportLayout {
  const { from, to, part } = resultsScope(lines, sections);
  const recurring = templateHeadings(lines, from, to);
  const isTemplateHeading = (t: string): boolean =>
    recurring.has(t) || KNOWN_SUBHEADING_RE.test(t) || INDICATOR_RE.test(t);

  let starts = explicitStarts(lines, from, to);
  if (starts.length === 0) {
    const numbered = numberedStarts(lines, sections, part);
    starts = numbered.length >= 2 ? numbered : unnumberedStarts(lines, from, to, recurring);
  }
  const sectionStarts = new Set(sections.map((s) => s.lines[0]));
  const goals: Goal[] = [];
  for (let g = 0; g < starts.length; g++) {
    const { index: first, title } = starts[g]!;
    let end = starts[g]!.end !== -1 ? starts[g]!.end : (starts[g + 1]?.index ?? to);
    // A numbered heading ("4. Styring og kontroll i virksomheten") ends an unnumbered area.
    if (starts[g]!.end === -1) {
      for (let i = first + 1; i < end; i++) {
        if (sectionStarts.has(lines[i]!.no) && lines[i]!.no !== lines[first]!.no) {
          end = i;
          break;
        }
      }
    }
    if (!hasVocabulary(lines, first + 1, end)) continue;
    const goal: Goal = {
      number: String(goals.length + 1),
      title,
      section: sectionAt(sections, lines[first]!.no)?.number ?? null,
      criteria: [],
      steeringParameters: [],
      keyFigures: [],
      lines: [lines[first]!.no, lines[first]!.no],
    };
    for (let i = first + 1; i < end; i++) {
      const t = lines[i]!.text;
      if (t === '') continue;
      goal.lines[1] = lines[i]!.no;
      const m = INDICATOR_RE.exec(t);
      if (m) goal[kindOf(m[1]!)].push({ text: m[2]!.replace(/:$/, '').trim(), line: lines[i]!.no });
    }
    goals.push(goal);
  }
  return { goals, isTemplateHeading };
}

export function reportGoals(lines: readonly Line[], sections: readonly Section[]): Goal[] {
  return reportLayout(lines, sections).goals;
}
