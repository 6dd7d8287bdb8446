/**
 * Calendar events from the register: one per dated deadline of an open assignment, and one per dated
 * entry of the steering calendar (årshjul). Each event carries the parts of its identity; the caller
 * hashes them into the UID (core does no hashing), so a calendar that re-imports the feed updates an
 * event rather than adding a copy when a new version of a letter moves a deadline or retitles it.
 */
import { z } from 'zod';

export const FeedEvent = z.object({
  uid: z.string(),
  summary: z.string(),
  description: z.string(),
  /** `YYYY-MM-DD`: day-precise deadlines are all-day events. */
  date: z.string(),
  /** `HH:MM` Oslo time for a steering-calendar meeting; null = all day. */
  time: z.string().nullable(),
  url: z.string().nullable(),
});
export type FeedEvent = z.infer<typeof FeedEvent>;

/** Deadlines of assignments that are done, withdrawn or replaced are no longer anyone's to meet. */
const CLOSED = new Set(['ferdig', 'trukket', 'erstattet']);

export interface DeadlineSource {
  /** The assignment's lineage key (stable across versions and carried-over years). */
  key: string;
  ref: string;
  title: string;
  status: string;
  departments: readonly string[];
  deadlines: readonly (string | null)[];
}

export interface CalendarSource {
  documentKey: string;
  documentLabel: string;
  key: string;
  date: string | null;
  time: string | null;
  text: string;
  note: string | null;
}

export type UidOf = (parts: readonly string[]) => string;

/**
 * The deadline kind in the UID: `final` for the last deadline, `step-<n>` for earlier ones in order,
 * so moving a deadline keeps its event as long as the assignment keeps the same number of deadlines.
 */
export function deadlineEvents(
  sources: readonly DeadlineSource[],
  uidOf: UidOf,
  linkOf: (ref: string) => string | null,
): FeedEvent[] {
  const out: FeedEvent[] = [];
  for (const a of sources) {
    if (CLOSED.has(a.status)) continue;
    const dated = [...new Set(a.deadlines.filter((d): d is string => d !== null))].sort();
    dated.forEach((date, i) => {
      const last = i === dated.length - 1;
      out.push({
        uid: uidOf(['deadline', a.key, last ? 'final' : `step-${i + 1}`]),
        summary: `${last ? 'Frist' : 'Delfrist'}: ${a.ref} ${a.title}`.trim(),
        description: [
          `Oppdrag ${a.ref}: ${a.title}`,
          `Status: ${a.status}`,
          a.departments.length > 0 ? `Avdeling: ${a.departments.join(', ')}` : null,
        ]
          .filter((l) => l !== null)
          .join('\n'),
        date,
        time: null,
        url: linkOf(a.ref),
      });
    });
  }
  return out;
}

export function steeringEvents(entries: readonly CalendarSource[], uidOf: UidOf): FeedEvent[] {
  return entries
    .filter((e): e is CalendarSource & { date: string } => e.date !== null)
    .map((e) => ({
      uid: uidOf(['calendar', e.documentKey, e.key]),
      summary: e.text,
      description: [e.note, `Fra ${e.documentLabel}`].filter((l) => l).join('\n'),
      date: e.date,
      time:
        e.time !== null && /^\d{1,2}[:.]\d{2}$/.test(e.time)
          ? e.time.replace('.', ':').padStart(5, '0')
          : null,
      url: null,
    }));
}
