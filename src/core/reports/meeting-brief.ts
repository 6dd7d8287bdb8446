/**
 * "Møtegrunnlag for etatsstyringsmøte": what happened since the previous steering meeting in the
 * steering calendar: deliveries, overdue assignments, changes, new assignments from supplementary
 * letters and budget changes.
 */
import { formatIsoDate } from '../format/norwegian.js';
import type { CalendarFacts, ReportFacts } from './facts.js';
import { compareByIds, dayOf, idsOf, lastDeadline, reportShell, titleOf } from './common.js';
import { deadlineChangesIn, isOverdueOn } from './deviations.js';
import { amount, type Block, column, date, heading, paragraph, type Report, table, text } from './model.js';

const MEETING = /styringsm(ø|o)te/iu;

/** The latest steering meeting in the calendar before `day`, or null. */
export function previousMeeting(calendar: readonly CalendarFacts[], day: string): string | null {
  return (
    calendar
      .filter((c): c is CalendarFacts & { date: string } => c.date !== null && c.date < day)
      .filter((c) => MEETING.test(c.text))
      .map((c) => c.date)
      .sort()
      .pop() ?? null
  );
}

function section(title: string, none: string, content: Block | null): Block[] {
  return [heading(1, title), content ?? paragraph(none)];
}

export function buildMeetingBrief(facts: ReportFacts, since?: string): Report {
  const day = facts.date;
  const from = since ?? previousMeeting(facts.calendar, day) ?? `${facts.year}-01-01`;
  const inRange = (at: string | null) => at !== null && dayOf(at) >= from && dayOf(at) <= day;
  const list = [...facts.assignments].sort(compareByIds);

  const delivered = list.flatMap((a) =>
    a.statusEvents.filter((e) => e.to === 'levert' && inRange(e.at)).map((e) => ({ a, e })),
  );
  const overdue = list.filter((a) => isOverdueOn(a, day));
  const changed = [
    ...list.flatMap((a) =>
      deadlineChangesIn(a, day, from).map((c) => ({
        a,
        what: `Frist fra ${c.from ? formatIsoDate(c.from) : 'ingen'} til ${c.to ? formatIsoDate(c.to) : 'ingen'}`,
        reason: c.reason,
        at: dayOf(c.at),
      })),
    ),
    ...list.flatMap((a) =>
      a.statusEvents
        .filter((e) => e.to !== 'levert' && inRange(e.at))
        .map((e) => ({ a, what: `Status fra ${e.from} til ${e.to}`, reason: e.reason, at: dayOf(e.at) })),
    ),
  ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : compareByIds(x.a, y.a)));
  const added = list.filter((a) => a.origin.type === 'tillegg' && inRange(a.origin.date));
  const budget = facts.budget.filter((b) => b.source === 'tillegg' && inRange(b.documentDate));

  const blocks: Block[] = [
    paragraph(`Perioden er fra ${formatIsoDate(from)} til ${formatIsoDate(day)}.`),
    ...section(
      'Levert siden forrige møte',
      'Ingen oppdrag levert i perioden.',
      delivered.length === 0
        ? null
        : table(
            [column('ID', 1.2), column('Oppdrag', 4), column('Levert', 1.4)],
            delivered.map(({ a, e }) => [text(idsOf(a)), text(titleOf(a)), date(dayOf(e.at))]),
          ),
    ),
    ...section(
      'Forfalte oppdrag',
      'Ingen forfalte oppdrag.',
      overdue.length === 0
        ? null
        : table(
            [column('ID', 1.2), column('Oppdrag', 4), column('Siste frist', 1.4), column('Status', 1)],
            overdue.map((a) => [text(idsOf(a)), text(titleOf(a)), date(lastDeadline(a)), text(a.status)]),
          ),
    ),
    ...section(
      'Endringer',
      'Ingen endrede frister eller statuser i perioden.',
      changed.length === 0
        ? null
        : table(
            [
              column('ID', 1.2),
              column('Oppdrag', 2.5),
              column('Endring', 2),
              column('Begrunnelse', 2.5),
              column('Dato', 1.3),
            ],
            changed.map((c) => [
              text(idsOf(c.a)),
              text(titleOf(c.a)),
              text(c.what),
              text(c.reason),
              date(c.at),
            ]),
          ),
    ),
    ...section(
      'Nye oppdrag i tillegg til tildelingsbrevet',
      'Ingen nye oppdrag fra tilleggsbrev i perioden.',
      added.length === 0
        ? null
        : table(
            [column('ID', 1.2), column('Oppdrag', 3), column('Dokument', 2), column('Dato', 1.3)],
            added.map((a) => [text(idsOf(a)), text(titleOf(a)), text(a.origin.label), date(a.origin.date)]),
          ),
    ),
    ...section(
      'Budsjettendringer',
      'Ingen budsjettendringer i perioden.',
      budget.length === 0
        ? null
        : table(
            [
              column('Kap.', 0.8),
              column('Post', 0.7),
              column('Navn', 3),
              column('Endring', 1.6, 'right'),
              column('Dokument', 2),
            ],
            budget.map((b) => [
              text(b.chapter),
              text(b.post),
              text(b.name),
              amount(b.allocated),
              text(b.documentLabel),
            ]),
          ),
    ),
  ];
  return {
    ...reportShell('motegrunnlag', facts, [
      { label: 'Forrige møte', value: formatIsoDate(from) },
      { label: 'Møtedato', value: formatIsoDate(day) },
    ]),
    blocks,
  };
}
