/**
 * What a report says about the status of its assignments: a sentence that names assignments ("oppdrag",
 * "oppdragene", "tilleggsoppdrag", or an ID such as "TB2023-12") together with a word about their state:
 *   "Sluttrapport på oppdraget ble levert desember 2023 …"
 *   "Svar på oppdraget leveres ultimo januar 2024."
 *   "… en rekke oppdrag fra tidligere år med varighet inn i 2023 som er videreført."
 * and rows of a status table that carry an assignment ID and a status word
 * ("TB2023-12⇥Nasjonal plan …⇥Levert").
 * An assignment named by its number in a given letter ("oppdrag 81 (…) i tildelingsbrev for 2023") is
 * linked as TB2023-81 (the prefix most of the document's own ID headers use, TB by default; the number unpadded).
 */
import type { StatusNote } from '../../model/extraction.js';
import { DEFAULT_ID_SCHEME, findIds, type IdScheme, learnIdScheme } from '../assignments/ids.js';
import type { ExtractContext } from '../context.js';
import { sentencesOf } from './sentences.js';

// Nouns for assignments; compounds that are not assignments ("samfunnsoppdrag", "oppdragsavtale",
// "oppdragsgiver") are excluded.
const ASSIGNMENT_RE = /(?<![\p{L}])(?!samfunns)\p{L}*oppdrag(?:et|ene|a)?(?![\p{L}])/iu;
// "… leverte en gjennomgang … på oppdrag fra Helsedirektoratet": work others did for the agency.
const COMMISSIONED_RE = /\bpå oppdrag (?:fra|for)\b/giu;
const STATUS_RE =
  /(?<![\p{L}])(?:lever(?:e|t|te|es|ing|anse|ansen|anser)|mott(?:att|atte|ok)|ferdigstil(?:t|te|les|ling)|fullført|forsink(?:et|else|elser|ingen)|utsatt|utsettes|videreført|videreføres|avslutt(?:et|es)|gjennomført|besvart|svart ut|svarte ut|oppfylt|pågår|pågående|ikke ferdig|avlyst|bortfalt|trukket tilbake)(?![\p{L}])/iu;
// A reported indicator's label ("Styringsparameter 1 – Andel oppdrag … som er gjennomført med …") names
// what is measured, not the state of an assignment.
const INDICATOR_LABEL_RE = /^(?:Vurderingskriteri|Styringsparamet|Styringsindikator|Nøkkeltall)/u;
const NUMBERED_IN_LETTER_RE =
  /(?<![\p{L}])oppdrag(?:\s+nr\.?)?\s+(\d{1,3})\b[^.]{0,160}?\b(?:i\s+)?tildelingsbrev(?:et)?\s+(?:for\s+)?((?:19|20)\d{2})/giu;

/** Every assignment ID a text names, normalised ("TB2023-12"), without repeats. */
export function idsIn(text: string, scheme: IdScheme = DEFAULT_ID_SCHEME): string[] {
  const named = /oppdrag/i.test(text);
  if (!named && !scheme.mayHold(text)) return [];
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const found of findIds(text, scheme)) add(found.id);
  // The letter's own spelling of the number is unknown here ("TB2025-1" or "TB2025-01"): the number is
  // given as printed in the sentence, without padding; the register matches IDs on their normalised key.
  if (named)
    for (const m of text.matchAll(NUMBERED_IN_LETTER_RE)) add(`${scheme.main}${m[2]}-${Number(m[1])}`);
  return ids;
}

function tableRowNote(text: string, line: number, scheme: IdScheme): StatusNote | null {
  if (!scheme.mayHold(text) || !STATUS_RE.test(text)) return null;
  const ids = idsIn(text, scheme);
  if (ids.length === 0) return null;
  const cells = text
    .split('\t')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return { text: cells.join(' – '), ids, lines: [line, line] };
}

export function statusNotes(ctx: ExtractContext): StatusNote[] {
  const out: StatusNote[] = [];
  // A letter states each assignment's status in its own record (Assignment.statusText); status notes are
  // what a report says about the assignments it received.
  if (ctx.document.type !== 'arsrapport' && ctx.document.type !== 'ukjent') return out;
  const scheme = learnIdScheme(ctx.lines, true);
  for (const l of ctx.lines) {
    const text = l.text;
    if (text.length < 12) continue;
    if (text.includes('\t')) {
      const note = tableRowNote(text, l.no, scheme);
      if (note) out.push(note);
      continue;
    }
    if ((!/oppdrag/i.test(text) && !scheme.mayHold(text)) || INDICATOR_LABEL_RE.test(text)) continue;
    for (const sentence of sentencesOf(text)) {
      const hasIds = scheme.mayHold(sentence) && findIds(sentence, scheme).length > 0;
      if (
        !hasIds &&
        (!/oppdrag/i.test(sentence) || !ASSIGNMENT_RE.test(sentence.replace(COMMISSIONED_RE, '')))
      )
        continue;
      if (!STATUS_RE.test(sentence)) continue;
      out.push({ text: sentence, ids: idsIn(sentence, scheme), lines: [l.no, l.no] });
    }
  }
  return out;
}
