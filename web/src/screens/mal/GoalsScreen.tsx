/**
 * The goal hierarchy of one year (mål → vurderingskriterier, styringsparametere, nøkkeltall) and the
 * key-figure series of the annual reports as a line chart and a table across years.
 */
import { Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type UseCaseOutput } from '../../api/client';
import { useUseCase } from '../../api/queries';
import { ChartFigure } from '../../charts/ChartFigure';
import { QueryState } from '../../layout/QueryState';
import { YearSelect } from '../../layout/YearSelect';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { goalsRoute } from './route';
import { goalsTexts as t } from './texts';
import './goals.css';

type Goal = UseCaseOutput<'goals'>[number];

interface Series {
  label: string;
  unit: string | null;
  source: string;
  byYear: Map<number, number | null>;
}

const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const show = (v: number | null | undefined) =>
  v === null || v === undefined ? t.missing : decimal.format(v).replace('-', '−');

/** One series per label across every annual report; a later report's value for a year wins. */
function mergeSeries(reports: UseCaseOutput<'keyFigures'>): Series[] {
  const out = new Map<string, Series>();
  for (const r of reports)
    for (const s of r.series) {
      const name = s.label.trim();
      const cur = out.get(name) ?? { label: name, unit: s.unit, source: r.document.label, byYear: new Map() };
      for (const v of s.values)
        if (v.value !== null || !cur.byYear.has(v.year)) cur.byYear.set(v.year, v.value);
      cur.source = r.document.label;
      out.set(name, cur);
    }
  return [...out.values()];
}

function GoalBlock({ goal }: { goal: Goal }) {
  const parts = [
    [t.criteria, goal.criteria],
    [t.steeringParameters, goal.steeringParameters],
    [t.keyFigures, goal.keyFigures],
  ] as const;
  const any = parts.some(([, items]) => items.length > 0);
  return (
    <li className="styr-goal">
      <Heading level={3} data-size="xs">
        {t.goal(goal.number, goal.title)}
      </Heading>
      {goal.section ? <Paragraph data-size="sm">{t.section(goal.section)}</Paragraph> : null}
      {any ? (
        parts.map(([heading, items]) =>
          items.length > 0 ? (
            <div key={heading} className="styr-goal__part">
              <Heading level={4} data-size="2xs">
                {heading}
              </Heading>
              <ul>
                {items.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            </div>
          ) : null,
        )
      ) : (
        <Paragraph data-size="sm">{t.nothing}</Paragraph>
      )}
    </li>
  );
}

function KeyFigures({ series, chosen }: { series: Series[]; chosen: string | undefined }) {
  const navigate = useNavigate({ from: '/mal' });
  const id = useId();
  const years = [...new Set(series.flatMap((s) => [...s.byYear.keys()]))].sort((a, b) => a - b);
  const current = series.find((s) => s.label === chosen) ?? series[0];
  if (!current) return <Paragraph>{t.noSeries}</Paragraph>;
  const points = [...current.byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, value]) => ({ year: String(year), value }));
  const filled = points.filter((p) => p.value !== null);
  const first = filled[0];
  const last = filled[filled.length - 1];
  return (
    <>
      <Field className="styr-goal-series-select">
        <Label htmlFor={id}>{t.seriesLabel}</Label>
        <Select
          id={id}
          value={current.label}
          onChange={(e) => void navigate({ search: (s) => ({ ...s, tall: e.target.value }) })}
        >
          {series.map((s) => (
            <Select.Option key={s.label} value={s.label}>
              {t.seriesCaption(s.label, s.unit)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <ChartFigure
        caption={t.seriesCaption(current.label, current.unit)}
        summary={
          first && last
            ? t.seriesSummary(
                current.label,
                `${show(first.value)} i ${first.year}`,
                `${show(last.value)} i ${last.year}`,
              )
            : t.seriesSummaryEmpty(current.label)
        }
        table={{
          columns: [t.yearColumn, t.valueColumn],
          rows: points.map((p) => [p.year, p.value === null ? t.missing : p.value]),
        }}
        format={(n) => show(n)}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis tickFormatter={(v: number) => show(v)} width={72} />
            <Tooltip formatter={(v) => show(typeof v === 'number' ? v : null)} />
            <Line
              type="monotone"
              dataKey="value"
              name={current.label}
              stroke="var(--ds-color-accent-base-default)"
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
      <Paragraph data-size="sm">{t.source(current.source)}</Paragraph>
      <div className="styr-table-scroll" tabIndex={0}>
        <Table data-size="sm" zebra>
          <caption>{t.tableCaption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.figureColumn}</Table.HeaderCell>
              {years.map((y) => (
                <Table.HeaderCell key={y} scope="col" className="styr-num">
                  {y}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {series.map((s) => (
              <Table.Row key={s.label}>
                <Table.HeaderCell scope="row">{t.seriesCaption(s.label, s.unit)}</Table.HeaderCell>
                {years.map((y) => (
                  <Table.Cell key={y} className="styr-num">
                    {show(s.byYear.get(y))}
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

export function GoalsScreen() {
  const search = goalsRoute.useSearch();
  const navigate = useNavigate({ from: '/mal' });
  const goals = useUseCase('goals', {});
  const figures = useUseCase('keyFigures', {});
  const years = [...new Set((goals.data ?? []).map((g) => g.document.year).filter((y) => y !== null))].sort(
    (a, b) => b - a,
  );
  const year = search.ar ?? years[0];
  useDocumentTitle(year ? `${t.title} ${year}` : t.title);
  const ofYear = (goals.data ?? []).filter((g) => g.document.year === year);
  const byDocument = new Map<string, Goal[]>();
  for (const g of ofYear) byDocument.set(g.document.label, [...(byDocument.get(g.document.label) ?? []), g]);

  return (
    <div className="styr-screen">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <QueryState isPending={goals.isPending} error={goals.error} loadingText={t.loading} />
      {years.length > 0 ? (
        <YearSelect
          label={t.year}
          years={years}
          value={year}
          onChange={(ar) => void navigate({ search: (s) => ({ ...s, ar }) })}
        />
      ) : null}
      <Paragraph aria-live="polite" data-testid="mal-antall">
        {goals.data && year ? t.goalsCount(ofYear.length, year) : ''}
      </Paragraph>
      {goals.data && ofYear.length === 0 ? <Paragraph>{t.noGoals}</Paragraph> : null}
      {[...byDocument.entries()].map(([doc, list]) => (
        <section key={doc} aria-label={doc} className="styr-goals-doc">
          <Heading level={2} data-size="sm">
            {doc}
          </Heading>
          <ol className="styr-goal-list">
            {list.map((g, i) => (
              <GoalBlock key={`${g.number}-${i}`} goal={g} />
            ))}
          </ol>
        </section>
      ))}

      <section aria-labelledby="nokkeltall-serier">
        <Heading level={2} data-size="md" id="nokkeltall-serier">
          {t.seriesHeading}
        </Heading>
        <Paragraph>{t.seriesIntro}</Paragraph>
        <QueryState isPending={figures.isPending} error={figures.error} loadingText={t.loading} />
        {figures.data ? <KeyFigures series={mergeSeries(figures.data)} chosen={search.tall} /> : null}
      </section>
    </div>
  );
}
