/**
 * Splitting one logical line into clauses (sentences and table cells). A deadline word governs only the
 * dates of its own clause: in "Frist 1. april 2022. Delleveranser avklares nærmere." the second sentence
 * has no deadline, and in a table row `15. mars⇥Frist for oversendelse …` the cells are separate.
 */
import type { DateMatch } from '../dates.js';

export interface Clause {
  start: number;
  /** Exclusive; the closing full stop, if any, lies inside. */
  end: number;
}

// A full stop after these words does not end a sentence: "jf. TB2022-44", "Meld. St. 15", "ev. utsettelse".
const ABBREVIATION =
  /(?:^|[^\p{L}])(?:jf|jfr|ev|evt|kap|pkt|nr|ca|mill|mrd|kr|st|meld|prop|innst|dvs|mv|osv|inkl|ifm|avd|dep|kl|pr|ref|vedr|iht|ila|bl\.a|f\.eks|m\.m|[\p{Lu}])$/iu;

/** Clauses of `text`, in order, covering it without gaps. */
export function splitClauses(text: string, dates: readonly DateMatch[]): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let k = 0;
  // `dates` is sorted; the last character of a date may close the sentence ("Frist 1.2. Helsedirektoratet").
  const insideDate = (pos: number): boolean => {
    while (k < dates.length && (dates[k]?.end ?? 0) - 1 <= pos) k++;
    const d = dates[k];
    return d !== undefined && d.start <= pos;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\t') {
      out.push({ start, end: i });
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // A sentence ends where the next word starts with a capital: "… 2024. Ev. utsettelse avtales".
    let j = i + 1;
    while (j < text.length && (text[j] === ' ' || text[j] === '\u00a0')) j++;
    if (j === i + 1 || j >= text.length) continue;
    const next = text[j] ?? '';
    if (!/[\p{Lu}«"]/u.test(next)) continue;
    if (c === '.' && (ABBREVIATION.test(text.slice(Math.max(0, i - 8), i)) || insideDate(i))) continue;
    out.push({ start, end: i + 1 });
    start = i + 1;
  }
  out.push({ start, end: text.length });
  return out;
}
