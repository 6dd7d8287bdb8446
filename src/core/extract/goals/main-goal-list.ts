/**
 * A numbered list of main goals introduced by a line such as
 * "Helsedirektoratet skal innrette sin virksomhet med sikte på å nå følgende hovedmål:" (2025),
 * items wrapping over lines: "2. Befolkningen har gode levevaner … helsefremmende" + "lokalsamfunn".
 */
import type { Line } from '../../text/lines.js';

export interface ListedGoal {
  number: string;
  title: string;
  firstLine: number;
  lastLine: number;
}

const INTRO_RE = /\bhovedmål(?:ene)?\b[^.]*:$/i;
const ITEM_RE = /^(\d{1,2})[.)]\s+(\p{Lu}.*)$/u;
const DANGLING_RE = /(?:^|\s)(?:av|og|i|til|for|med|om|på|fra|ved|som|samt|eller|mellom)$/;
/** How many non-blank lines may separate the intro from the first item. */
const INTRO_GAP = 3;

export function readMainGoalList(lines: readonly Line[]): ListedGoal[] {
  for (let i = 0; i < lines.length; i++) {
    if (!INTRO_RE.test(lines[i]!.text)) continue;
    const goals = readList(lines, i + 1);
    if (goals.length >= 2) return goals;
  }
  return [];
}

function readList(lines: readonly Line[], from: number): ListedGoal[] {
  const out: ListedGoal[] = [];
  let seenBefore = 0;
  for (let j = from; j < lines.length; j++) {
    const text = lines[j]!.text;
    if (text === '') continue;
    const m = ITEM_RE.exec(text);
    if (m && Number(m[1]) === out.length + 1) {
      out.push({ number: m[1]!, title: m[2]!.trim(), firstLine: lines[j]!.no, lastLine: lines[j]!.no });
      continue;
    }
    const cur = out[out.length - 1];
    if (!cur) {
      if (++seenBefore > INTRO_GAP) break;
      continue;
    }
    const continues =
      text.length <= 100 && (/^\p{Ll}/u.test(text) || DANGLING_RE.test(cur.title)) && !ITEM_RE.test(text);
    if (!continues) break;
    cur.title = `${cur.title} ${text}`;
    cur.lastLine = lines[j]!.no;
  }
  for (const g of out) g.title = g.title.replace(/\.$/, '');
  return out;
}
