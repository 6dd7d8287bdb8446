/**
 * The deadline calendar: every dated deadline of an open assignment and every dated steering-calendar
 * entry the principal may see, as events with stable UIDs. The iCalendar feed (a feed token's
 * principal) and `styr calendar --out` both run it; the writer is adapters/exports/ical.ts.
 */
import { listAssignments } from '../../adapters/store/assignments-query.js';
import { listCalendar } from '../../adapters/store/catalogue.js';
import { deadlineEvents, type FeedEvent, steeringEvents } from '../../core/export/calendar-events.js';
import { sha256 } from '../auth/secrets.js';
import { authorize, viewerFor } from '../policy.js';
import { DeadlineCalendarInput } from '../schemas.js';
import { useCase } from '../use-case.js';

/** A UID from the event's identity: the lineage key never leaves the register, its hash does. */
export function eventUid(parts: readonly string[]): string {
  return `${sha256(parts.join('\u001f')).slice(0, 32)}@styr`;
}

/** `https://styr.example.no/` + ref → the web app's page of the assignment. */
export function assignmentLink(baseUrl: string | undefined, ref: string): string | null {
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}/oppdrag/${encodeURIComponent(ref)}` : null;
}

export const deadlineCalendarUseCase = useCase({
  name: 'deadlineCalendar',
  summary: 'Frister og styringskalender som kalenderhendelser (iCalendar)',
  input: DeadlineCalendarInput,
  readOnly: true,
  async run(call, input): Promise<{ name: string; events: FeedEvent[] }> {
    authorize(call.principal, 'read');
    const viewer = viewerFor(call.principal);
    const { db } = call.deps.store;
    const assignments = await listAssignments(
      db,
      input.year !== undefined ? { year: input.year } : {},
      viewer,
      call.deps.clock,
    );
    const entries = await listCalendar(db, viewer, input.year);
    const events = [
      ...deadlineEvents(
        assignments.map((a) => ({ ...a, ref: a.ids[0] ?? a.key })),
        eventUid,
        (ref) => assignmentLink(input.baseUrl, ref),
      ),
      ...steeringEvents(
        entries.map((e) => ({ ...e, documentKey: e.letterKey, documentLabel: e.document.label })),
        eventUid,
      ),
    ].sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
    const org = call.principal.organisation?.name;
    return { name: org ? `styr – frister for ${org}` : 'styr – frister', events };
  },
});
