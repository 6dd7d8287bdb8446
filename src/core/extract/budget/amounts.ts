/**
 * Numbers as Norwegian budget tables print them: a space groups thousands ("1 538 891"), a comma is the
 * decimal sign ("26,52 mill. kr"), a lone dash is nil. Adjacent amounts in space-separated PDF tables run
 * together ("127 273 103 700"), so splitting a run of digit groups into amounts is done here, with every
 * valid split listed so that the caller can pick one and report the alternatives.
 */

import { groupThousands } from '../../format/norwegian.js';

/** One printed number token: "1", "538", "15786", "-1", or a decimal "39,135" (a table in mill. kroner). */
const TOKEN_RE = /^-?\d+(?:,\d+)?$/;
const DECIMAL_RE = /^-?\d+,\d+$/;

function tokenValue(token: string): number {
  return Number(token.replace(',', '.'));
}

export function isNumberToken(token: string): boolean {
  return TOKEN_RE.test(token);
}

/**
 * Parse one grouped number ("1 538 891", "15786", "-4 000") as printed; null when it is not one.
 * Groups after the first must have exactly three digits.
 */
export function parseGrouped(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^-?\d{1,3}(?: \d{3})*$/.test(t) && !/^-?\d+$/.test(t)) return null;
  const n = Number(t.replace(/ /g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** A cell that means "nothing": a dash of any kind, alone. */
export function isNilCell(text: string): boolean {
  return /^[-–—]+$/.test(text.trim());
}

/**
 * Can `tokens[from..to)` be one grouped number? The first token has 1–3 digits (and no leading zero unless
 * it is "0"), every later token exactly three; a single token of four or more digits is an ungrouped number
 * ("15786").
 */
function isOneNumber(tokens: readonly string[], from: number, to: number): boolean {
  const first = tokens[from];
  if (first === undefined || to <= from) return false;
  if (DECIMAL_RE.test(first)) return to - from === 1;
  const digits = first.replace(/^-/, '');
  if (to - from === 1) return digits === '0' || !digits.startsWith('0');
  if (digits.length > 3 || (digits.startsWith('0') && digits !== '0')) return false;
  if (digits === '0') return false;
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i];
    if (t === undefined || !/^\d{3}$/.test(t)) return false;
  }
  return true;
}

function value(tokens: readonly string[], from: number, to: number): number {
  if (to - from === 1) return tokenValue(tokens[from] ?? '');
  return Number(tokens.slice(from, to).join(''));
}

const MAX_SPLITS = 64;

/**
 * Every way to read a run of number tokens as exactly `count` grouped numbers, in order of the split
 * points (leftmost first). "127 273 103 700" with count 2 gives [127273, 103700], [127, 273103700] and
 * [127273103, 700]; "21 050 21 100" gives only [21050, 21100].
 *
 * `breaks` are token indices that must open a number: where the source printed a wide gap between two
 * columns ("165 147  182 294" gives break 2, leaving only [165147, 182294]).
 */
export function splitRun(
  tokens: readonly string[],
  count: number,
  breaks: readonly number[] = [],
): number[][] {
  const out: number[][] = [];
  const n = tokens.length;
  if (count <= 0 || n === 0 || n > 40) return out;
  const mustOpen = new Set(breaks);
  const walk = (from: number, left: number, acc: number[]): void => {
    if (out.length >= MAX_SPLITS) return;
    if (left === 0) {
      if (from === n) out.push(acc.slice());
      return;
    }
    // Each number spans at most 5 groups (below 10^15 kroner); the rest must leave a token per number.
    for (let to = from + 1; to <= Math.min(n - left + 1, from + 5); to++) {
      // A number cannot run across a column gap: the token before `to` is its last.
      if (to - 1 > from && mustOpen.has(to - 1)) break;
      if (!isOneNumber(tokens, from, to)) continue;
      acc.push(value(tokens, from, to));
      walk(to, left - 1, acc);
      acc.pop();
    }
  };
  walk(0, count, []);
  return out;
}

/** Greedy left-to-right reading of a run: each number takes every three-digit group that follows it. */
export function greedyNumbers(tokens: readonly string[]): { value: number; from: number; to: number }[] {
  const out: { value: number; from: number; to: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i + 1;
    const first = (tokens[i] ?? '').replace(/^-/, '');
    if (first.length <= 3 && first !== '0' && !first.includes(',')) {
      while (j < tokens.length && /^\d{3}$/.test(tokens[j] ?? '') && j - i < 5) j++;
    }
    out.push({ value: value(tokens, i, j), from: i, to: j });
    i = j;
  }
  return out;
}

export interface MoneyPhrase {
  /** Amount in whole kroner. */
  kroner: number;
  /** Offset of the phrase in the text and its length. */
  index: number;
  length: number;
  /** Half of the last printed decimal's unit in kroner ("7,5 mill." → 50 000): the rounding the phrase allows. */
  tolerance: number;
}

// "26,52 mill. kr", "8mill. kr", "3 mill kroner", "1,5 mrd. kroner", "100 000 kroner", "4,7 mill kr."
// At most five digit groups (below 10^15 kroner, as in splitRun).
const MONEY_RE =
  /(?<![\d,.])(-?\d{1,3}(?: \d{3}){1,4}(?! \d)|-?\d+)(?:,(\d+))?\s*(?:(mill(?:ioner)?|mrd|milliard(?:er)?)\.?\s*)?(kr\b\.?|kroner\b|NOK\b)/giu;
// The digit groups a match continues: "12 345 678 901 234 " before "567 kr".
const GROUPS_BEFORE_RE = /(?:^|[^\d,.])(\d{1,3}(?: \d{3})*) $/;
const GROUPS_BEFORE_WINDOW = 64;

const KR_OR_NOK_RE = /kr|nok/i;
const UNIT_BEFORE_RE = /(?:^|[\s(])i\s$/i;

/**
 * The start of the digit groups that a match at `index` opening with a three-digit group continues, or
 * -1: "12 345 678 901 234 567 kr" has six groups, more than an amount has, and the regex would otherwise
 * read its last five as 345 678 901 234 567 kr, silently dropping the leading "12".
 */
function runStart(text: string, index: number, first: string): number {
  if (!/^\d{3}$/.test(first)) return -1;
  const from = Math.max(0, index - GROUPS_BEFORE_WINDOW);
  const g = GROUPS_BEFORE_RE.exec(text.slice(from, index));
  return g ? index - (g[1] ?? '').length - 1 : -1;
}

/**
 * Every money phrase in a text ("26,52 mill. kr til …"), in kroner. A number that cannot be an amount
 * (six or more digit groups, or too large) is no phrase: its printed text is added to `unreadable`, so the
 * caller can warn instead of reading a part of it or losing it without a word.
 */
export function moneyPhrases(text: string, unreadable?: string[]): MoneyPhrase[] {
  const out: MoneyPhrase[] = [];
  // Every phrase ends in "kr", "kroner" or "NOK": a plain scan rules out most lines.
  if (!KR_OR_NOK_RE.test(text)) return out;
  for (const m of text.matchAll(MONEY_RE)) {
    const start = runStart(text, m.index, (m[1] ?? '').split(' ')[0] ?? '');
    if (start >= 0) {
      unreadable?.push(text.slice(start, m.index + m[0].length).trim());
      continue;
    }
    const whole = (m[1] ?? '').replace(/ /g, '');
    const frac = m[2] ?? '';
    const scaleWord = (m[3] ?? '').toLowerCase();
    const scale = scaleWord.startsWith('mrd') || scaleWord.startsWith('milliard') ? 1e9 : scaleWord ? 1e6 : 1;
    const kroner = Math.round(Number(`${whole}.${frac || '0'}`) * scale);
    if (!Number.isSafeInteger(kroner)) {
      unreadable?.push(m[0].trim());
      continue;
    }
    // "(beløp i 1 000 kroner)", "alle tall i 1000 kr": the unit of a table, not an amount.
    if (kroner === 1000 && UNIT_BEFORE_RE.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    // "7,5 mill." may stand for 7 480 000; a whole "14 mill." is taken as exact.
    const tolerance = frac && scale > 1 ? scale / 10 ** frac.length / 2 : 0;
    out.push({ kroner, index: m.index, length: m[0].length, tolerance });
  }
  return out;
}

/** Norwegian amount in kroner for messages: 15104900000 → "15 104 900 000 kr". */
export function formatKroner(kroner: number): string {
  return `${groupThousands(kroner)} kr`;
}
