/**
 * Oversikt for the chosen year and agency: assignments by status and by department, overdue and due
 * within 30 days, deadlines per month, the next steering-calendar events and the latest imported
 * documents. One use case (`dashboard`) answers it all, counted by the same rules as the list.
 */
import {
  Alert,
  Card,
  Heading,
  Link as DsLink,
  Paragraph,
  Spinner,
  Table,
} from '@digdir/designsystemet-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import type { UseCaseInput, UseCaseOutput } from '../../api/client';
import { useUseCase } from '../../api/queries';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { FilterSelect } from '../oppdrag/FilterSelect';
import { StatusTag, StatusTags } from '../oppdrag/StatusTags';
import { statusLabels } from '../oppdrag/texts';
import { overviewRoute } from './route';
import { overviewTexts as t } from './texts';
import { TableScroll } from '../oppdrag/TableScroll';

type Dashboard = UseCaseOutput<'dashboard'>;

// recharts is the largest dependency: the figures arrive after the numbers, never in the first load.
const StatusChart = lazy(() => import('./OverviewCharts').then((m) => ({ default: m.StatusChart })));
const DeadlineChart = lazy(() => import('./OverviewCharts').then((m) => ({ default: m.DeadlineChart })));
type Item = Dashboard['overdue']['items'][number];

function AssignmentTable({ caption, items }: { caption: string; items: Item[] }) {
  return (
    <TableScroll label={caption}>
      <Table data-size="sm">
        <caption className="styr-visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.colId}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colTitle}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colDeadline}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.colStatus}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((a) => (
            <Table.Row key={a.ref}>
              <Table.HeaderCell scope="row" className="styr-nowrap">
                <Link to="/oppdrag/$ref" params={{ ref: a.ref }}>
                  {a.ref}
                </Link>
              </Table.HeaderCell>
              <Table.Cell>{a.title}</Table.Cell>
              <Table.Cell className="styr-nowrap">{formatDate(a.nextDeadline)}</Table.Cell>
              <Table.Cell>
                <StatusTags status={a.status} derived={a.derived} confidential={a.confidential} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function OverviewScreen() {
  useDocumentTitle(t.title);
  const search = overviewRoute.useSearch();
  const navigate = useNavigate({ from: '/' });
  const input: UseCaseInput<'dashboard'> = {
    ...(search.aar !== undefined ? { year: search.aar } : {}),
    ...(search.virksomhet !== undefined ? { agency: search.virksomhet } : {}),
  };
  const { data, error, isPending } = useUseCase('dashboard', input);
  const listFilter = { ...(search.aar !== undefined ? { aar: search.aar } : {}) };

  return (
    <>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <section aria-label={t.filters} className="styr-filter-grid styr-overview-filters">
        <FilterSelect
          label={t.year}
          allLabel={t.allYears}
          value={search.aar !== undefined ? String(search.aar) : undefined}
          options={(data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(v) =>
            void navigate({
              search: (s) => ({ ...s, aar: v === undefined ? undefined : Number(v) }),
              replace: true,
            })
          }
        />
        {data && data.agencies.length > 1 ? (
          <FilterSelect
            label={t.agency}
            allLabel={t.allAgencies}
            value={search.virksomhet}
            options={data.agencies.map((a) => ({ value: a, label: a }))}
            onChange={(v) => void navigate({ search: (s) => ({ ...s, virksomhet: v }), replace: true })}
          />
        ) : null}
      </section>
      <div aria-live="polite">
        {isPending ? <Spinner aria-label={t.loading} /> : null}
        {error ? (
          <Alert data-color="danger">
            {t.failed}: {error.message}
          </Alert>
        ) : null}
      </div>
      {data ? (
        <>
          <div className="styr-cards">
            <Card data-testid="card-total">
              <Heading level={2} data-size="2xs">
                {t.assignments}
              </Heading>
              <Paragraph data-size="xl" className="styr-figure">
                {formatNumber(data.total)}
              </Paragraph>
              <Link to="/oppdrag" search={listFilter}>
                {t.showList}
              </Link>
            </Card>
            <Card data-testid="card-overdue">
              <Heading level={2} data-size="2xs">
                {t.overdue}
              </Heading>
              <Paragraph data-size="xl" className="styr-figure">
                {formatNumber(data.overdue.count)}
              </Paragraph>
              <Link to="/oppdrag" search={{ ...listFilter, forfalt: true, sorter: 'deadline' }}>
                {t.showList}
              </Link>
            </Card>
            <Card data-testid="card-due-soon">
              <Heading level={2} data-size="2xs">
                {t.dueSoon(data.soonDays)}
              </Heading>
              <Paragraph data-size="xl" className="styr-figure">
                {formatNumber(data.dueSoon.count)}
              </Paragraph>
            </Card>
          </div>

          <div className="styr-two-col styr-section">
            <section aria-labelledby="ov-status">
              <Heading level={2} data-size="sm" id="ov-status">
                {t.byStatus}
              </Heading>
              <TableScroll label={t.byStatus}>
                <Table data-size="sm">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t.status}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="styr-num">
                        {t.count}
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.byStatus.map((s) => (
                      <Table.Row key={s.status}>
                        <Table.HeaderCell scope="row">
                          <Link
                            to="/oppdrag"
                            search={{ ...listFilter, status: s.status as 'ny' }}
                            aria-label={`${statusLabels[s.status] ?? s.status}: ${formatNumber(s.count)}`}
                          >
                            <StatusTag status={s.status} />
                          </Link>
                        </Table.HeaderCell>
                        <Table.Cell className="styr-num">{formatNumber(s.count)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            </section>
            <section aria-labelledby="ov-dept">
              <Heading level={2} data-size="sm" id="ov-dept">
                {t.byDepartment}
              </Heading>
              <TableScroll label={t.byDepartment}>
                <Table data-size="sm">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t.department}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="styr-num">
                        {t.count}
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.byDepartment.map((d) => (
                      <Table.Row key={d.department}>
                        <Table.HeaderCell scope="row">{d.department}</Table.HeaderCell>
                        <Table.Cell className="styr-num">{formatNumber(d.count)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            </section>
          </div>

          <Suspense fallback={<Spinner aria-label={t.loading} data-size="sm" />}>
            <StatusChart data={data} />
          </Suspense>

          <div className="styr-two-col styr-section">
            <section aria-labelledby="ov-overdue">
              <Heading level={2} data-size="sm" id="ov-overdue">
                {t.overdueList}
              </Heading>
              {data.overdue.items.length === 0 ? (
                <Paragraph>{t.noneOverdue}</Paragraph>
              ) : (
                <AssignmentTable caption={t.overdueList} items={data.overdue.items} />
              )}
              {data.overdue.count > data.overdue.items.length ? (
                <Paragraph data-size="sm">
                  <Link to="/oppdrag" search={{ ...listFilter, forfalt: true, sorter: 'deadline' }}>
                    {t.moreIn(formatNumber(data.overdue.count - data.overdue.items.length))}
                  </Link>
                </Paragraph>
              ) : null}
            </section>
            <section aria-labelledby="ov-soon">
              <Heading level={2} data-size="sm" id="ov-soon">
                {t.dueSoonList(data.soonDays)}
              </Heading>
              {data.dueSoon.items.length === 0 ? (
                <Paragraph>{t.noneDueSoon}</Paragraph>
              ) : (
                <AssignmentTable caption={t.dueSoonList(data.soonDays)} items={data.dueSoon.items} />
              )}
            </section>
          </div>

          <Suspense fallback={<Spinner aria-label={t.loading} data-size="sm" />}>
            <DeadlineChart data={data} />
          </Suspense>

          <div className="styr-two-col styr-section">
            <section aria-labelledby="ov-cal">
              <Heading level={2} data-size="sm" id="ov-cal">
                {t.calendar}
              </Heading>
              {data.calendar.length === 0 ? (
                <Paragraph>{t.noCalendar}</Paragraph>
              ) : (
                <ul className="styr-list">
                  {data.calendar.map((c, i) => (
                    <li key={i}>
                      <strong>{formatDate(c.date)}</strong>
                      {c.time ? ` kl. ${c.time}` : ''}: {c.text}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="ov-docs">
              <Heading level={2} data-size="sm" id="ov-docs">
                {t.documents}
              </Heading>
              {data.documents.length === 0 ? (
                <Paragraph>{t.noDocuments}</Paragraph>
              ) : (
                <ul className="styr-list">
                  {data.documents.map((d) => (
                    <li key={d.id}>
                      <DsLink asChild>
                        <Link to="/dokumenter">{d.label}</Link>
                      </DsLink>{' '}
                      ({[d.agency, d.year, `versjon ${d.version}`].filter(Boolean).join(', ')}) –{' '}
                      {t.colImported.toLowerCase()} {formatDateTime(d.importedAt)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}
