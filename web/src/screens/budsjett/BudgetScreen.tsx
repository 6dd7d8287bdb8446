/**
 * The budget of one year: chapter/post with flags and earmarks, the allocation (letter + supplements)
 * against the annual report's accounts, the year's authorisations, and a year-over-year chart.
 */
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UseCaseOutput } from '../../api/client';
import { useUseCase } from '../../api/queries';
import { ChartFigure } from '../../charts/ChartFigure';
import { formatKroner, formatMillions } from '../../format';
import { QueryState } from '../../layout/QueryState';
import { YearSelect } from '../../layout/YearSelect';
import { useDocumentTitle } from '../../layout/useDocumentTitle';
import { budgetRoute } from './route';
import { budgetTexts as t } from './texts';
import './budget.css';

type Line = UseCaseOutput<'budgetYear'>['lines'][number];

const kr = (n: number | null) => (n === null ? t.none : formatKroner(n));
/** Chapters 3xxx and 5xxx are income in the state budget. */
const isIncome = (chapter: string) =>
  chapter.length === 4 && (chapter.startsWith('3') || chapter.startsWith('5'));
const sum = (lines: Line[], f: (l: Line) => number | null) => {
  const vals = lines.map(f).filter((v): v is number => v !== null);
  return vals.length === 0 ? null : vals.reduce((a, b) => a + b, 0);
};
const BAR_COLOURS = [
  'var(--ds-color-accent-base-default)',
  'var(--ds-color-neutral-base-default)',
  'var(--ds-color-info-base-default)',
  'var(--ds-color-warning-base-default)',
];

function Notes({ line }: { line: Line }) {
  const flags = line.flags.filter((f) => f !== 'kan_nyttes_under_post' || line.usableUnderPosts.length === 0);
  if (flags.length === 0 && line.usableUnderPosts.length === 0 && line.earmarks.length === 0) return t.none;
  return (
    <ul className="styr-budget-notes">
      {flags.map((f) => (
        <li key={f}>
          <Tag data-size="sm" data-color="info">
            {t.flags[f] ?? f}
          </Tag>
        </li>
      ))}
      {line.usableUnderPosts.length > 0 ? (
        <li>
          <Tag data-size="sm" data-color="info">
            {t.usableUnder(line.usableUnderPosts.join(', '))}
          </Tag>
        </li>
      ) : null}
      {line.earmarks.map((e, i) => (
        <li key={i}>{t.earmark(formatKroner(e.amount), e.text)}</li>
      ))}
    </ul>
  );
}

function TotalRow({ label, lines }: { label: string; lines: Line[] }) {
  return (
    <Table.Row>
      <Table.HeaderCell scope="row" colSpan={3}>
        {label}
      </Table.HeaderCell>
      {[
        (l: Line) => l.letter,
        (l: Line) => l.supplements,
        (l: Line) => l.allocation,
        (l: Line) => l.accounts,
        (l: Line) => l.difference,
      ].map((f, i) => (
        <Table.Cell key={i} className="styr-num">
          {kr(sum(lines, f))}
        </Table.Cell>
      ))}
      <Table.Cell />
    </Table.Row>
  );
}

function YearOverYear({ data }: { data: UseCaseOutput<'budget'> }) {
  const byChapter = new Map<string, Record<string, number>>();
  for (const r of data.rows)
    for (const [y, v] of Object.entries(r.byYear)) {
      if (v === null) continue;
      const row = byChapter.get(r.chapter) ?? {};
      row[y] = (row[y] ?? 0) + v;
      byChapter.set(r.chapter, row);
    }
  const years = data.years.map(String);
  const points = [...byChapter.entries()].map(([chapter, row]) => ({
    chapter: t.chapter(chapter),
    ...Object.fromEntries(years.map((y) => [y, (row[y] ?? 0) / 1_000_000])),
  }));
  return (
    <ChartFigure
      caption={t.yoyCaption}
      summary={t.yoySummary(points.length, years.join(', '))}
      table={{
        columns: [t.chapterColumn, ...years],
        rows: [...byChapter.entries()].map(([chapter, row]) => [
          t.chapter(chapter),
          ...years.map((y) => row[y] ?? 0),
        ]),
      }}
      format={formatMillions}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="chapter" />
          <YAxis width={56} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatMillions(v * 1_000_000) : String(v))} />
          <Legend />
          {years.map((y, i) => (
            <Bar
              key={y}
              dataKey={y}
              name={y}
              fill={BAR_COLOURS[i % BAR_COLOURS.length] ?? 'currentColor'}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function BudgetScreen() {
  const search = budgetRoute.useSearch();
  const navigate = useNavigate({ from: '/budsjett' });
  const year = useUseCase('budgetYear', search.ar !== undefined ? { year: search.ar } : {});
  const all = useUseCase('budget', {});
  const y = year.data?.year ?? null;
  useDocumentTitle(y ? `${t.title} ${y}` : t.title);
  const lines = year.data?.lines ?? [];
  const expenses = lines.filter((l) => !isIncome(l.chapter));
  const income = lines.filter((l) => isIncome(l.chapter));
  const hasAccounts = lines.some((l) => l.accounts !== null);
  const auth = year.data?.authorisations ?? [];

  return (
    <div className="styr-screen">
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <QueryState isPending={year.isPending} error={year.error} loadingText={t.loading} />
      {year.data && year.data.years.length > 0 ? (
        <YearSelect
          label={t.year}
          years={[...year.data.years].reverse()}
          value={y ?? undefined}
          onChange={(ar) => void navigate({ search: { ar } })}
        />
      ) : null}
      {year.data && y === null ? <Paragraph>{t.noBudget}</Paragraph> : null}

      {y !== null ? (
        <section aria-labelledby="budsjett-linjer">
          <Heading level={2} data-size="md" id="budsjett-linjer">
            {t.linesHeading(y)}
          </Heading>
          <Paragraph aria-live="polite" data-testid="budsjett-sammendrag">
            {t.linesSummary(lines.length, kr(sum(expenses, (l) => l.allocation)))}
          </Paragraph>
          {hasAccounts ? (
            <Paragraph data-size="sm">{t.differenceHelp}</Paragraph>
          ) : (
            <Paragraph data-size="sm">{t.noAccounts(y)}</Paragraph>
          )}
          <div className="styr-table-scroll" tabIndex={0}>
            <Table data-size="sm" zebra className="styr-budget-table">
              <caption className="styr-visually-hidden">{t.linesCaption(y)}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t.columns.chapter}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.columns.post}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.columns.name}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="styr-num">
                    {t.columns.letter}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="styr-num">
                    {t.columns.supplements}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="styr-num">
                    {t.columns.allocation}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="styr-num">
                    {t.columns.accounts}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="styr-num">
                    {t.columns.difference}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t.columns.notes}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {lines.map((l) => (
                  <Table.Row key={`${l.chapter}.${l.post}`}>
                    <Table.Cell>{l.chapter}</Table.Cell>
                    <Table.Cell>{l.post}</Table.Cell>
                    <Table.HeaderCell scope="row">{l.name}</Table.HeaderCell>
                    <Table.Cell className="styr-num">{kr(l.letter)}</Table.Cell>
                    <Table.Cell className="styr-num">{kr(l.supplements)}</Table.Cell>
                    <Table.Cell className="styr-num">{kr(l.allocation)}</Table.Cell>
                    <Table.Cell className="styr-num">{kr(l.accounts)}</Table.Cell>
                    <Table.Cell className="styr-num">{kr(l.difference)}</Table.Cell>
                    <Table.Cell>
                      <Notes line={l} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
              <Table.Foot>
                {expenses.length > 0 ? <TotalRow label={t.totalExpenses} lines={expenses} /> : null}
                {income.length > 0 ? <TotalRow label={t.totalIncome} lines={income} /> : null}
              </Table.Foot>
            </Table>
          </div>
        </section>
      ) : null}

      {y !== null ? (
        <section aria-labelledby="budsjett-fullmakter">
          <Heading level={2} data-size="md" id="budsjett-fullmakter">
            {t.authorisationsHeading}
          </Heading>
          {auth.length === 0 ? (
            <Paragraph>{t.noAuthorisations(y)}</Paragraph>
          ) : (
            <div className="styr-table-scroll" tabIndex={0}>
              <Table data-size="sm" zebra>
                <caption className="styr-visually-hidden">{t.authorisationsCaption(y)}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t.authColumns.kind}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t.authColumns.line}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="styr-num">
                      {t.authColumns.amount}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t.authColumns.text}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t.authColumns.document}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {auth.map((a, i) => (
                    <Table.Row key={i}>
                      <Table.HeaderCell scope="row">{a.kind}</Table.HeaderCell>
                      <Table.Cell>{[a.chapter, a.post].filter(Boolean).join('.') || t.none}</Table.Cell>
                      <Table.Cell className="styr-num">{kr(a.amount)}</Table.Cell>
                      <Table.Cell>{a.text}</Table.Cell>
                      <Table.Cell>{a.document}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="budsjett-ar-mot-ar">
        <Heading level={2} data-size="md" id="budsjett-ar-mot-ar">
          {t.yoyHeading}
        </Heading>
        <QueryState isPending={all.isPending} error={all.error} loadingText={t.loading} />
        {all.data && all.data.rows.length > 0 ? <YearOverYear data={all.data} /> : null}
      </section>
    </div>
  );
}
