/**
 * Goals of letters that state long-term goals per area without numbering them (2014):
 *   "2.1 Folkehelse" / "2.1.1 Langsiktige mål:" / "• God forankring av folkehelsearbeidet …"
 *   / "2.1.2 Styringsparametre og resultatkrav" / "• Antall kommuner som …"
 * Every bullet under a goal subsection is one goal, as the letter itself calls them ("Langsiktige mål").
 * Goals are numbered in reading order because the letter prints no numbers.
 *
 * The letter gives steering parameters per area, not per goal. They are attached once, to the area's
 * first goal, and the other goals of the area share its section ("2.1.1"), so a reader groups them by
 * section. Copying the parameters onto every goal of the area would multiply them in any count of the
 * letter's steering load (goals, criteria, steering parameters, key figures): five parameters in 2.1.2
 * would count as 25. Making the area the goal and its long-term goals "criteria" would count right but
 * mislabel them: evaluation criteria are something else in later letters.
 */
import type { Goal, Section, TextItem } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { rangeIndices } from '../sections/line-index.js';
import { readItems } from './items.js';

const GOAL_SECTION_RE =
  /^(?:(?:Langsiktige?|Overordnede?|Hoved|Virksomhetens|Virksomhets|Resultat)\s*)?mål(?:ene)?$/iu;
// With what the goals are for: "Mål for området", "Hovedmål på folkehelseområdet". Such a title also heads
// other things ("6.1 Mål for styringsdokumentene" in the chapter on the steering dialogue), so it counts
// only as a heading every area repeats, or next to a sibling "Styringsparametre" subsection, as an
// area's goals stand in the 2014 layout.
const GOAL_FOR_SECTION_RE =
  /^(?:(?:Langsiktige?|Overordnede?|Hoved|Virksomhetens)\s*)?mål(?:ene)?\s+(?:for|på|i|innen)\s+[\p{L}\d -]{1,30}$/iu;
const PARAMETER_SECTION_RE = /^Styringsparamet(?:e|)re(?:ne)?\b/i;

function parentOf(s: Section): string {
  return s.number.split('.').slice(0, -1).join('.');
}

type Warn = (code: string, message: string, line: number | null) => void;

export function areaGoals(lines: readonly Line[], sections: readonly Section[], warn: Warn): Goal[] {
  const goals: Goal[] = [];
  const besideParameters = (s: Section): boolean =>
    sections.some(
      (o) => o.level === s.level && parentOf(o) === parentOf(s) && PARAMETER_SECTION_RE.test(o.title),
    );
  const titleCount = new Map<string, number>();
  for (const s of sections) titleCount.set(s.title, (titleCount.get(s.title) ?? 0) + 1);
  const goalSections = sections.filter(
    (s) =>
      s.level >= 2 &&
      (GOAL_SECTION_RE.test(s.title) ||
        (GOAL_FOR_SECTION_RE.test(s.title) && ((titleCount.get(s.title) ?? 0) > 1 || besideParameters(s)))),
  );
  if (goalSections.length === 0) return goals;
  const range = (s: Section): [number, number] => {
    const r = rangeIndices(lines, s.lines) ?? [0, 0];
    return [r[0] + 1, r[1]];
  };
  const usedParameters = new Set<Section>();
  for (const s of goalSections) {
    const parent = parentOf(s);
    // An area with two goal subsections ("Langsiktige mål", "Mål") lists its parameters once all the same.
    const paramSection = sections.find(
      (o) =>
        o !== s &&
        !usedParameters.has(o) &&
        parentOf(o) === parent &&
        o.level === s.level &&
        PARAMETER_SECTION_RE.test(o.title),
    );
    if (paramSection) usedParameters.add(paramSection);
    const parameters = paramSection
      ? readItems(lines, ...range(paramSection), 'all-lists').map((p) => p.item)
      : [];
    const [from, to] = range(s);
    const items = readItems(lines, from, to);
    // "3.2.1 Langsiktig mål:" followed by one paragraph instead of bullets: the paragraph is the goal.
    if (items.length === 0) {
      const prose = paragraph(lines, from, to);
      if (prose) items.push(prose);
    }
    if (items.length === 0) {
      warn('goal_list_empty', `Overskriften ${s.number} «${s.title}» har ingen mål.`, s.lines[0]);
      if (parameters.length > 0) {
        warn(
          'goal_parameters_orphaned',
          `Styringsparameterne i ${paramSection!.number} hører ikke til noe mål.`,
          paramSection!.lines[0],
        );
      }
    }
    items.forEach(({ item, last }, k) => {
      goals.push({
        number: String(goals.length + 1),
        title: item.text,
        section: s.number,
        criteria: [],
        steeringParameters: k === 0 ? parameters : [],
        keyFigures: [],
        lines: [item.line, last],
      });
    });
  }
  // An area with steering parameters but no goal subsection: its parameters would otherwise be lost.
  for (const o of sections) {
    if (o.level < 2 || usedParameters.has(o) || !PARAMETER_SECTION_RE.test(o.title)) continue;
    warn(
      'goal_parameters_orphaned',
      `Styringsparameterne i ${o.number} står i et område uten overskrift for mål og hører ikke til noe mål.`,
      o.lines[0],
    );
  }
  return goals;
}

/** Past this length a goal paragraph ends with the sentence that ends its line. */
const MAX_GOAL_PARAGRAPH = 600;

/**
 * The goal statement between two line indices: the subsection's text, whatever its sentences and line
 * breaks ("Direktoratet skal følge opp samhandlingsreformens mål … informasjons- og" + "veiledningsarbeid.
 * KS og fylkesmennene skal …"). A blank line does not end it in double-spaced text; a very long body
 * ends at the first sentence end past MAX_GOAL_PARAGRAPH characters.
 */
function paragraph(
  lines: readonly Line[],
  from: number,
  to: number,
): { item: TextItem; last: number } | null {
  let text = '';
  let first = -1;
  let last = -1;
  for (let i = from; i <= to && i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    if (first === -1) first = lines[i]!.no;
    text = text ? `${text} ${t}` : t;
    last = lines[i]!.no;
    if (text.length > MAX_GOAL_PARAGRAPH && /[.!?]$/.test(t)) break;
  }
  return first === -1 ? null : { item: { text, line: first }, last };
}
