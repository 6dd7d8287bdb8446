/** Records compared across formats: line numbers and file identity differ between editions, content must not. */

const PROVENANCE = new Set(['lines', 'line', 'source', 'sha256', 'lineCount']);

export function withoutProvenance(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProvenance);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !PROVENANCE.has(k))
        .map(([k, v]) => [k, withoutProvenance(v)]),
    );
  return value;
}
