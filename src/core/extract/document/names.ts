/**
 * Names of the ministry and the agency a steering document is between, read from the letterhead or,
 * when the export lost it, from how often each is named in the text.
 */
import type { Line } from '../../text/lines.js';

// "HELSE- OG OMSORGSDEPARTEMENT", "KLIMA- OG FRILUFTSDEPARTEMENTET" (the letterhead, often below
// "DET KONGELIGE").
const LETTERHEAD_RE = /^(?:DET KONGELIGE\s+)?([\p{Lu}][\p{Lu}\s,-]*DEPARTEMENT(?:ET)?)$/u;
// "Helse- og omsorgsdepartementet", "Barne-, ungdoms- og familiedepartementet", "Finansdepartementet".
const MINISTRY_RE =
  /(?<![\p{L}-])(\p{Lu}\p{Ll}*-(?:, \p{Ll}+-)* og \p{Ll}+departementet|\p{Lu}\p{Ll}+departementet)(?!\p{L})/gu;
// "Helsedirektoratet", "Friluftsdirektoratet", "Statens helsetilsyn" is not matched on purpose: only
// one-word agency names ending in a typical suffix are counted.
const AGENCY_RE =
  /(?<![\p{L}-])(\p{Lu}\p{Ll}+(?:direktoratet|tilsynet|instituttet|verket|etaten))(?!\p{L})/gu;

/** "HELSE- OG OMSORGSDEPARTEMENT" → "Helse- og omsorgsdepartementet". */
export function properMinistryName(caps: string): string {
  let name = caps.replace(/\s+/g, ' ').trim().toLowerCase();
  if (name.endsWith('departement')) name += 'et';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function letterheadMinistry(lines: readonly Line[], limit: number): string | null {
  for (let i = 0; i < lines.length && i < limit; i++) {
    const m = LETTERHEAD_RE.exec(lines[i]!.text);
    if (m && m[1]!.length <= 80) return properMinistryName(m[1]!);
  }
  return null;
}

function mostFrequent(lines: readonly Line[], re: RegExp): string | null {
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (l.text.length === 0) continue;
    for (const m of l.text.matchAll(re)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, n] of counts) {
    if (n > bestCount) {
      best = name;
      bestCount = n;
    }
  }
  return best;
}

export function mostNamedMinistry(lines: readonly Line[]): string | null {
  return mostFrequent(lines, MINISTRY_RE);
}

export function mostNamedAgency(lines: readonly Line[]): string | null {
  return mostFrequent(lines, AGENCY_RE);
}
