/**
 * The unit a budget table prints its amounts in. Letters state it in a caption above the table or in the
 * header: "Alle tall i hele tusen", "(alle tall i 1 000 kroner)", "(i 1000 kr)", "Beløp i 1000 kroner.",
 * "(mill. kr)", "i hele kroner". One letter can change unit from table to table (the 2014 layout).
 */

export interface TableUnit {
  /** Kroner per printed unit: 1, 1000 or 1 000 000. */
  factor: number;
  /** The phrase that stated it, or null when no phrase was found. */
  phrase: string | null;
}

const THOUSANDS_RE =
  /\b(?:hele\s+)?tusen(?:\s+kr(?:oner)?)?\b|\b1\s?000\s*(?:kr\b|kroner\b|NOK\b)|\bi\s+1\s?000\b|\bkr\s+1\s?000\b/i;
const MILLIONS_RE =
  /\b(?:i\s+|\()\s*mill(?:\.|ioner)?\s*(?:kr\b|kroner\b)|\bmill(?:\.|ioner)\s*kr(?:oner)?\s*\)|(?:tall|beløp)\s+i\s+mill/i;
const KRONER_RE = /\b(?:i\s+hele\s+kroner|alle\s+tall\s+i\s+kroner|beløp\s+i\s+kroner|\(kr\)|\(kroner\))/i;

/** The unit stated by one line of text, or null. */
export function unitIn(text: string): TableUnit | null {
  if (text.length > 400) return null;
  const t = THOUSANDS_RE.exec(text);
  if (t) return { factor: 1000, phrase: t[0] };
  const m = MILLIONS_RE.exec(text);
  if (m) return { factor: 1_000_000, phrase: m[0] };
  const k = KRONER_RE.exec(text);
  if (k) return { factor: 1, phrase: k[0] };
  return null;
}

/** Does the line read like a unit caption alone ("Alle tall i hele tusen", "(i 1000 kr)")? */
export function isUnitCaption(text: string): boolean {
  return text.length <= 80 && unitIn(text) !== null && !/\d{2}\s+\p{L}/u.test(text.replace(/1\s?000/g, ''));
}
