/**
 * Supplementary letters appended to a main letter in one file (a PDF bundle of a tildelingsbrev and the
 * year's "tillegg til tildelingsbrev"). An appended letter is recognised by where it starts:
 *
 * - after the previous letter's closing block ("Med hilsen" / signer / title / "Kopi" / recipients),
 *   when more text follows: "Juliane Mekki" + "TTB2022-2 Fastlegers arbeid med attester …";
 * - at its own title line ("Tillegg til tildelingsbrev", "Tillegg nr. 3 til tildelingsbrev",
 *   "Oppdragsbrev - …"), together with the letterhead block ("Postadresse … Saksbehandler") that a PDF
 *   export prints just above it.
 */
import type { DocumentInfo } from '../../model/extraction.js';
import type { Line } from '../../text/lines.js';
import { isoDate, readDayMonth } from './printed-date.js';

export type Supplement = DocumentInfo['supplements'][number];

const CLOSING_RE = /^(?:Med (?:vennlig )?hilsen|Vennlig hilsen)\b/i;
export const SUPPLEMENT_TITLE_RE =
  /^(?:Tillegg(?: nr\.? ?(\d{1,3}))? til tildelingsbrev(?:et)?(?: nr\.? ?(\d{1,3}))?|Supplerende tildelingsbrev(?: nr\.? ?(\d{1,3}))?|Oppdragsbrev)\b/;
// "Espen Aasen (e.f.)", "Maiken Engelstad"
export const SIGNER_RE = /^\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]*){1,3}(?: \((?:e\.f\.|sign\.?)\))?$/u;
// "ekspedisjonssjef", "fung. ekspedisjonssjef", "konstituert ekspedisjonssjef", "seniorrådgiver"
const ROLE_RE = /^(?:fung\.|fungerende|konstituert|kst\.|e\.f\.)?\s*\p{Ll}[\p{Ll} .-]{2,40}$/u;
const SIGNED_NOTE_RE = /^Dokumentet er elektronisk (?:signert|godkjent)/i;
const COPY_RE = /^(?:Kopi(?: til)?|Gjenpart)\s*:?$/i;
const LETTERHEAD_START_RE = /^Postadresse\b/;
const REF_RE = /\b(\d{2,4}\/\d{1,6}(?:-\d{0,4})?)/;

/** Index of the first line after the closing block that starts at `closing`, or -1 at end of input. */
function afterClosingBlock(lines: readonly Line[], closing: number): number {
  let inCopy = false;
  let recipients = 0;
  for (let j = closing + 1; j < lines.length; j++) {
    const t = lines[j]!.text;
    if (t === '') continue;
    if (SIGNED_NOTE_RE.test(t)) continue;
    if (COPY_RE.test(t)) {
      inCopy = true;
      continue;
    }
    if (inCopy && recipients < 3 && t.length <= 40 && !/ [-–] /.test(t)) {
      recipients++;
      continue;
    }
    if (!inCopy && t.length <= 50 && (SIGNER_RE.test(t) || ROLE_RE.test(t))) continue;
    return j;
  }
  return -1;
}

/** A letter title line stands alone: short, not the start of a sentence that runs on. */
function isTitleLine(lines: readonly Line[], i: number): boolean {
  const t = lines[i]!.text;
  if (t.length > 80 || !SUPPLEMENT_TITLE_RE.test(t) || /[,.]$|\s(?:i|av|og|som|til)$/.test(t)) return false;
  for (let j = i + 1; j < lines.length && j <= i + 3; j++) {
    const n = lines[j]!.text;
    if (n !== '') return !/^\p{Ll}/u.test(n);
  }
  return true;
}

/** Move a supplement's start up over the letterhead block printed just above its title. */
function withLetterhead(lines: readonly Line[], title: number, floor: number): number {
  for (let j = title - 1; j > floor && j >= title - 30; j--) {
    const t = lines[j]!.text;
    if (LETTERHEAD_START_RE.test(t)) return j;
    if (t.length > 45) break;
  }
  return title;
}

export function findSupplements(
  lines: readonly Line[],
  mainTitleIndex: number,
  year: number | null,
): Supplement[] {
  const starts: number[] = [];
  let floor = mainTitleIndex;
  for (let i = Math.max(0, mainTitleIndex + 1); i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    if (CLOSING_RE.test(t)) {
      const next = afterClosingBlock(lines, i);
      if (next === -1) break;
      starts.push(next);
      floor = next;
      i = next - 1;
      continue;
    }
    if (i > floor && isTitleLine(lines, i)) {
      const start = withLetterhead(lines, i, floor);
      if (start > floor) {
        starts.push(start);
        floor = i;
      }
    }
  }
  const out: Supplement[] = [];
  for (let s = 0; s < starts.length; s++) {
    const first = starts[s]!;
    let lastIdx = (starts[s + 1] ?? lines.length) - 1;
    while (lastIdx > first && lines[lastIdx]!.text === '') lastIdx--;
    out.push(describe(lines, first, lastIdx, year));
  }
  return out;
}

/** Number, date, reference and title of one appended letter, from its first lines. */
function describe(lines: readonly Line[], first: number, last: number, year: number | null): Supplement {
  let number: string | null = null;
  let title: string | null = null;
  let date: string | null = null;
  let reference: string | null = null;
  const head = Math.min(last, first + 40);
  for (let i = first; i <= head; i++) {
    const t = lines[i]!.text;
    if (t === '') continue;
    if (title === null && isTitleLine(lines, i)) {
      title = t;
      const m = SUPPLEMENT_TITLE_RE.exec(t)!;
      number = m[1] ?? m[2] ?? m[3] ?? null;
    }
    if (reference === null && /^Vår ref\b/i.test(t)) {
      const m = REF_RE.exec(t);
      if (m) reference = m[1]!;
    }
    if (date === null && /^Dato\b/i.test(t)) {
      const d = readDayMonth(t.replace(/^Dato\s*:?\s*/i, ''));
      if (d) {
        const y = d.year ?? year;
        if (y !== null) date = isoDate(y, d.month, d.day);
      }
    }
  }
  return { number, date, reference, title, lines: [lines[first]!.no, lines[last]!.no] };
}
