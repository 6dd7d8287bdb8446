/**
 * Where a wrapped title (a heading, a "Mål 5:" goal) ends inside its continuation line. Text wrapped
 * anew can run the title's tail and the paragraph below it together on one line:
 *   "3.6. … blir involvert av" + "helsepersonell i eget forløp og i utviklingen av tjenestene. I"
 *   "3.5. … sammenhengende" + "helse- og … fagområder og forvaltningsnivå I rapportering og vurdering"
 *   "Mål 5: … helse- og" + "omsorgstjenester på tvers av fagområder og forvaltningsnivå Vurdering av"
 * The paragraph starts at a sentence break, or at a capitalised word right after a lower-case content
 * word: titles write their words in lower case except names, and a name follows a preposition or
 * conjunction ("til Helse- og omsorgsdepartementet", "med Folkehelseinstituttet"), while acronyms
 * ("NCD-sykdommene") are all capitals.
 */

import { LINKING_WORDS } from '../../text/words.js';

// "tjenestene. I": a full stop after a word, then a capital.
const SENTENCE_BREAK_RE = /\p{Ll}\p{Ll}[.!?] +(?=\p{Lu})/u;
// A capitalised word (or the single-letter "I") after a lower-case word. The word must start the line or
// follow a space, which also keeps the pattern from retrying inside every word.
const CAPITAL_AFTER_WORD_RE = /(?<![^ ])(\p{Ll}+) (?=\p{Lu}(?:\p{Ll}| |$))/gu;
// Words a name may follow inside a title.
const BEFORE_NAME = new Set<string>([
  ...LINKING_WORDS,
  'som',
  'samt',
  'eller',
  'mellom',
  'under',
  'innen',
  'etter',
  'gjennom',
  'mot',
  'hos',
  'uten',
  'blant',
  'de',
  'den',
  'det',
  'en',
  'et',
  'hele',
]);

/** Index in `text` where the paragraph after a title starts, or `text.length` when the line is all title. */
function paragraphStart(text: string): number {
  let at = text.length;
  const sentence = SENTENCE_BREAK_RE.exec(text);
  if (sentence) at = sentence.index + sentence[0].length;
  CAPITAL_AFTER_WORD_RE.lastIndex = 0;
  for (let m = CAPITAL_AFTER_WORD_RE.exec(text); m && m.index < at; m = CAPITAL_AFTER_WORD_RE.exec(text)) {
    if (!BEFORE_NAME.has(m[1]!)) return m.index + m[0].length;
  }
  return at;
}

/** The title part of a continuation line: up to the paragraph start, without a closing full stop. */
export function titleTail(text: string): { tail: string; complete: boolean } {
  const at = paragraphStart(text);
  return { tail: text.slice(0, at).trim().replace(/\.$/, ''), complete: at < text.length };
}
