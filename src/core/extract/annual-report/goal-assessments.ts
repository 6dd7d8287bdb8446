/**
 * The report's own assessment of each goal area's attainment. Part III reports per goal area (found by
 * goals/report-goals.ts, whose numbering "1".."13" is reused here) and closes each area with a heading
 * of its own and the assessment below it:
 *   "Måloppnåelse" / "Det tverrsektorielle folkehelsearbeidet på regionalt og lokalt nivå ivaretas …"
 * Variants: "Vurdering av måloppnåelse", "Samlet vurdering av måloppnåelse", "Måloppnåelse i 2023",
 * and a run-in label "Måloppnåelse: Direktoratet vurderer …". The assessment runs to the end of the goal
 * area, or to the next heading of the report's template (a sub-heading every area repeats, such as
 * "Sentrale aktiviteter …", whatever its wording) or an indicator label ("Nøkkeltall 2: …").
 * A sentence that merely mentions the word ("Vurdering av måloppnåelse skal inkludere …", as letters
 * write) is not a heading.
 */
import type { GoalAssessment } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { type ExtractContext, sectionAt } from '../context.js';
import { reportLayout } from '../goals/report-goals.js';

const HEADING_RE =
  /^(?:(?:samlet|overordnet|\p{L}*(?:direktoratet|tilsynet|instituttet|verket|etaten)s|virksomhetens)\s+)?(?:vurdering\s+av\s+)?m[åa]loppn[åa]elsen?(?:\s+(?:i|for)\s+[\p{L}\d ]{1,40})?\s*(?::\s*(.*))?$/iu;

interface Heading {
  index: number;
  /** Text after a run-in label ("Måloppnåelse: …"), or null for a heading on its own line. */
  runIn: string | null;
}

function headingAt(text: string): Heading['runIn'] | undefined {
  if (text.length > 400 || !/^\p{L}/u.test(text) || !/m[åa]loppn[åa]else/iu.test(text.slice(0, 60)))
    return undefined;
  const m = HEADING_RE.exec(text);
  if (!m) return undefined;
  const runIn = m[1]?.trim() ?? '';
  if (runIn === '') return /[.,;]$/.test(text) ? undefined : null;
  // A run-in label opens a sentence: "Måloppnåelse: Direktoratet vurderer …".
  return /^\p{Lu}/u.test(runIn) ? runIn : undefined;
}

function assessmentText(
  lines: readonly Line[],
  h: Heading,
  end: number,
  isTemplateHeading: (text: string) => boolean,
): { text: string; lines: [number, number] } {
  const parts: string[] = [];
  let first = lines[h.index]!.no;
  let last = first;
  if (h.runIn) parts.push(h.runIn);
  else first = -1;
  for (let i = h.index + 1; i < end; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    if (isTemplateHeading(t) || headingAt(t) !== undefined) break;
    parts.push(t);
    if (first === -1) first = lines[i]!.no;
    last = lines[i]!.no;
  }
  if (first === -1) first = lines[h.index]!.no;
  return { text: parts.join('\n'), lines: [first, Math.max(first, last)] };
}

/** Index just after the last line of a goal area (its `lines[1]`), from `from` on. */
function indexAfter(lines: readonly Line[], from: number, lastNo: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.no <= lastNo) i++;
  return i;
}

export function goalAssessments(ctx: ExtractContext): GoalAssessment[] {
  if (ctx.document.type !== 'arsrapport' && ctx.document.type !== 'ukjent') return [];
  const { lines } = ctx;
  const headings: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    const runIn = headingAt(t);
    if (runIn !== undefined) headings.push({ index: i, runIn });
  }
  if (headings.length === 0) return [];
  const { goals, isTemplateHeading } = reportLayout(lines, ctx.sections);
  const out: GoalAssessment[] = [];
  if (goals.length === 0) {
    for (const h of headings) {
      const section = sectionAt(ctx.sections, lines[h.index]!.no);
      const { text, lines: range } = assessmentText(lines, h, lines.length, isTemplateHeading);
      if (text === '') continue;
      ctx.warn(
        'goal_assessment_unplaced',
        'Fant en vurdering av måloppnåelse, men ingen målområder å knytte den til; knytter den til kapitlet.',
        lines[h.index]!.no,
      );
      out.push({ goal: section?.number ?? '', text, lines: range });
    }
    return out;
  }
  // Goal areas are in line order and do not overlap; walk headings and areas together.
  let g = 0;
  for (const h of headings) {
    const no = lines[h.index]!.no;
    while (g < goals.length && goals[g]!.lines[1] < no) g++;
    const goal = goals[g];
    // Outside part III's goal areas ("Måloppnåelse i 2023" about a subordinate agency in part VII).
    if (!goal || goal.lines[0] > no) continue;
    const end = indexAfter(lines, h.index, goal.lines[1]);
    const { text, lines: range } = assessmentText(lines, h, end, isTemplateHeading);
    if (text === '') {
      ctx.warn(
        'goal_assessment_empty',
        `Overskriften om måloppnåelse for mål ${goal.number} har ingen tekst.`,
        no,
      );
      continue;
    }
    out.push({ goal: goal.number, text, lines: range });
  }
  return out;
}
