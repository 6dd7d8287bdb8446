/**
 * Import diffing: match the records of a new document version to the stored ones by natural key,
 * so a corrected letter updates records in place (keeping their ids and what hangs off them).
 */

export interface StoredRecord {
  id: number;
  key: string;
  fingerprint: string;
  lineFrom: number;
  lineTo: number;
}

export interface IncomingRecord<T> {
  key: string;
  fingerprint: string;
  lines: readonly [number, number];
  record: T;
}

export interface RecordDiff<T> {
  added: IncomingRecord<T>[];
  /** Content changed. */
  changed: { id: number; incoming: IncomingRecord<T> }[];
  /** Same content at other lines (text was inserted above it): updated silently, counted unchanged. */
  moved: { id: number; incoming: IncomingRecord<T> }[];
  unchanged: number;
  removed: StoredRecord[];
}

export interface DiffCounts {
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
}

export function diffRecords<T>(
  stored: readonly StoredRecord[],
  incoming: readonly IncomingRecord<T>[],
): RecordDiff<T> {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const out: RecordDiff<T> = { added: [], changed: [], moved: [], unchanged: 0, removed: [] };
  const seen = new Set<string>();
  for (const inc of incoming) {
    seen.add(inc.key);
    const old = byKey.get(inc.key);
    if (!old) out.added.push(inc);
    else if (old.fingerprint !== inc.fingerprint) out.changed.push({ id: old.id, incoming: inc });
    else {
      out.unchanged++;
      if (old.lineFrom !== inc.lines[0] || old.lineTo !== inc.lines[1])
        out.moved.push({ id: old.id, incoming: inc });
    }
  }
  for (const s of stored) if (!seen.has(s.key)) out.removed.push(s);
  return out;
}

export function countDiff<T>(d: RecordDiff<T>): DiffCounts {
  return {
    new: d.added.length,
    changed: d.changed.length,
    unchanged: d.unchanged,
    removed: d.removed.length,
  };
}

/** Give duplicate keys within one document a stable ordinal suffix: `740.01`, `740.01#2`. */
export function uniqueKeys(keys: readonly string[]): string[] {
  const count = new Map<string, number>();
  return keys.map((k) => {
    const n = (count.get(k) ?? 0) + 1;
    count.set(k, n);
    return n === 1 ? k : `${k}#${n}`;
  });
}
