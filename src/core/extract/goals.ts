/**
 * Goals (mål / hovedmål) with their evaluation criteria, steering parameters and key figures.
 *
 * Two layouts:
 * - "Mål 1: Folkehelsearbeidet er kunnskapsbasert og tverrsektorielt" followed by labelled item lists
 *   (2022, 2024): the goal runs until the next goal or the next heading.
 * - A numbered list introduced by "… følgende hovedmål:" (2025), each goal then having a section of its
 *   own ("3.1. Folkehelsearbeidet er kunnskapsbasert …") with subsections "Styringsparametere",
 *   "Nøkkeltall" and "Oppdrag"; the goal covers its section up to the "Oppdrag" subsection.
 * - Unnumbered long-term goals per area ("2.1.1 Langsiktige mål:" bullets, 2014): see goals/area-goals.ts.
 * An annual report reports per goal area instead: see goals/report-goals.ts.
 */
import type { Goal, Section } from '../model/extraction.js';
import type { Line } from '../text/lines.js';
import { type ExtractContext, sectionAt } from './context.js';
import { areaGoals } from './goals/area-goals.js';
import { readGoalItems } from './goals/items.js';
import { type ListedGoal, readMainGoalLists } from './goals/main-goal-list.js';
import { reportGoals } from './goals/report-goals.js';
import { rangeIndices } from './sections/line-index.js';
import { titleTail } from './sections/title-wrap.js';
import { titleKey } from './sections/toc.js';

// "Mål 1: …", "Mål 12 – …", "Hovedmål 3: …", and in older letters "Virksomhetsmål 1: …"
const GOAL_RE = /^(?:Hoved|Virksomhets)?[Mm]ål (\d{1,2})\s*[:.–-]\s*(\p{Lu}.*)$/u;
const MAX_TITLE_WRAPS = 2;

export function extractGoals(ctx: ExtractContext): Goal[] {
  if (ctx.document.type === 'arsrapport') {
    const areas = reportGoals(ctx.lines, ctx.sections);
    if (areas.length === 0) {
      ctx.warn(
        'goals_none_found',
        'Fant ingen målområder i årsrapporten (en kort overskrift fulgt av en underoverskrift eller en indikator som «Vurderingskriterier …»).',
        null,
      );
    }
    return areas;
  }
  let goals = labelledGoals(ctx);
  if (goals.length === 0) goals = listedGoals(ctx);
  if (goals.length === 0) goals = areaGoals(ctx.lines, ctx.sections, ctx.warn);
  if (goals.length === 0 && ctx.document.type === 'tildelingsbrev') {
    // Every allocation letter states goals; none read means their layout was not recognised.
    ctx.warn(
      'goals_none_found',
      'Fant ingen mål i tildelingsbrevet (verken «Mål 1: …», en nummerert liste etter «… følgende mål:» eller «Langsiktige mål»).',
      null,
    );
  }
  checkNumbering(ctx, goals);
  return goals;
}

/** Sorted first-line indices of every section, to end a goal at the next heading. */
function headingIndices(lines: readonly Line[], sections: readonly Section[]): number[] {
  const firsts = new Set(sections.map((s) => s.lines[0]));
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (firsts.has(l.no) && l.text !== '' && (i === 0 || lines[i - 1]!.no !== l.no)) out.push(i);
  }
  return out;
}

function labelledGoals(ctx: ExtractContext): Goal[] {
  const { lines } = ctx;
  const starts: { index: number; number: string; title: string; titleEnd: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (
      !text.startsWith('Mål') &&
      !text.startsWith('mål') &&
      !text.startsWith('Hovedmål') &&
      !text.startsWith('Virksomhetsmål')
    )
      continue;
    const m = GOAL_RE.exec(text);
    if (!m) continue;
    let title = m[2]!.trim();
    let titleEnd = i;
    // "Mål 4: … av god kvalitet i hele" + "landet"; the paragraph below may share the last title line.
    for (let w = 0; w < MAX_TITLE_WRAPS; w++) {
      let j = titleEnd + 1;
      while (j < lines.length && lines[j]!.text === '' && j - titleEnd < 3) j++;
      const next = lines[j]?.text ?? '';
      if (!/^\p{Ll}/u.test(next) || next.length > 100) break;
      const { tail, complete } = titleTail(next);
      if (tail === '') break;
      title = `${title} ${tail}`;
      titleEnd = j;
      if (complete) break;
    }
    starts.push({ index: i, number: m[1]!, title: title.replace(/\.$/, ''), titleEnd });
  }
  if (starts.length === 0) return [];
  const headings = headingIndices(lines, ctx.sections);
  const goals: Goal[] = [];
  let h = 0;
  for (let g = 0; g < starts.length; g++) {
    const s = starts[g]!;
    while (h < headings.length && headings[h]! <= s.index) h++;
    const nextGoal = starts[g + 1]?.index ?? lines.length;
    const nextHeading = headings[h] ?? lines.length;
    const end = Math.min(nextGoal, nextHeading) - 1;
    const items = readGoalItems(lines, s.titleEnd + 1, end, (msg, line) =>
      ctx.warn('goal_list_empty', msg, line),
    );
    let last = end;
    while (last > s.index && lines[last]!.text === '') last--;
    goals.push({
      number: s.number,
      title: s.title,
      section: sectionAt(ctx.sections, lines[s.index]!.no)?.number ?? null,
      criteria: items.criteria,
      steeringParameters: items.steeringParameters,
      keyFigures: items.keyFigures,
      lines: [lines[s.index]!.no, lines[last]!.no],
    });
  }
  return goals;
}

/** 2025 layout: the numbered hovedmål list, each goal matched to the section carrying its title. */
/** The list whose goals have the most sections of their own; the first list on a tie. */
function ownGoalList(lists: readonly ListedGoal[][], sections: readonly Section[]): ListedGoal[] {
  let best: ListedGoal[] = lists[0] ?? [];
  let bestScore = -1;
  for (const list of lists) {
    const score = list.filter((g) => goalSection(sections, g.title, g.lastLine) !== null).length;
    if (score > bestScore) [best, bestScore] = [list, score];
  }
  return best;
}

function listedGoals(ctx: ExtractContext): Goal[] {
  const { lines, sections } = ctx;
  const listed = ownGoalList(readMainGoalLists(lines), sections);
  const goals: Goal[] = [];
  for (const item of listed) {
    const own = goalSection(sections, item.title, item.lastLine);
    if (!own) {
      ctx.warn(
        'goal_section_missing',
        `Fant ikke eget kapittel for hovedmål ${item.number} «${item.title}».`,
        item.firstLine,
      );
      goals.push({
        number: item.number,
        title: item.title,
        section: sectionAt(sections, item.firstLine)?.number ?? null,
        criteria: [],
        steeringParameters: [],
        keyFigures: [],
        lines: [item.firstLine, item.lastLine],
      });
      continue;
    }
    // The goal's part of its section ends where the "Oppdrag" subsection begins.
    const assignments = sections.find(
      (s) =>
        s.level === own.level + 1 && s.number.startsWith(`${own.number}.`) && /^Oppdrag\b/i.test(s.title),
    );
    const lastNo = assignments ? assignments.lines[0] - 1 : own.lines[1];
    const [from, to] = rangeIndices(lines, [own.lines[0], lastNo]) ?? [0, 0];
    const items = readGoalItems(lines, from + 1, to, (msg, line) => ctx.warn('goal_list_empty', msg, line));
    let last = to;
    while (last > from && lines[last]!.text === '') last--;
    goals.push({
      number: item.number,
      title: item.title,
      section: own.number,
      criteria: items.criteria,
      steeringParameters: items.steeringParameters,
      keyFigures: items.keyFigures,
      lines: [own.lines[0], lines[last]!.no],
    });
  }
  return goals;
}

/** A section title shorter than this (in characters of its key) never matches a goal by its start alone. */
const MIN_PREFIX_KEY = 25;

/**
 * The section that carries a listed goal's title, after the list. The heading's wrapped title may have
 * lost its tail or taken in the first words of the paragraph below it when the text was wrapped
 * differently: "3.5. Pasienter, brukere … på tvers av fagområder og" + "forvaltningsnivå I rapportering og
 * vurdering av måloppnåelse" reads as a longer title, "3.6. … blir involvert av" + "helsepersonell …
 * tjenestene. I" stops at the sentence break. So an exact title wins, else the first section whose title
 * and the goal's title agree word by word as far as the shorter of them goes.
 */
function goalSection(sections: readonly Section[], title: string, after: number): Section | undefined {
  const key = titleKey(title);
  let byStart: Section | undefined;
  for (const s of sections) {
    if (s.lines[0] <= after || s.level < 2) continue;
    const sk = titleKey(s.title);
    if (sk === key) return s;
    if (byStart || Math.min(sk.length, key.length) < MIN_PREFIX_KEY) continue;
    if (sk.startsWith(`${key} `) || key.startsWith(`${sk} `)) byStart = s;
  }
  return byStart;
}

function checkNumbering(ctx: ExtractContext, goals: readonly Goal[]): void {
  let expected = 1;
  for (const g of goals) {
    const n = Number(g.number);
    if (n !== expected) {
      ctx.warn(
        'goal_gap',
        `Mål ${g.number} følger etter mål ${expected - 1}; nummereringen hopper.`,
        g.lines[0],
      );
    }
    expected = n + 1;
  }
}
