/**
 * Every chart in styr is a <figure>: the picture is hidden from screen readers (role="img" with a one-line
 * summary), and the same numbers follow as a real table in a disclosure, so nobody depends on seeing
 * the chart (WCAG 1.1.1, 1.4.1). Charts are drawn with recharts inside `children`.
 */
import { Details, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

export interface ChartTable {
  /** Column headings; the first column names the row (month, department, year …). */
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartFigureProps {
  caption: string;
  /** One sentence that says what the chart shows, read instead of the picture. */
  summary: string;
  table: ChartTable;
  /** Formats numeric cells in the table (amounts, counts). */
  format?: (n: number) => string;
  children: ReactNode;
  tableLabel?: string;
}

export function ChartFigure({ caption, summary, table, format, children, tableLabel }: ChartFigureProps) {
  const show = (v: string | number) => (typeof v === 'number' ? (format ? format(v) : String(v)) : v);
  return (
    <figure className="styr-chart">
      <figcaption className="styr-chart__caption">{caption}</figcaption>
      <div role="img" aria-label={summary} className="styr-chart__picture">
        {children}
      </div>
      <Details>
        <Details.Summary>{tableLabel ?? 'Vis tallene som tabell'}</Details.Summary>
        <Details.Content>
          <div className="styr-table-scroll">
            <Table data-size="sm">
              <caption className="styr-visually-hidden">{caption}</caption>
              <Table.Head>
                <Table.Row>
                  {table.columns.map((c) => (
                    <Table.HeaderCell key={c} scope="col">
                      {c}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {table.rows.map((row, i) => (
                  <Table.Row key={i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <Table.HeaderCell key={j} scope="row">
                          {show(cell)}
                        </Table.HeaderCell>
                      ) : (
                        <Table.Cell key={j} className={typeof cell === 'number' ? 'styr-num' : undefined}>
                          {show(cell)}
                        </Table.Cell>
                      ),
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </Details.Content>
      </Details>
    </figure>
  );
}
