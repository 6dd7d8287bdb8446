/**
 * Text whose line breaks were lost: some archives store a letter's extracted text with a whole page (or
 * the whole letter) on one line. Headings, assignment headers and "Frist:" clauses then sit in the
 * middle of a line, where no stage looks for them. A line that holds several such layout cues is cut
 * back into lines at the cues; the pipeline warns that it did so (`text_flattened`).
 *
 * Cues, each only where a printed line would have started:
 * - a numbered heading ("2.1 Folkehelse", "3. Budsjett") not preceded by a word that makes the number a
 *   reference ("kap. 3", "Meld. St. 5"); the heading ends where the next sentence starts (a capitalised
 *   word followed by a lower-case one);
 * - a goal label ("Mål 2:"), the letter's title after its date, "Med hilsen";
 * - an assignment ID ("TB2026-4", "ID: OPP2025-7") followed by a capitalised word, after the end of a
 *   sentence or the heading "Oppdrag", or anywhere when a department label follows it ("Avd. KKD:");
 *   a reference in prose ("se TB2024-67 Nasjonal …") is none of these;
 * - "Frist:", a bullet "•", a page footer "Side 3 av 12".
 */

/**
 * A paragraph of a normal letter can be long and may hold one cue ("… innen fristen. Frist: 1. mai");
 * a flattened page holds several. The shorter the line, the more cues it takes.
 */
const MIN_LENGTH = 300;
const MIN_CUES_SHORT = 3;
const LONG = 1200;
const MIN_CUES = 2;
/** Longer than any paragraph: flattened even without cues (the warning says so). */
export const SURELY_FLATTENED = 6000;

const ID = String.raw`(?:ID:?\s*)?[A-ZÆØÅ]{1,5}\d{4}\s?[-–]\s?\d{1,3}(?![\d-])`;
/** A number after these words is a reference ("kap. 3 Budsjett", "Meld. St. 5 En …"), not a heading. */
const REFERENCE_WORD = String.raw`(?:\b(?:kap|post|punkt|pkt|tabell|side|nr|kapittel|figur|vedlegg|jf|art|ledd|St|S|mål|Mål|trinn|fase|del|steg)\.?|§)`;
const HEADING_NUMBER = String.raw`(?:[1-9]|1\d)(?:\.\d{1,2}){0,3}\.?`;
const DOTTED_NUMBER = String.raw`(?:[1-9]|1\d)(?:\.\d{1,2}){1,3}\.?`;

const HEADING_AFTER = String.raw`(?<=\s)(?<!${REFERENCE_WORD}\s+)`;
/** A heading's first word: capitalised, or all capitals ("1. INNLEDNING"). */
const HEADING_TEXT = String.raw`\s+\p{Lu}(?:\p{Ll}|\p{Lu}{3,}\b)`;
/** Cues that show a flattened page; each alternative is anchored after a sentence end or whitespace. */
const STRONG_CUES = [
  // "3. Budsjett" after a sentence; "2.1 Folkehelse" anywhere. A paragraph's inline list ("temaer:
  // 1. Revisjon, 2. Anskaffelser") has neither.
  String.raw`(?<=[.!?]\s+)(?=${HEADING_NUMBER}${HEADING_TEXT})`,
  String.raw`${HEADING_AFTER}(?=${DOTTED_NUMBER}${HEADING_TEXT})`,
  String.raw`(?<=[.!?»”"]\s+|\bOppdrag\s+)(?=${ID}\s+\p{Lu})`,
  String.raw`\s+(?=${ID}\s+(?:Avd\.|Avdeling|Eieravdeling|Ansvarlig)\s)`,
  String.raw`\s+(?=Frist(?:er)?\s*:)`,
  String.raw`\s+(?=(?:Side|side)\s+\d{1,3}(?:\s+av\s+\d{1,3})\b)`,
];
const STRONG_RE = new RegExp(STRONG_CUES.join('|'), 'gu');
/**
 * Where a flattened line is cut: the strong cues, and lines that also start in ordinary paragraphs
 * (a bullet, a goal label, a top-level heading after a heading or a date, the title, "Med hilsen").
 */
const CUE_RE = new RegExp(
  [
    ...STRONG_CUES,
    String.raw`${HEADING_AFTER}(?=${HEADING_NUMBER}${HEADING_TEXT})`,
    String.raw`\s+(?=Mål\s+\d{1,2}\s*:)`,
    String.raw`(?<=\d{4}\s+|[.!?]\s+)(?=(?:Tildelingsbrev|Supplerende tildelingsbrev|Oppdragsbrev|Oppdragsdokument)\b)`,
    String.raw`\s+(?=Med (?:vennlig )?hilsen\b)`,
    String.raw`\s+(?=•\s)`,
  ].join('|'),
  'gu',
);

const HEADING_START_RE = new RegExp(String.raw`^${HEADING_NUMBER}\s+\p{Lu}`, 'u');
const DOTTED_START_RE = new RegExp(String.raw`^${DOTTED_NUMBER}\s+\p{Lu}`, 'u');
const ID_START_RE = new RegExp(String.raw`^${ID}\s`, 'u');
const FOOTER_START_RE = /^(?:Side|side)\s+\d{1,3}\s+av\s+\d{1,3}\b/;
/** The first sentence after a heading: a capitalised word followed by a lower-case word. */
const NEXT_SENTENCE_RE = /\s+(?=\p{Lu}\p{Ll}*-?\s+\p{Ll})/gu;
/** Headings are short; a heading with no sentence after it within this many words stays whole. */
const MAX_HEADING_WORDS = 20;

function cueCount(text: string, enough: number): number {
  let n = 0;
  for (const _ of text.matchAll(STRONG_RE)) if (++n >= enough) break;
  return n;
}

/** Whether a line is long enough to be cut once the document is known to be flattened. */
export function mayBeFlattened(text: string): boolean {
  return text.length >= MIN_LENGTH && !text.includes('\t');
}

/**
 * Whether one source line is a flattened page (or more) rather than a paragraph. One such line makes
 * the whole document flattened: its other long lines are cut too, even a page that is all table.
 */
export function isFlattened(text: string): boolean {
  if (!mayBeFlattened(text)) return false;
  if (text.length >= SURELY_FLATTENED) return true;
  const needed = text.length >= LONG ? MIN_CUES : MIN_CUES_SHORT;
  return cueCount(text, needed) >= needed;
}

/**
 * A piece that starts with a heading or an assignment header: cut the heading (or the header's title)
 * off where the first sentence starts.
 */
function splitHead(piece: string): string[] {
  let head = 0;
  // A sub-section heading ("3.5 …") stands between blank lines, as printed; "6. …" may as well be an
  // item of a numbered list inside an assignment, so it is cut but not set apart.
  if (DOTTED_START_RE.test(piece)) return ['', ...splitTitle(piece, piece.indexOf(' '), true), ''];
  if (HEADING_START_RE.test(piece)) return splitTitle(piece, piece.indexOf(' '), false);
  else if (ID_START_RE.test(piece)) head = ID_START_RE.exec(piece)![0].length;
  else if (FOOTER_START_RE.test(piece)) {
    const footer = FOOTER_START_RE.exec(piece)![0];
    return [footer, piece.slice(footer.length).trim()].filter((p) => p !== '');
  } else return [piece];
  return splitTitle(piece, head, false);
}

/** Cut a heading (or an assignment header's title) off where the first sentence after it starts. */
function splitTitle(piece: string, head: number, heading: boolean): string[] {
  NEXT_SENTENCE_RE.lastIndex = head + 1;
  let m = NEXT_SENTENCE_RE.exec(piece);
  // "TB2026-4 Avd. HOD: FHA Oppfølging av …": the title after a department label is not the body.
  if (m && !HEADING_START_RE.test(piece) && piece.slice(head, m.index).includes(':'))
    m = NEXT_SENTENCE_RE.exec(piece);
  if (!m) return [piece];
  const title = piece.slice(0, m.index);
  if (title.split(/\s+/).length > MAX_HEADING_WORDS) return [piece];
  return heading
    ? [title, '', piece.slice(m.index + m[0].length)]
    : [title, piece.slice(m.index + m[0].length)];
}

/** Cut a flattened line back into lines at its layout cues. */
export function splitFlattened(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const m of text.matchAll(CUE_RE)) {
    const cut = m.index;
    if (cut > last) pieces.push(text.slice(last, cut));
    last = cut + m[0].length;
  }
  pieces.push(text.slice(last));
  return pieces
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .flatMap(splitHead);
}
