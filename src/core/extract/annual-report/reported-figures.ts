/**
 * Counts of assignments the report states in prose: "Tildelingsbrevet for 2023 besto av 83 spesielle
 * oppdrag og 78 tilleggsoppdrag ble mottatt gjennom året" gives 83 "spesielle oppdrag" and 78
 * "tilleggsoppdrag". The pattern is a number (digits or a number word from "to" up) followed by at most
 * three describing words and a noun that is, or ends in, "oppdrag" ("nye oppdrag", "deloppdrag",
 * "oppdragene"); "90 prosent av oppdragene" is a share with unit "%".
 * A number right after "oppdrag" ("oppdrag 81") is an identifier, not a count, and is not read here.
 */

import { LINKING_WORDS } from '../../text/words.js';
import type { ReportedFigure } from '../../model/extraction.js';
import type { ExtractContext } from '../context.js';

const NUMBER_WORDS: Record<string, number> = {
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  åtte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  femten: 15,
  tjue: 20,
};

// Words that end a noun phrase: a count followed by them is not "a count of assignments".
const STOP_WORDS = new Set<string>([
  ...LINKING_WORDS,
  'eller',
  'som',
  'er',
  'var',
  'ble',
  'har',
  'hadde',
  'etter',
  'innen',
  'under',
  'mot',
  'per',
  'kroner',
  'kr',
  'mill',
  'år',
  'dager',
  'uker',
  'måneder',
]);

// Compounds with "oppdrag" that are not assignments.
const NOT_ASSIGNMENT_RE = /^(?:samfunns|oppdrags)/iu;

const FIGURE_RE =
  /(?<![\p{L}\d.,/-])(\d{1,3}(?: \d{3})+|\d{1,5}|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv|femten|tjue)(\s+(?:prosent|%)\s+av)?((?:\s+\p{Ll}[\p{Ll}-]*){0,3}?)\s+(\p{Ll}*oppdrag(?:et|ene)?)(?![\p{L}])/giu;

function numberOf(token: string): number | null {
  const word = NUMBER_WORDS[token.toLowerCase()];
  if (word !== undefined) return word;
  if (!/^\d/.test(token)) return null;
  const n = Number(token.replace(/ /g, ''));
  return Number.isFinite(n) ? n : null;
}

/** The figures one line of prose states. */
export function figuresIn(text: string, line: number): ReportedFigure[] {
  const out: ReportedFigure[] = [];
  if (!/oppdrag/i.test(text)) return out;
  for (const m of text.matchAll(FIGURE_RE)) {
    const noun = m[4]!;
    if (NOT_ASSIGNMENT_RE.test(noun)) continue;
    const words = (m[3] ?? '')
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.some((w) => STOP_WORDS.has(w.toLowerCase()))) continue;
    const value = numberOf(m[1]!);
    if (value === null) continue;
    // A four-digit number in the year range is a year ("i 2023 oppdrag …"), not a count.
    if (/^(?:19|20)\d{2}$/.test(m[1]!)) continue;
    const share = m[2] !== undefined;
    out.push({
      label: [...words, noun].join(' ').toLowerCase(),
      value,
      unit: share ? '%' : null,
      text: m[0].trim(),
      line,
    });
  }
  return out;
}

export function reportedFigures(ctx: ExtractContext): ReportedFigure[] {
  const out: ReportedFigure[] = [];
  for (const l of ctx.lines) {
    if (l.text.length < 8 || l.text.includes('\t')) continue;
    out.push(...figuresIn(l.text, l.no));
  }
  return out;
}
