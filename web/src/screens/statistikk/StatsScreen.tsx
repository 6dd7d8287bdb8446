/**
 * Statistikk: steering load per letter over the years (goals, steering parameters, assignments,
 * deadlines), as charts with their numbers as tables. Recharts is only imported here (a lazy chunk).
 */
import {
  Alert,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
} from '@digdir/designsystemet-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { UseCaseOutput } from '../../api/client';
import { useUseCase } from '../../api/queries';
import { ChartFigure } from '../../charts/ChartFigure';
import { formatNumber } from '../../format';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { STATS_TYPES, statsParams } from './route';
import { statsTexts as t } from './texts';

type LetterStats = UseCaseOutput<'stats'>[number];

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11); series also differ by legend text. */
const COLOURS = ['#1e5aa0', '#b35c00', '#2f7a3b', '#7a3fa0'] as const;

interface Row extends LetterStats {
  short: string;
  total: number;
}

function rowsOf(stats: LetterStats[]): Row[] {
  const seen = new Map<string, number>();
  return stats.map((s) => {
    const base = `${s.year ?? t.none} ${t.short[s.type] ?? s.type}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      ...s,
      short: n > 1 ? `${base} (${n})` : base,
      total: s.assignmentsNew + s.assignmentsCarriedOver + s.assignmentsSupplement,
    };
  });
}

const sum = (rows: Row[], f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0);
const percent = (share: number | null) => (share === null ? t.none : `${Math.round(share * 100)} %`);

function Charts({ rows }: { rows: Row[] }) {
  const most = rows.reduce<Row | undefined>((m, r) => (!m || r.total > m.total ? r : m), undefined);
  const axis = { fontSize: 12, fill: '#3d3d3d' };
  // The same grid, axes, tooltip and legend in every chart (an array of children, which recharts reads).
  const gridAndAxes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" />,
    <XAxis key="x" dataKey="short" tick={axis} />,
    <YAxis key="y" allowDecimals={false} tick={axis} width={40} />,
    <Tooltip key="tooltip" />,
    <Legend key="legend" />,
  ];
  return (
    <>
      <ChartFigure
        caption={t.assignmentsCaption}
        summary={t.assignmentsSummary(rows.length, most?.label ?? t.none, most?.total ?? 0)}
        format={formatNumber}
        table={{
          columns: [
            t.document,
            t.assignmentsNew,
            t.assignmentsCarriedOver,
            t.assignmentsSupplement,
            t.assignmentsTotal,
          ],
          rows: rows.map((r) => [
            r.label,
            r.assignmentsNew,
            r.assignmentsCarriedOver,
            r.assignmentsSupplement,
            r.total,
          ]),
        }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            {gridAndAxes}
            <Bar dataKey="assignmentsNew" name={t.assignmentsNew} stackId="a" fill={COLOURS[0]} />
            <Bar
              dataKey="assignmentsCarriedOver"
              name={t.assignmentsCarriedOver}
              stackId="a"
              fill={COLOURS[1]}
            />
            <Bar
              dataKey="assignmentsSupplement"
              name={t.assignmentsSupplement}
              stackId="a"
              fill={COLOURS[2]}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>

      <ChartFigure
        caption={t.goalsCaption}
        summary={t.goalsSummary(
          rows.length,
          sum(rows, (r) => r.goals),
          sum(rows, (r) => r.steeringParameters),
        )}
        format={formatNumber}
        table={{
          columns: [t.document, t.goals, t.criteria, t.steeringParameters, t.keyFigures],
          rows: rows.map((r) => [r.label, r.goals, r.criteria, r.steeringParameters, r.keyFigures]),
        }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            {gridAndAxes}
            <Line dataKey="goals" name={t.goals} stroke={COLOURS[0]} strokeWidth={2} />
            <Line
              dataKey="steeringParameters"
              name={t.steeringParameters}
              stroke={COLOURS[1]}
              strokeWidth={2}
            />
            <Line
              dataKey="criteria"
              name={t.criteria}
              stroke={COLOURS[2]}
              strokeWidth={2}
              strokeDasharray="6 3"
            />
            <Line
              dataKey="keyFigures"
              name={t.keyFigures}
              stroke={COLOURS[3]}
              strokeWidth={2}
              strokeDasharray="2 2"
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>

      <ChartFigure
        caption={t.deadlinesCaption}
        summary={t.deadlinesSummary(
          rows.length,
          sum(rows, (r) => r.withConcreteDeadline),
          sum(rows, (r) => r.total),
        )}
        table={{
          columns: [t.document, t.assignmentsTotal, t.withDeadline, t.share],
          rows: rows.map((r) => [
            r.label,
            formatNumber(r.total),
            formatNumber(r.withConcreteDeadline),
            percent(r.shareWithDeadline),
          ]),
        }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            {gridAndAxes}
            <Bar dataKey="total" name={t.assignmentsTotal} fill={COLOURS[0]} />
            <Bar dataKey="withConcreteDeadline" name={t.withDeadline} fill={COLOURS[1]} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}

function Departments({ rows }: { rows: Row[] }) {
  const departments = [...new Set(rows.flatMap((r) => Object.keys(r.perDepartment)))].sort((a, b) =>
    a.localeCompare(b, 'nb'),
  );
  if (departments.length === 0) return null;
  return (
    <>
      <Heading level={2} data-size="sm">
        {t.departmentsHeading}
      </Heading>
      <div className="styr-table-scroll" tabIndex={0} role="region" aria-label={t.departmentsHeading}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.document}</Table.HeaderCell>
              {departments.map((d) => (
                <Table.HeaderCell key={d} scope="col" className="styr-num">
                  {d}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.documentId}>
                <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                {departments.map((d) => (
                  <Table.Cell key={d} className="styr-num">
                    {formatNumber(r.perDepartment[d] ?? 0)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </>
  );
}

export function StatsScreen() {
  useDocumentTitle(t.title);
  const { type = 'alle' } = useSearch({ from: '/innlogget/statistikk' });
  const navigate = useNavigate({ from: '/statistikk' });
  const { data, error, isPending } = useUseCase('stats', {});
  const rows = rowsOf((data ?? []).filter((s) => type === 'alle' || s.type === type));

  return (
    <>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Field className="styr-stats__filter">
        <Label>{t.filterLabel}</Label>
        <Select
          value={type}
          onChange={(e) =>
            void navigate({
              search: statsParams.parse({ type: e.target.value === 'alle' ? undefined : e.target.value }),
            })
          }
        >
          {STATS_TYPES.map((k) => (
            <Select.Option key={k} value={k}>
              {t.types[k]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {isPending ? <Spinner aria-label={t.loading} /> : null}
      {error ? (
        <Alert data-color="danger">
          {t.failed}: {error.message}
        </Alert>
      ) : null}
      <div aria-live="polite" data-testid="stats-status">
        {data ? <Paragraph>{rows.length === 0 ? t.empty : t.shown(rows.length)}</Paragraph> : null}
      </div>
      {rows.length > 0 ? (
        <>
          <Charts rows={rows} />
          <Heading level={2} data-size="sm">
            {t.tableHeading}
          </Heading>
          <div className="styr-table-scroll" tabIndex={0} role="region" aria-label={t.tableHeading}>
            <Table data-size="sm" data-testid="stats-table">
              <caption className="styr-visually-hidden">{t.tableCaption}</caption>
              <Table.Head>
                <Table.Row>
                  {[
                    t.document,
                    t.goals,
                    t.steeringParameters,
                    t.keyFigures,
                    t.assignmentsTotal,
                    t.withDeadline,
                    t.share,
                  ].map((c, i) => (
                    <Table.HeaderCell key={c} scope="col" className={i > 0 ? 'styr-num' : undefined}>
                      {c}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((r) => (
                  <Table.Row key={r.documentId}>
                    <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                    <Table.Cell className="styr-num">{formatNumber(r.goals)}</Table.Cell>
                    <Table.Cell className="styr-num">{formatNumber(r.steeringParameters)}</Table.Cell>
                    <Table.Cell className="styr-num">{formatNumber(r.keyFigures)}</Table.Cell>
                    <Table.Cell className="styr-num">{formatNumber(r.total)}</Table.Cell>
                    <Table.Cell className="styr-num">{formatNumber(r.withConcreteDeadline)}</Table.Cell>
                    <Table.Cell className="styr-num">{percent(r.shareWithDeadline)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Departments rows={rows} />
        </>
      ) : null}
    </>
  );
}
