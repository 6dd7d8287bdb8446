/**
 * Goal areas of an annual report (årsrapport, part III "Årets resultater og aktiviteter"). Each area
 * opens with the goal as an unnumbered heading followed by the report template's first sub-heading:
 *   "Folkehelsearbeidet er kunnskapsbasert og tverrsektorielt" / "Status og utvikling på målområdet"
 * and reports on the letter's indicators one per line, with the indicator as a label:
 *   "Vurderingskriterier 1 - Hvordan Helsedirektoratet …", "Vurderingskriterier: Hvordan …",
 *   "Styringsparameter - Andel av tilskuddsordninger …", "Nøkkeltall 4- Ubesatte …".
 */
import type { Goal, Section } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { sectionAt } from '../context.js';
import type { ItemKind } from './items.js';

const SUBHEADING_RE =
  /^(?:Status og utvikling(?: på målområdet)?|Styringsindikatorer|Resultater og måloppnåelse)$/;
const INDICATOR_RE =
  /^(Vurderingskriteri(?:er|um)|Styringsparamet(?:er|re)|Styringsindikator|Nøkkeltall)(?=[\s:–-]|\d)\s*(?:\d{1,2})?\s*(?:[-–:]\s*)?(\p{Lu}.*)$/u;

function kindOf(label: string): ItemKind {
  if (label.startsWith('Vurdering')) return 'criteria';
  if (label.startsWith('Styring')) return 'steeringParameters';
  return 'keyFigures';
}

function nextNonBlank(lines: readonly Line[], i: number): number {
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) if (lines[j]!.text !== '') return j;
  return -1;
}

export function reportGoals(lines: readonly Line[], sections: readonly Section[]): Goal[] {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '' || t.length > 200 || /[.:;,]$/.test(t) || !/^\p{Lu}/u.test(t) || SUBHEADING_RE.test(t))
      continue;
    const n = nextNonBlank(lines, i);
    if (n !== -1 && SUBHEADING_RE.test(lines[n]!.text)) starts.push(i);
  }
  const sectionStarts = new Set(sections.map((s) => s.lines[0]));
  const goals: Goal[] = [];
  for (let g = 0; g < starts.length; g++) {
    const first = starts[g]!;
    let end = starts[g + 1] ?? lines.length;
    // A numbered part heading ("4. Styring og kontroll i virksomheten") ends the last area.
    for (let i = first + 1; i < end; i++) {
      if (sectionStarts.has(lines[i]!.no) && lines[i]!.no !== lines[first]!.no) {
        end = i;
        break;
      }
    }
    const goal: Goal = {
      number: String(g + 1),
      title: lines[first]!.text,
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
  return goals;
}
