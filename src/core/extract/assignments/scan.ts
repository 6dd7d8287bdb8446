/** Small line-level predicates shared by the assignment readers. */
import type { Line } from '../../text/lines.js';

/**
 * Lines that carry no content: blanks, footers, the margin line numbers of some PDF exports ("14⇥"),
 * and the dashed rule a markdown table puts under its header row ("------⇥-----⇥----").
 */
export function isNoise(line: Line): boolean {
  const t = line.text;
  if (t === '' || line.footer) return true;
  if (/^\d{1,3}\t\s*$/.test(t)) return true;
  if (/^[-\t ]+$/.test(t) && t.includes('-') && (t.includes('\t') || t.length >= 3)) return true;
  return /^\t+$/.test(t);
}

/** Text of a line without the empty cells an HTML export leaves at its end ("Frist: 1. juni 2024.⇥⇥"). */
export function plain(line: Line): string {
  const t = line.text;
  if (!t.includes('\t')) return t.trim();
  return t.replace(/\t+$/, '').replace(/\t+/g, ' ').trim();
}

/** Index of the next content line at or after `from` (skipping noise), or -1; `max` limits the skip. */
export function nextContent(lines: readonly Line[], from: number, max = 8): number {
  for (let j = from, seen = 0; j < lines.length && seen <= max; j++, seen++) {
    if (!isNoise(lines[j]!)) return j;
  }
  return -1;
}

/** Index of the previous content line before `from`, or -1. */
export function prevContent(lines: readonly Line[], from: number, max = 8): number {
  for (let j = from - 1, seen = 0; j >= 0 && seen <= max; j--, seen++) {
    if (!isNoise(lines[j]!)) return j;
  }
  return -1;
}

/** A list item or a numbered/lettered sub-task marker at the start of a line. */
export const LIST_MARKER_RE =
  /^(?:[-•–✓o▪]\s+|\(?[a-zæøå]\)\s*|\(?\d{1,2}\)\s*|\d{1,2}\.(?!\d)\s*|[a-z]\.\s+|[ivx]{1,4}\.\s+|(?:Del|Deloppdrag|Pkt\.?|Punkt)\s+\d{1,2}\b)/;

/**
 * Status and deadline lines that open a body, never continue a title; also a sentence opening with the
 * agency's name ("Miljødirektoratet skal …", "Arbeidstilsynet bes …"), whichever agency the letter is for.
 */
export const BODY_OPENER_RE =
  /^(?:Frist|Fristen|Frister|Ny frist|Videreføres|Viderefores|Avsluttes|Utgår|Ferdigstilt|Oppdraget|Det vises|Departementet|Direktoratet|\p{Lu}\p{Ll}*(?:direktoratet|tilsynet|instituttet|verket|etaten))(?![\p{L}\d])/u;

/**
 * A short unnumbered heading ("Folkehelse", "Kompetanse og personell", "Endringer i frister"): letters
 * only, a few words, no sentence punctuation. Supplementary letters group their assignments under them.
 */
export function headingLike(text: string): boolean {
  if (text.length < 3 || text.length > 60) return false;
  if (!/^\p{Lu}/u.test(text)) return false;
  if (/[.:;!?]$/.test(text) || /\d/.test(text)) return false;
  if (text.split(/\s+/).length > 7) return false;
  return /^[\p{L}\s,\-–/()]+$/u.test(text);
}

/** Numbered section headings: "2.1.2 Oppdrag", "3.2. Befolkningen …", "3 Internasjonalt samarbeid". */
const MULTI_HEADING_RE = /^\d{1,2}(?:\.\d{1,2}){1,4}\.?\s+\p{Lu}/u;
const SINGLE_HEADING_RE = /^\d{1,2}\s+\p{Lu}[\p{L}\s,\-–]{2,80}$/u;
const LETTER_CLOSE_RE = /^(?:Med (?:vennlig )?hilsen|Vennlig hilsen)\b/i;
const APPENDIX_RE = /^Vedlegg\s+(?:[IVX]{1,5}|\d{1,2})\b/;

/**
 * A numbered heading by its shape. Single-level numbers ("3 Internasjonalt samarbeid") are also how table
 * rows start ("1 Dataregistrering I tråd med …"), so they count only when `singleLevel` allows it (the
 * section reader found no headings to confirm them).
 */
export function numberedHeading(text: string, singleLevel = true): boolean {
  if (text.length > 160 || text.includes('\t')) return false;
  if (MULTI_HEADING_RE.test(text)) return !/[,;]$/.test(text);
  return singleLevel && SINGLE_HEADING_RE.test(text);
}

/** Lines that end any record: the letter's closing and appendix headings. */
export function closesLetter(text: string): boolean {
  return LETTER_CLOSE_RE.test(text) || APPENDIX_RE.test(text);
}

/** "Tidligere gitte oppdrag som ikke er ferdigstilt", "… som ikke er fullført og derfor gjentas." */
export const CARRIED_HEADING_RE =
  /^(?:Tidligere\s+(?:gitte\s+)?oppdrag|Oppdrag\s+(?:som\s+)?(?:videreføres|ikke\s+er\s+ferdigstilt)|Videreførte\s+oppdrag|Pågående\s+oppdrag\s+fra\s+tidligere)/;
/**
 * An unnumbered heading that opens a part of the letter holding no assignments: "Budsjettendringer",
 * "Fullmakter", "Styringskalender". Supplementary letters print them without numbers, and an HTML page
 * has no blank line before them, so they must end the assignment above by their wording.
 */
export const LETTER_PART_HEADING_RE =
  /^(?:Budsjett(?:endringer|et|rammer)?|Endringer i (?:budsjettet|tildelingen)|Økonomiske rammer|Tildeling(?:er)?|Fullmakter|Styringskalender)(?:\s+og\s+(?:budsjett|fullmakter|tildeling|rapportering)\p{L}*)?$/iu;

/** A heading that opens a list of new assignments again. */
export const NEW_HEADING_RE =
  /^(?:(?:Nye|Spesielle|Særskilte|Særlige|Andre|Øvrige)\s+(?:tilleggs)?oppdrag|(?:Nye\s+)?tilleggsoppdrag)\s*:?$/i;

/** "Oppdrag:" alone: a label over a list of assignments when a header follows, else a word in a body. */
export const BARE_LABEL_RE = /^Oppdrag\s*:$/;

/**
 * What a label line of a supplementary letter says about the assignments listed under it:
 *   "Nye oppdrag:", "Oppdrag:"                                          → new
 *   "Presisering av tidligere oppdrag:", "Presiseringer av oppdrag"      → clarifies
 *   "Endring i frister:", "Endringer i tidligere gitte oppdrag:",
 *   "Presiseringer og endringer av tidligere gitte oppdrag:"             → changes
 *   "Oppdrag som utgår:", "Oppdrag som trekkes tilbake", "Tilbaketrukne oppdrag" → withdrawn
 */
export type SectionMode = 'new' | 'clarifies' | 'changes' | 'withdrawn';

const PREVIOUS = String.raw`(?:(?:tidligere|allerede)\s+(?:gitte?\s+)?)?(?:oppdrag(?:ene)?|tilleggsoppdrag)`;
const CLARIFY_LABEL_RE = new RegExp(
  String.raw`^(?:Presisering(?:er)?|Spesifisering(?:er)?|Utdyping(?:er)?)\s+(?:(?:av|i|til)\s+)?${PREVIOUS}\s*:?$`,
  'iu',
);
const CHANGE_LABEL_RE = new RegExp(
  String.raw`^(?:(?:Presisering(?:er)?\s+og\s+)?endring(?:er)?(?:\s+og\s+presisering(?:er)?)?\s+(?:(?:av|i|til)\s+)?(?:frister?|${PREVIOUS})|(?:Endrede|Nye|Utsatte)\s+frister|Utsettelse\s+av\s+frister?|Frister\s+som\s+endres)\s*:?$`,
  'iu',
);
const WITHDRAW_LABEL_RE =
  /^(?:Oppdrag\s+som\s+(?:utgår|bortfaller|trekkes(?:\s+tilbake)?|avsluttes)|(?:Tilbaketrukne|Utgåtte|Bortfalte|Avsluttede)\s+oppdrag|Tilbaketrekking\s+av\s+oppdrag)\s*:?$/iu;

// How every label ends, with or without a colon ("… oppdrag:", "… frister", "Oppdrag som utgår:"): a
// cheap test first.
const LABEL_END_RE = /(?:oppdrag(?:ene)?|frister?|utgår|bortfaller|tilbake|trekkes|avsluttes|endres)\s*:?$/iu;

export function sectionMode(text: string): SectionMode | null {
  if (text.length > 80 || !LABEL_END_RE.test(text)) return null;
  if (NEW_HEADING_RE.test(text)) return 'new';
  if (CLARIFY_LABEL_RE.test(text)) return 'clarifies';
  if (CHANGE_LABEL_RE.test(text)) return 'changes';
  if (WITHDRAW_LABEL_RE.test(text)) return 'withdrawn';
  return null;
}

const CONNECTOR_END_RE =
  /(?:^|\s)(?:og|eller|samt|som|for|av|i|til|med|om|på|mot|fra|ved|under|over|etter|innen|blant|mellom|uten|hos|gjennom|en|et|ett|de|den|det|der|når|at|å|the|of|and)$|[-–—,/:(&]$/i;

/** A title piece that cannot end a title ("… forebyggings- og", "… barn og unge i risiko for"). */
export function endsWithConnector(text: string): boolean {
  return CONNECTOR_END_RE.test(text.trim());
}

export function endsSentence(text: string): boolean {
  return /[.!?»"”)]\s*$/.test(text);
}
