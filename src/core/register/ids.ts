/**
 * Assignment identifiers as printed vary ("TB-2021-29", "TB 2022-53", "TB2022 –21", "ID-TB2021-45",
 * "TB2024-07" vs "TB2025-1"); the register matches them by a normalised key so that one assignment
 * keeps one identity across letters that spell its ID differently.
 */

const LETTER_ID = /^(?:ID\s*[-:]?\s*)?(R?T?TB)\s*[-–]?\s*(\d{4})\s*[-–]\s*0*(\d{1,4})$/;

/** Normalised matching key: `TB2024-7`, `TTB2022-19`; other IDs upper-cased with spaces removed. */
export function idKey(printed: string): string {
  const compact = printed.trim().toUpperCase().replace(/\s+/g, ' ');
  const m = LETTER_ID.exec(compact);
  if (m) return `${m[1]}${m[2]}-${Number(m[3])}`;
  return compact.replace(/\s+/g, '');
}

/**
 * IDs are numbered per recipient: Helsedirektoratet's TB2025-9 and another agency's TB2025-9 are different
 * assignments. Register keys are therefore scoped by the recipient of the letter: `helsedirektoratet#TB2025-9`.
 */
function scopeOf(recipient: string | null): string {
  return (recipient ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Ministry and agency of a document. A letter goes from the ministry to the agency; an annual report
 * goes the other way ("Årsrapport 2023" from Helsedirektoratet to Helse- og omsorgsdepartementet).
 */
export function parties(doc: { type: string; issuer: string | null; recipient: string | null }): {
  ministry: string | null;
  agency: string | null;
} {
  return doc.type === 'arsrapport'
    ? { ministry: doc.recipient, agency: doc.issuer }
    : { ministry: doc.issuer, agency: doc.recipient };
}

/** The ID scope of a document: its agency. */
export function documentScope(doc: {
  type: string;
  issuer: string | null;
  recipient: string | null;
}): string {
  return scopeOf(parties(doc).agency);
}

export function scopedKey(scope: string, key: string): string {
  return `${scope}#${key}`;
}

/** The unscoped part of a register key. */
export function unscoped(key: string): string {
  return key.slice(key.indexOf('#') + 1);
}

export function isSyntheticKey(key: string): boolean {
  return unscoped(key).startsWith('SYN:');
}

/** The key of an ID styr derived itself: only meaningful inside the same letter (and its corrections). */
export function syntheticKey(letterKey: string, printed: string): string {
  return `SYN:${letterKey}:${idKey(printed)}`;
}

/** Year an ID names (`TB2021-01` → 2021), or null. */
export function idYear(printed: string): number | null {
  const m = LETTER_ID.exec(printed.trim().toUpperCase().replace(/\s+/g, ' '));
  return m ? Number(m[2]) : null;
}
