/**
 * Norwegian order with numbers compared as numbers (TB2024-2 before TB2024-10, kap. 714 before 7140).
 * One collator for the process: `localeCompare` with a locale builds a new collator per call, which
 * made sorting a 43 600-row register take seconds.
 */
const NB_NUMERIC = new Intl.Collator('nb', { numeric: true });

export function compareNb(a: string, b: string): number {
  return NB_NUMERIC.compare(a, b);
}
