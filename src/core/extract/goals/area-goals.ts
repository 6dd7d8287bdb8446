/**
 * Goals of letters that state long-term goals per area without numbering them (2014):
 *   "2.1 Folkehelse" / "2.1.1 Langsiktige mål:" / "• God forankring av folkehelsearbeidet …"
 *   / "2.1.2 Styringsparametre og resultatkrav" / "• Antall kommuner som …"
 * Every bullet under a goal subsection is one goal. The letter gives steering parameters per area, not
 * per goal, so each goal of an area carries the area's parameters. Goals are numbered in reading order
 * because the letter prints no numbers.
 */
import type { Goal, Section, TextItem } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { readItems } from './items.js';

const GOAL_SECTION_RE = /^(?:Langsiktige?|Overordnede?|Hoved)?\s*mål$/i;
const PARAMETER_SECTION_RE = /^Styringsparamet(?:e|)re(?:ne)?\b/i;

function parentOf(s: Section): string {
  return s.number.split('.').slice(0, -1).join('.');
}

export function areaGoals(lines: readonly Line[], sections: readonly Section[]): Goal[] {
  const indexOfNo = new Map<number, number>();
  for (let i = lines.length - 1; i >= 0; i--) indexOfNo.set(lines[i]!.no, i);
  const range = (s: Section): [number, number] => {
    const from = indexOfNo.get(s.lines[0]) ?? 0;
    let to = from;
    while (to + 1 < lines.length && lines[to + 1]!.no <= s.lines[1]) to++;
    return [from + 1, to];
  };
  const goals: Goal[] = [];
  for (const s of sections) {
    if (s.level < 2 || !GOAL_SECTION_RE.test(s.title)) continue;
    const parent = parentOf(s);
    const paramSection = sections.find(
      (o) => o !== s && parentOf(o) === parent && o.level === s.level && PARAMETER_SECTION_RE.test(o.title),
    );
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
    for (const { item, last } of items) {
      goals.push({
        number: String(goals.length + 1),
        title: item.text,
        section: s.number,
        criteria: [],
        steeringParameters: parameters.map((p) => ({ ...p })),
        keyFigures: [],
        lines: [item.line, last],
      });
    }
  }
  return goals;
}

/** The first paragraph between two line indices (a blank line does not end it in double-spaced text). */
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
    if (/[.!?]$/.test(t)) break;
  }
  return first === -1 ? null : { item: { text, line: first }, last };
}
