/**
 * A numbered list of main goals introduced by a line that names goals and ends in a colon, such as
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

// The intro names goals in any wording ("følgende hovedmål:", "følgende mål:", "overordnede mål:",
// "virksomhetsmålene er:"); a numbered list of at least two items must follow (readList), which keeps a
// stray "…mål:" in prose from opening a list.
const INTRO_RE =
  /(?<!\p{L})(?:hoved|virksomhets|overordnede?\s+|langsiktige?\s+|strategiske?\s+)?mål(?:ene|a)?(?!\p{L})[^.]*:$/iu;
const ITEM_RE = /^(\d{1,2})[.)]\s+(\p{Lu}.*)$/u;
const DANGLING_RE = /(?:^|\s)(?:av|og|i|til|for|med|om|på|fra|ved|som|samt|eller|mellom)$/;
/** How many non-blank lines may separate the intro from the first item. */
const INTRO_GAP = 3;

/**
 * Every numbered list (≥ 2 items) under an intro that names goals. A letter may print more than one:
 * "De overordnede målene for helse- og omsorgssektoren er:" (the sector's goals) before "… følgende
 * hovedmål:" (the agency's); the caller keeps the list whose goals the letter goes on to treat in
 * sections of their own. A numbered heading ("2.1.1 Langsiktige mål:") is a section, not an intro.
 */
export function readMainGoalLists(lines: readonly Line[]): ListedGoal[][] {
  const out: ListedGoal[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text.endsWith(':') || !/mål/i.test(text) || !INTRO_RE.test(text) || /^\d/.test(text)) continue;
    const goals = readList(lines, i + 1);
    if (goals.length >= 2) out.push(goals);
  }
  return out;
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
