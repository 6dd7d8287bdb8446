/**
 * An assignment's timeline across every imported document: where it appeared (new, carried over,
 * supplement), what other assignments said about it, deadline changes, status changes and notes.
 */

export interface DocumentRef {
  id: number;
  type: string;
  year: number | null;
  date: string | null;
  title: string | null;
}

export type TimelineKind =
  | 'appearance'
  | 'referenced_by'
  | 'references'
  | 'deadline_change'
  | 'status'
  | 'note'
  | 'answer'
  | 'owner'
  | 'report'
  /** A corrected version of the letter no longer prints the assignment. */
  | 'dropped';

export interface TimelineEntry {
  /** ISO date (document events) or ISO timestamp (user events); the sort key. */
  at: string;
  kind: TimelineKind;
  /** The document the entry comes from, or null for what a person entered. */
  document: DocumentRef | null;
  /** Short Norwegian description for display. */
  text: string;
  actor: string | null;
  details: Record<string, unknown>;
}

/** When a document "happened": its date, else 1 January of its year, else the epoch. */
export function documentTime(d: Pick<DocumentRef, 'year' | 'date'>): string {
  return d.date ?? (d.year !== null ? `${d.year}-01-01` : '1970-01-01');
}

/** Items (appearances) in the order their documents happened; ties keep the order of import (id). */
export function inDocumentOrder<T extends { id: number }>(
  items: readonly T[],
  documentOf: (item: T) => Pick<DocumentRef, 'year' | 'date'> | undefined,
): T[] {
  const time = (item: T) => {
    const d = documentOf(item);
    return d ? documentTime(d) : '';
  };
  return [...items].sort((x, y) => {
    const tx = time(x);
    const ty = time(y);
    return tx < ty ? -1 : tx > ty ? 1 : x.id - y.id;
  });
}

const KIND_ORDER: Record<TimelineKind, number> = {
  appearance: 0,
  references: 1,
  referenced_by: 2,
  deadline_change: 3,
  status: 4,
  owner: 5,
  note: 6,
  answer: 7,
  report: 8,
  dropped: 9,
};

export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const ta = a.e.at.slice(0, 10);
      const tb = b.e.at.slice(0, 10);
      if (ta !== tb) return ta < tb ? -1 : 1;
      if (a.e.at !== b.e.at) return a.e.at < b.e.at ? -1 : 1;
      const k = KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind];
      return k !== 0 ? k : a.i - b.i;
    })
    .map(({ e }) => e);
}

export const KIND_LABEL: Record<string, string> = {
  new: 'Nytt oppdrag',
  carried_over: 'Videreført',
  supplement: 'Tilleggsoppdrag',
};

export const RELATION_LABEL: Record<string, string> = {
  refers: 'viser til',
  replaces: 'erstatter',
  clarifies: 'presiserer',
  changes: 'endrer',
};
