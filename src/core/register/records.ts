/**
 * The records of one extraction, keyed for diffing and lineage. Fingerprints leave out line numbers:
 * a correction that inserts a paragraph moves everything below it, and that is not a change to them.
 */
import type {
  Assignment,
  Authorisation,
  BudgetLine,
  CalendarEntry,
  ExtractionResult,
  Goal,
  Section,
} from '../model/extraction.js';
import { type IncomingRecord, uniqueKeys } from './diff.js';
import { fingerprint } from './fingerprint.js';
import { documentScope, idKey, scopedKey, syntheticKey } from './ids.js';

export interface KeyedRecords {
  sections: IncomingRecord<Section>[];
  goals: IncomingRecord<Goal>[];
  assignments: IncomingRecord<Assignment>[];
  budgetLines: IncomingRecord<BudgetLine>[];
  authorisations: IncomingRecord<Authorisation>[];
  calendar: IncomingRecord<CalendarEntry>[];
}

export type RecordType = keyof KeyedRecords;
export const RECORD_TYPES: readonly RecordType[] = [
  'sections',
  'goals',
  'assignments',
  'budgetLines',
  'authorisations',
  'calendar',
];

function keyed<T extends { lines: readonly [number, number] }>(
  items: readonly T[],
  keyOf: (t: T) => string,
): IncomingRecord<T>[] {
  const keys = uniqueKeys(items.map(keyOf));
  return items.map((record, i) => {
    const lines = record.lines;
    return { key: keys[i] ?? '', fingerprint: fingerprint(record), lines: [lines[0], lines[1]], record };
  });
}

/** Register keys of an assignment appearance: its own ID and every other ID printed with it. */
export function assignmentKeys(a: Assignment, letter: string, scope: string): string[] {
  if (a.synthetic) return [scopedKey(scope, syntheticKey(letter, a.id))];
  const keys = [a.id, ...a.otherIds]
    .map(idKey)
    .filter((k) => k !== '')
    .map((k) => scopedKey(scope, k));
  return [...new Set(keys)];
}

export function keyRecords(r: ExtractionResult, letter: string): KeyedRecords {
  return {
    sections: keyed(r.sections, (s) => s.number || s.title),
    goals: keyed(r.goals, (g) => g.number || g.title),
    assignments: keyed(
      r.assignments,
      (a) => assignmentKeys(a, letter, documentScope(r.document))[0] ?? a.title,
    ),
    budgetLines: keyed(r.budgetLines, (b) => `${b.chapter}.${b.post}|${b.table ?? ''}`),
    authorisations: keyed(r.authorisations, (a) => `${a.kind}|${a.chapter ?? ''}|${a.post ?? ''}`),
    calendar: keyed(r.calendar, (c) => `${c.date ?? ''}|${c.text.slice(0, 80)}`),
  };
}

/**
 * The amount a letter allocates on a budget line, for year-over-year comparison: the column headed
 * "Tildeling…" when there is one (2022 prints "Bevilgning" and "Tildeling"), else the last filled cell.
 */
export function allocatedAmount(b: BudgetLine): number | null {
  const idx = b.columns.findIndex((c) => /tildel/i.test(c));
  if (idx >= 0) {
    const v = b.amounts[idx];
    if (v !== undefined && v !== null) return v;
  }
  for (let i = b.amounts.length - 1; i >= 0; i--) {
    const v = b.amounts[i];
    if (v !== undefined && v !== null) return v;
  }
  return null;
}

/** Text the full-text index sees for each record type. */
export const searchText = {
  assignment: (a: Assignment) =>
    [a.title, a.body, ...a.parts.map((p) => p.text)].filter((s) => s !== '').join('\n'),
  goal: (g: Goal) =>
    [g.title, ...g.criteria.map((c) => c.text), ...g.steeringParameters.map((c) => c.text)].join('\n'),
  budget: (b: BudgetLine) => [b.name, b.comment ?? '', ...b.earmarks.map((e) => e.text)].join('\n'),
};
