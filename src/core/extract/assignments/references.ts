/**
 * References from one assignment to others, with the relation the wording gives:
 * "Oppdraget erstatter TB2024-47" → replaces; "Presisering av (oppdrag) TB2022-45",
 * "Spesifisering av oppdrag TB2022-16" → clarifies; "endrer TB…", "Endring i oppdrag TB…",
 * "ny frist for TB…" → changes; "jf. TB2022-44", "se oppdrag TB2024-19" or a plain mention → refers.
 */
import type { ReferenceRelation } from '../../model/extraction.js';
import { DEFAULT_ID_SCHEME, findIds, type IdScheme } from './ids.js';

const REPLACES_RE =
  /(?:erstatter|erstatning\s+for|avløser)\s+(?:(?:tidligere\s+)?oppdrag(?:et)?\s+)?(?:ID:?\s*)?$/i;
const CLARIFIES_RE =
  /(?:presisering|presiserer|spesifisering|spesifiserer|konkretisering|konkretiserer|utdyping)\s+(?:av\s+)?(?:(?:tidligere\s+(?:gitt\s+)?)?oppdrag(?:et)?\s+)?(?:ID:?\s*)?$/i;
const CHANGES_RE =
  /(?:endrer|endring(?:er)?\s+(?:i|av)|ny\s+frist\s+(?:for|på|i)|utsettelse\s+av|forlenger)\s+(?:(?:tidligere\s+(?:gitt\s+)?)?oppdrag(?:et)?\s+)?(?:ID:?\s*)?$/i;

const STRENGTH: Record<ReferenceRelation, number> = { refers: 0, changes: 1, clarifies: 2, replaces: 3 };

export interface Reference {
  id: string;
  relation: ReferenceRelation;
}

function relationBefore(text: string, index: number): ReferenceRelation {
  // Look back within the sentence, at most a few words.
  const start = Math.max(0, index - 60);
  let before = text.slice(start, index);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf('('));
  if (cut >= 0) before = before.slice(cut + 1);
  if (REPLACES_RE.test(before)) return 'replaces';
  if (CLARIFIES_RE.test(before)) return 'clarifies';
  if (CHANGES_RE.test(before)) return 'changes';
  return 'refers';
}

/**
 * IDs mentioned in `texts` that are not the record's own. `canonical` maps an ID to the spelling of a
 * record in the same document ("TTB2022-05" → "TTB2022-5") so references link up.
 */
export function findReferences(
  texts: readonly string[],
  own: ReadonlySet<string>,
  canonical: (id: string) => string,
  scheme: IdScheme = DEFAULT_ID_SCHEME,
): Reference[] {
  const best = new Map<string, ReferenceRelation>();
  for (const text of texts) {
    for (const hit of findIds(text, scheme)) {
      const id = canonical(hit.id);
      if (own.has(id) || own.has(hit.id)) continue;
      const rel = relationBefore(text, hit.index);
      const prev = best.get(id);
      if (prev === undefined || STRENGTH[rel] > STRENGTH[prev]) best.set(id, rel);
    }
  }
  return [...best].map(([id, relation]) => ({ id, relation }));
}
