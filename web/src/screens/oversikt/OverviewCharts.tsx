/** The overview's two charts (recharts, only in this lazily loaded module), each a ChartFigure. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UseCaseOutput } from '../../api/client';
import { ChartFigure } from '../../charts/ChartFigure';
import { formatNumber } from '../../format';
import { statusLabels } from '../oppdrag/texts';
import { monthNames, overviewTexts as t } from './texts';

type Dashboard = UseCaseOutput<'dashboard'>;

/** Distinct fills that keep 3:1 against white; the table below the chart carries the same numbers. */
const STATUS_FILL: Record<string, string> = {
  ny: '#1f5fa8',
  pågår: '#6a3d9a',
  levert: '#a15c00',
  ferdig: '#2a7a3b',
  videreført: '#5c6670',
  trukket: '#8a2d3b',
  erstattet: '#3d5a80',
};

export function StatusChart({ data }: { data: Dashboard }) {
  const statuses = data.byStatus.filter((s) => s.count > 0).map((s) => s.status);
  const rows = data.matrix.map((m) => ({ department: m.department, ...m.counts }));
  const top = [...data.byDepartment].sort((a, b) => b.count - a.count)[0];
  return (
    <ChartFigure
      caption={t.statusChart}
      summary={t.statusChartSummary(
        formatNumber(data.total),
        top ? `${top.department} (${formatNumber(top.count)})` : '–',
      )}
      table={{
        columns: [t.department, ...statuses.map((s) => statusLabels[s] ?? s)],
        rows: data.matrix.map((m) => [m.department, ...statuses.map((s) => m.counts[s] ?? 0)]),
      }}
      format={formatNumber}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="department" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Legend />
          {statuses.map((s) => (
            <Bar
              key={s}
              dataKey={s}
              name={statusLabels[s] ?? s}
              stackId="status"
              isAnimationActive={false}
              fill={STATUS_FILL[s] ?? '#555'}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function DeadlineChart({ data }: { data: Dashboard }) {
  const { year, months } = data.deadlinesPerMonth;
  const rows = months.map((m, i) => ({ month: monthNames[i]?.slice(0, 3) ?? m.month, count: m.count }));
  const total = months.reduce((s, m) => s + m.count, 0);
  const peakIndex = months.reduce((best, m, i) => (m.count > (months[best]?.count ?? 0) ? i : best), 0);
  return (
    <ChartFigure
      caption={t.deadlineChart(year)}
      summary={t.deadlineChartSummary(year, formatNumber(total), monthNames[peakIndex] ?? '')}
      table={{
        columns: [t.month, t.deadlines],
        rows: months.map((m, i) => [monthNames[i] ?? m.month, m.count]),
      }}
      format={formatNumber}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Bar dataKey="count" name={t.deadlines} fill="#1f5fa8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
