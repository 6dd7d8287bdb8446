/**
 * Names of the ministry and the agency a steering document is between, read from the letterhead or,
 * when the export lost it, from how often each is named in the text.
 */
import type { Line } from '../../text/lines.js';

// "HELSE- OG OMSORGSDEPARTEMENT", "KLIMA- OG FRILUFTSDEPARTEMENTET" (the letterhead, often below
// "DET KONGELIGE").
const LETTERHEAD_RE = /^(?:DET KONGELIGE\s+)?([\p{Lu}][\p{Lu}\s,-]*DEPARTEMENT(?:ET)?)$/u;
// "Helse- og omsorgsdepartementet", "Barne-, ungdoms- og familiedepartementet", "Finansdepartementet";
// "Helsedirektoratet", "Friluftsdirektoratet" ("Statens helsetilsyn" is not counted: only one-word agency
// names with a typical suffix are). Names are found from their suffix backwards, which is much cheaper
// than matching a name pattern at every capital letter of the text.
const SCAN_LINES = 1500;
/** Enough text to count the parties in: an annual report prints a whole paragraph per line. */
const SCAN_CHARS = 100_000;
const MINISTRY_SUFFIXES = ['departementet'];
const AGENCY_SUFFIXES = ['direktoratet', 'tilsynet', 'instituttet', 'verket', 'etaten'];
// The first words of a compound ministry name before the word with the suffix: "Helse- og ",
// "Barne-, ungdoms- og ".
const COMPOUND_HEAD_RE = /\p{Lu}\p{Ll}*-(?:, \p{Ll}+-)* og $/u;

/** The word that ends at `end` (letters only), or '' when a letter or hyphen runs on before it. */
function wordBefore(text: string, end: number): { word: string; start: number } {
  let i = end;
  // A cased letter differs from its other case; Norwegian names contain no uncased letters.
  while (i > 0 && end - i < 60) {
    const c = text[i - 1]!;
    if (c.toLowerCase() === c.toUpperCase()) break;
    i--;
  }
  return { word: text.slice(i, end), start: i };
}

function ministryAt(text: string, end: number): string | null {
  const { word, start } = wordBefore(text, end);
  if (/^\p{Lu}\p{Ll}+$/u.test(word)) return start > 0 && text[start - 1] === '-' ? null : word;
  if (!/^\p{Ll}+$/u.test(word)) return null;
  const head = COMPOUND_HEAD_RE.exec(text.slice(Math.max(0, start - 60), start));
  return head ? head[0] + word : null;
}

function agencyAt(text: string, end: number): string | null {
  const { word, start } = wordBefore(text, end);
  if (start > 0 && text[start - 1] === '-') return null;
  return /^\p{Lu}\p{Ll}+$/u.test(word) ? word : null;
}

/** "HELSE- OG OMSORGSDEPARTEMENT" → "Helse- og omsorgsdepartementet". */
export function properMinistryName(caps: string): string {
  let name = caps.replace(/\s+/g, ' ').trim().toLowerCase();
  if (name.endsWith('departement')) name += 'et';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function letterheadMinistry(lines: readonly Line[], limit: number): string | null {
  for (let i = 0; i < lines.length && i < limit; i++) {
    const m = LETTERHEAD_RE.exec(lines[i]!.text);
    if (m && m[1]!.length <= 80) return properMinistryName(m[1]!);
  }
  return null;
}

/** A letter (any script) at `i`; a suffix followed by one is inside a longer word. */
function letterAt(text: string, i: number): boolean {
  const c = text[i];
  return c !== undefined && c.toLowerCase() !== c.toUpperCase();
}

function mostFrequent(
  lines: readonly Line[],
  suffixes: readonly string[],
  nameAt: (text: string, end: number) => string | null,
): string | null {
  const counts = new Map<string, number>();
  // The parties are named throughout; the first pages are enough to count them and bound the cost.
  // Plain substring search: a regex with a Unicode look-ahead at every position costs several times more.
  let scanned = 0;
  for (let i = 0; i < lines.length && i < SCAN_LINES && scanned < SCAN_CHARS; i++) {
    const text = lines[i]!.text;
    if (text.length === 0) continue;
    scanned += text.length;
    for (const suffix of suffixes) {
      for (let at = text.indexOf(suffix); at !== -1; at = text.indexOf(suffix, at + suffix.length)) {
        const end = at + suffix.length;
        if (letterAt(text, end)) continue;
        const name = nameAt(text, end);
        if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, n] of counts) {
    if (n > bestCount) {
      best = name;
      bestCount = n;
    }
  }
  return best;
}

export function mostNamedMinistry(lines: readonly Line[]): string | null {
  return mostFrequent(lines, MINISTRY_SUFFIXES, ministryAt);
}

export function mostNamedAgency(lines: readonly Line[]): string | null {
  return mostFrequent(lines, AGENCY_SUFFIXES, agencyAt);
}
