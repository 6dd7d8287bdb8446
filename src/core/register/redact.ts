/**
 * Redaction of confidential assignment IDs in free text. A public assignment's text can name a
 * confidential one: a letter's "Presisering av oppdrag TB2024-9", a status reason "Erstattet av
 * TB2025-8 i tildelingsbrev 2025", a note someone typed. Hiding the confidential assignment is not
 * enough when its ID still travels in such text, so public views replace it.
 *
 * The pattern is built from the hidden keys themselves, not from a list of known ID schemes: a
 * confidential `OPP2025-7` or `RTB2020-3` must be caught as surely as `TB2024-9`, whatever case,
 * spacing, leading zeros or hyphen character (‐ ‑ ‒ – — −) the writer used.
 */

export const REDACTED = '[unntatt offentlighet]';

const SEPARATOR = '[\\s\\-‐‑‒–—―−_/.:]{0,3}';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source matching every printed spelling of one key (`TB2024-9`, `tb 2024–09`, `TB-2024-009`). */
function keyPattern(key: string): string | null {
  const runs = key.match(/\p{L}+|\p{N}+/gu);
  if (!runs || runs.length === 0) return null;
  const parts = runs.map((r) =>
    /^\p{N}+$/u.test(r) ? `0*${escapeRe(String(r).replace(/^0+(?=\d)/, ''))}` : escapeRe(r),
  );
  return parts.join(SEPARATOR);
}

const cache = new WeakMap<ReadonlySet<string>, RegExp | null>();

function patternFor(hidden: ReadonlySet<string>): RegExp | null {
  if (cache.has(hidden)) return cache.get(hidden) ?? null;
  const alternatives = [...hidden]
    .filter((k) => !k.startsWith('SYN:'))
    .map(keyPattern)
    .filter((p): p is string => p !== null)
    // Longest first, so TTB2022-1 is not cut short by an alternative that matches a part of it.
    .sort((a, b) => b.length - a.length);
  const re =
    alternatives.length === 0
      ? null
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{N}])`, 'giu');
  cache.set(hidden, re);
  return re;
}

/** `text` with every ID whose key is in `hidden` (unscoped keys, `TB2024-9`) replaced by REDACTED. */
export function redactIds(text: string, hidden: ReadonlySet<string>): string {
  if (hidden.size === 0) return text;
  const re = patternFor(hidden);
  return re ? text.replace(re, REDACTED) : text;
}

/** Does `text` name an ID whose key is in `hidden`? */
export function namesHiddenId(text: string, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  const re = patternFor(hidden);
  if (!re) return false;
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

/** Redact every string inside a JSON-like value (arrays and plain objects), keeping its shape. */
export function redactDeep<T>(value: T, hidden: ReadonlySet<string>): T {
  if (hidden.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactIds(v, hidden);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
