/**
 * Names of the ministry and the agency a steering document is between, read from the letterhead or,
 * when the export lost it, from how often each is named in the text.
 */
import type { Line } from '../../text/lines.js';

// "HELSE- OG OMSORGSDEPARTEMENT", "KLIMA- OG FRILUFTSDEPARTEMENTET" (the letterhead, often below
// "DET KONGELIGE").
const LETTERHEAD_RE = /^(?:DET KONGELIGE\s+)?([\p{Lu}][\p{Lu}\s,-]*DEPARTEMENT(?:ET)?)$/u;
// "Helse- og omsorgsdepartementet", "Barne-, ungdoms- og familiedepartementet", "Finansdepartementet";
// "Helsedirektoratet", "Arbeids- og velferdsdirektoratet" ("Statens helsetilsyn" is not counted: only
// names ending in a typical suffix are; the address block and the title name the others). Names are found from their suffix backwards, which is much cheaper
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

/** "Kystverket", and a compound name like a ministry's: "Arbeids- og velferdsdirektoratet". */
function agencyAt(text: string, end: number): string | null {
  return ministryAt(text, end);
}

// The recipient's address block above the title: "Statens vegvesen" / "Postboks 1010 Nordre Ål" /
// "2605 LILLEHAMMER", or a street line "Drammensveien 288" before the postcode.
const POSTBOX_RE = /^(?:Postboks|Pb\.?|Boks) \d/u;
const POSTCODE_RE = /^\d{4} \p{Lu}/u;
const STREET_RE = /^\p{Lu}[\p{L}. -]{1,40} \d{1,4} ?\p{L}?$/u;
const NOT_A_NAME_RE =
  /^(?:Deres|Vår|Dato|Saksbehandler|Telefon|Til|Kopi)\b|DEPARTEMENT|KONGELIGE|departementet$/u;

function addressName(text: string): boolean {
  return (
    text.length >= 3 &&
    text.length <= 80 &&
    /^\p{Lu}/u.test(text) &&
    !/[\d\t]/.test(text) &&
    !/[.:;,]$/.test(text) &&
    !NOT_A_NAME_RE.test(text)
  );
}

/**
 * The recipient named in the address block on the first page, before `limit` (the title's index): a
 * name line, then street or post-box lines, then a postcode line. The block names the agency however
 * many words its name has ("Statens vegvesen", "Norges forskningsråd"), which counting names by their
 * suffix cannot.
 */
export function addressRecipient(lines: readonly Line[], limit: number): string | null {
  const end = Math.min(lines.length, limit);
  for (let i = 0; i < end; i++) {
    const name = lines[i]!.text;
    if (!addressName(name)) continue;
    let postal = false;
    for (let j = i + 1, seen = 0; j < end && seen < 3; j++) {
      const t = lines[j]!.text;
      if (t === '') continue;
      seen++;
      if (POSTBOX_RE.test(t) || POSTCODE_RE.test(t)) postal = true;
      else if (!STREET_RE.test(t)) break;
      if (POSTCODE_RE.test(t)) break;
    }
    if (postal) return name;
  }
  return null;
}

/** "HELSE- OG OMSORGSDEPARTEMENT" → "Helse- og omsorgsdepartementet". */
function properMinistryName(caps: string): string {
  let name = caps.replace(/\s+/g, ' ').trim().toLowerCase();
  if (name.endsWith('departement')) name += 'et';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The ministry in the letterhead; "A og B" when the letterhead prints two ministries one under the
 * other, as a document co-issued by two ministries does ("HELSE- OG OMSORGSDEPARTEMENTET" /
 * "KUNNSKAPSDEPARTEMENTET" above an oppdragsdokument).
 */
export function letterheadMinistry(lines: readonly Line[], limit: number): string | null {
  for (let i = 0; i < lines.length && i < limit; i++) {
    const m = LETTERHEAD_RE.exec(lines[i]!.text);
    if (!m || m[1]!.length > 80) continue;
    const names = [properMinistryName(m[1]!)];
    for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
      const t = lines[j]!.text;
      if (t === '') continue;
      const more = LETTERHEAD_RE.exec(t);
      if (!more || more[1]!.length > 80) break;
      const name = properMinistryName(more[1]!);
      if (!names.includes(name)) names.push(name);
    }
    return names.join(' og ');
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
