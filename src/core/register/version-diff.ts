/**
 * What a new version of a document would change, for the import preview: per record type the counts
 * of new, changed, unchanged and removed records, and per assignment its printed ID, title and the
 * fields that changed. Line numbers are left out: text inserted above a record is not a change to it.
 */
import type { Assignment, ExtractionResult } from '../model/extraction.js';
import { countDiff, type DiffCounts, diffRecords, type IncomingRecord } from './diff.js';
import { fingerprint } from './fingerprint.js';
import { keyRecords, RECORD_TYPES, type RecordType } from './records.js';

export interface AssignmentChange {
  id: string;
  title: string;
  /** Names of the changed fields (title, body, deadlines …); empty for new and removed ones. */
  fields: string[];
}

export interface VersionDiff {
  counts: Record<RecordType, DiffCounts>;
  assignments: { added: AssignmentChange[]; changed: AssignmentChange[]; removed: AssignmentChange[] };
}

const COMPARED = [
  'title',
  'body',
  'kind',
  'departments',
  'section',
  'deadlines',
  'parts',
  'references',
  'statusText',
  'confidential',
  'otherIds',
] as const satisfies readonly (keyof Assignment)[];

/** Fields compared by fingerprint, which leaves out line numbers at any depth. */
export function changedFields(before: Assignment, after: Assignment): string[] {
  return COMPARED.filter((f) => fingerprint(before[f]) !== fingerprint(after[f]));
}

const describe = (a: Assignment, fields: string[] = []): AssignmentChange => ({
  id: a.id,
  title: a.title,
  fields,
});

/**
 * Diff `incoming` against the stored `current` extraction of the same document. `hide` leaves out
 * stored assignments the viewer may not see (confidential ones without the exempt grant): they are
 * neither listed nor counted.
 */
export function versionDiff(
  current: ExtractionResult,
  incoming: ExtractionResult,
  letter: string,
  hide: (a: Assignment) => boolean = () => false,
): VersionDiff {
  const before = keyRecords(current, letter);
  const after = keyRecords(incoming, letter);
  const counts = {} as Record<RecordType, DiffCounts>;
  for (const t of RECORD_TYPES) {
    const stored = (before[t] as IncomingRecord<unknown>[])
      .filter((r) => t !== 'assignments' || !hide(r.record as Assignment))
      .map((r, id) => ({
        id,
        key: r.key,
        fingerprint: r.fingerprint,
        lineFrom: r.lines[0],
        lineTo: r.lines[1],
      }));
    counts[t] = countDiff(diffRecords(stored, after[t] as IncomingRecord<unknown>[]));
  }
  const old = new Map(before.assignments.map((r) => [r.key, r.record]));
  const seen = new Set<string>();
  const out: VersionDiff['assignments'] = { added: [], changed: [], removed: [] };
  for (const r of after.assignments) {
    seen.add(r.key);
    const prev = old.get(r.key);
    if (!prev || hide(prev)) out.added.push(describe(r.record));
    else {
      const fields = changedFields(prev, r.record);
      if (fields.length > 0) out.changed.push(describe(r.record, fields));
    }
  }
  for (const r of before.assignments)
    if (!seen.has(r.key) && !hide(r.record)) out.removed.push(describe(r.record));
  return { counts, assignments: out };
}
