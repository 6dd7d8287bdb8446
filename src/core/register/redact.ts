/**
 * Redaction of confidential assignment IDs in free text. A public assignment's text can name a
 * confidential one: a letter's "Presisering av oppdrag TB2024-9", a status reason "Erstattet av
 * TB2025-8 i tildelingsbrev 2025", a note someone typed. Hiding the confidential assignment is not
 * enough when its ID still travels in such text, so public views replace it.
 */
import { idKey } from './ids.js';

export const REDACTED = '[unntatt offentlighet]';

// Every printed spelling idKey understands: "TB2024-9", "TB 2024-09", "ID-TTB2021-21", "TB2022 –21".
// Bounded repetitions and no nested quantifiers, so the scan stays linear.
const ID_TOKEN = /(?<![\p{L}\p{N}])(?:ID\s?[-:]?\s?)?R?T?TB\s?[-–]?\s?\d{4}\s?[-–]\s?\d{1,4}(?![\p{N}])/gu;

/** `text` with every ID whose key is in `hidden` (unscoped keys, `TB2024-9`) replaced by REDACTED. */
export function redactIds(text: string, hidden: ReadonlySet<string>): string {
  if (hidden.size === 0) return text;
  return text.replace(ID_TOKEN, (m) => (hidden.has(idKey(m)) ? REDACTED : m));
}

/** Does `text` name an ID whose key is in `hidden`? */
export function namesHiddenId(text: string, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  for (const m of text.matchAll(ID_TOKEN)) if (hidden.has(idKey(m[0]))) return true;
  return false;
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
