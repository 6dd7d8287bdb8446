/**
 * The steering calendar and every assignment deadline, as a month grid (a table with weekday headers)
 * or a list grouped by day. View, year and month are in the URL.
 */
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useUseCase } from '../../api/queries';
import { formatDate } from '../../format';
import { QueryState } from '../../layout/QueryState';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { calendarRoute } from './route';
import { calendarTexts as t } from './texts';
import './calendar.css';

interface Entry {
  date: string;
  kind: 'event' | 'deadline';
  key: string;
  text: string;
  time: string | null;
  /** The letter an event comes from. */
  source: string | null;
  /** The assignment a deadline belongs to. */
  ref: string | null;
  status: string | null;
  derived: 'forfalt' | 'snart forfall' | null;
}

const monthName = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const pad = (n: number) => String(n).padStart(2, '0');

function monthLabel(year: number, month: number): string {
  const s = monthName.format(new Date(Date.UTC(year, month - 1, 1)));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function shift(year: number, month: number, by: number): { ar: number; maned: number } {
  const m = year * 12 + (month - 1) + by;
  return { ar: Math.floor(m / 12), maned: (m % 12) + 1 };
}

/** Weeks of the month, Monday first; null for days of the neighbouring months. */
function weeks(year: number, month: number): (string | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

function EntryItem({ e }: { e: Entry }) {
  return (
    <li className="styr-cal-entry">
      <Tag data-size="sm" data-color={e.kind === 'event' ? 'info' : 'neutral'}>
        {e.kind === 'event' ? t.event : t.deadline}
      </Tag>{' '}
      {e.ref ? (
        <Link to="/oppdrag/$ref" params={{ ref: e.ref }}>
          {e.ref}
        </Link>
      ) : null}{' '}
      {e.time ? <span>{t.at(e.time)} </span> : null}
      <span>{e.text}</span>
      {e.derived ? (
        <>
          {' '}
          <Tag data-size="sm" data-color={e.derived === 'forfalt' ? 'danger' : 'warning'}>
            {t.derived[e.derived]}
          </Tag>
        </>
      ) : null}
      {e.status ? (
        <span className="styr-visually-hidden">
          {', '}
          {t.status(e.status)}
        </span>
      ) : null}
      {e.source ? <span className="styr-cal-source"> {t.from(e.source)}</span> : null}
    </li>
  );
}

export function CalendarScreen() {
  const search = calendarRoute.useSearch();
  const navigate = useNavigate({ from: '/kalender' });
  const { visning, ar, maned } = search;
  const label = monthLabel(ar, maned);
  useDocumentTitle(`${t.title}: ${label}`);

  const events = useUseCase('calendar', {});
  const assignments = useUseCase('listAssignments', { hasDeadline: true, limit: 1000, sort: 'deadline' });
  const prefix = `${ar}-${pad(maned)}`;

  const entries: Entry[] = [
    ...(events.data ?? [])
      .filter((c) => c.date?.startsWith(prefix))
      .map((c, i) => ({
        date: c.date ?? '',
        kind: 'event' as const,
        key: `e${i}`,
        text: c.text + (c.note ? ` (${c.note})` : ''),
        time: c.time,
        source: c.document.label,
        ref: null,
        status: null,
        derived: null,
      })),
    ...(assignments.data?.items ?? []).flatMap((a) =>
      [...new Set(a.deadlines)]
        .filter((d): d is string => d !== null && d.startsWith(prefix))
        .map((d) => ({
          date: d,
          kind: 'deadline' as const,
          key: `${a.ref}|${d}`,
          text: a.title,
          time: null,
          source: null,
          ref: a.ref,
          status: a.status,
          derived: a.derived,
        })),
    ),
  ].sort((x, y) => x.date.localeCompare(y.date) || x.kind.localeCompare(y.kind));
  const byDay = new Map<string, Entry[]>();
  for (const e of entries) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  const undated = (events.data ?? []).filter((c) => c.date === null && c.document.year === ar);
  const nEvents = entries.filter((e) => e.kind === 'event').length;

  const prev = shift(ar, maned, -1);
  const next = shift(ar, maned, 1);
  const go = (s: Partial<typeof search>) => void navigate({ search: { ...search, ...s } });

  return (
    <div className="styr-screen">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>

      <div className="styr-cal-toolbar">
        <nav aria-label={t.viewLabel} className="styr-cal-views">
          {(['maned', 'liste'] as const).map((v) => (
            <Button key={v} asChild data-size="sm" variant={visning === v ? 'primary' : 'secondary'}>
              <Link
                to="/kalender"
                search={{ ...search, visning: v }}
                aria-current={visning === v ? 'page' : undefined}
              >
                {t.views[v]}
              </Link>
            </Button>
          ))}
        </nav>
        <div className="styr-cal-months">
          <Button data-size="sm" variant="secondary" onClick={() => go(prev)}>
            {t.previous}
          </Button>
          <Button data-size="sm" variant="secondary" onClick={() => go(next)}>
            {t.next}
          </Button>
        </div>
      </div>

      <Heading level={2} data-size="md" id="kalender-maned">
        {label}
      </Heading>
      <QueryState
        isPending={events.isPending || assignments.isPending}
        error={events.error ?? assignments.error}
        loadingText={t.loading}
      />
      <Paragraph aria-live="polite" data-testid="kalender-sammendrag">
        {events.isPending || assignments.isPending ? '' : t.summary(nEvents, entries.length - nEvents)}
      </Paragraph>

      {visning === 'maned' ? (
        <div className="styr-table-scroll" tabIndex={0}>
          <Table className="styr-cal-grid" data-size="sm" aria-labelledby="kalender-maned">
            <Table.Head>
              <Table.Row>
                {t.weekdays.map((d, i) => (
                  <Table.HeaderCell key={d} scope="col">
                    <span aria-hidden>{t.weekdaysShort[i]}</span>
                    <span className="styr-visually-hidden">{d}</span>
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {weeks(ar, maned).map((week, w) => (
                <Table.Row key={w}>
                  {week.map((day, i) => (
                    <Table.Cell
                      key={i}
                      className={day && byDay.has(day) ? 'styr-cal-day has-entries' : 'styr-cal-day'}
                    >
                      {day ? (
                        <>
                          <span className="styr-cal-daynum">
                            <span aria-hidden>{Number(day.slice(8))}</span>
                            <span className="styr-visually-hidden">{formatDate(day)}</span>
                          </span>
                          {byDay.has(day) ? (
                            <ul className="styr-cal-list">
                              {(byDay.get(day) ?? []).map((e) => (
                                <EntryItem key={e.key} e={e} />
                              ))}
                            </ul>
                          ) : null}
                        </>
                      ) : null}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : entries.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        [...byDay.entries()].map(([day, list]) => (
          <Fragment key={day}>
            <Heading level={3} data-size="xs" className="styr-cal-dayheading">
              {formatDate(day)}
            </Heading>
            <ul className="styr-cal-list">
              {list.map((e) => (
                <EntryItem key={e.key} e={e} />
              ))}
            </ul>
          </Fragment>
        ))
      )}

      {undated.length > 0 ? (
        <section aria-labelledby="kalender-udatert">
          <Heading level={2} data-size="sm" id="kalender-udatert">
            {t.undated}
          </Heading>
          <Paragraph>{t.undatedIntro}</Paragraph>
          <ul className="styr-cal-list">
            {undated.map((c, i) => (
              <li key={i}>
                {c.text} <span className="styr-cal-source">{t.from(c.document.label)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
