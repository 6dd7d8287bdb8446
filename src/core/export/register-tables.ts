/**
 * The register's lists as export tables: assignments (with the list's filters already applied),
 * the budget year over year, and key-figure series. The input is what the use cases return, so an
 * export shows exactly what the viewer may see; a viewer with the exempt grant also gets a column
 * that marks the assignments exempt from public access.
 */
import { KIND_LABEL } from '../register/timeline.js';
import { type Cell, type Column, type ExportTable, checkTable, rowOf } from './table.js';

export interface AssignmentRow {
  ref: string;
  ids: readonly string[];
  title: string;
  departments: readonly string[];
  year: number | null;
  kind: string;
  status: string;
  derived: string | null;
  nextDeadline: string | null;
  deadlines: readonly (string | null)[];
  confidential: boolean;
  inCurrentVersion: boolean;
}

const yesNo = (b: boolean) => (b ? 'Ja' : 'Nei');

export function assignmentTable(
  items: readonly AssignmentRow[],
  opts: { title: string; markConfidential: boolean },
): ExportTable {
  const columns: Column[] = [
    { key: 'ref', header: 'ID', type: 'text', width: 14 },
    { key: 'otherIds', header: 'Andre ID-er', type: 'text', width: 16 },
    { key: 'title', header: 'Tittel', type: 'text', width: 60 },
    { key: 'year', header: 'År', type: 'number', width: 7 },
    { key: 'departments', header: 'Avdeling', type: 'text', width: 12 },
    { key: 'kind', header: 'Type', type: 'text', width: 16 },
    { key: 'status', header: 'Status', type: 'text', width: 12 },
    { key: 'derived', header: 'Fristvarsel', type: 'text', width: 14 },
    { key: 'nextDeadline', header: 'Neste frist', type: 'date', width: 14 },
    { key: 'lastDeadline', header: 'Siste frist', type: 'date', width: 14 },
    { key: 'current', header: 'I gjeldende versjon', type: 'text', width: 10 },
    ...(opts.markConfidential
      ? [{ key: 'confidential', header: 'Unntatt offentlighet', type: 'text', width: 10 } as const]
      : []),
  ];
  const rows = items.map((a) => {
    const dated = a.deadlines.filter((d): d is string => d !== null).sort();
    const values: Record<string, Cell> = {
      ref: a.ref,
      otherIds: a.ids.filter((i) => i !== a.ref).join(', '),
      title: a.title,
      year: a.year,
      departments: a.departments.join(', '),
      kind: KIND_LABEL[a.kind] ?? a.kind,
      status: a.status,
      derived: a.derived,
      nextDeadline: a.nextDeadline,
      lastDeadline: dated[dated.length - 1] ?? null,
      current: yesNo(a.inCurrentVersion),
      confidential: yesNo(a.confidential),
    };
    return rowOf(columns, values);
  });
  return checkTable({ name: 'oppdrag', title: opts.title, columns, rows });
}

export interface BudgetData {
  years: readonly number[];
  rows: readonly { chapter: string; post: string; name: string; byYear: Record<string, number | null> }[];
}

export function budgetTable(b: BudgetData, title: string): ExportTable {
  const columns: Column[] = [
    { key: 'chapter', header: 'Kapittel', type: 'text', width: 10 },
    { key: 'post', header: 'Post', type: 'text', width: 8 },
    { key: 'name', header: 'Navn', type: 'text', width: 50 },
    ...b.years.map((y) => ({ key: `y${y}`, header: `Tildelt ${y}`, type: 'amount' as const, width: 18 })),
  ];
  const rows = b.rows.map((r) =>
    rowOf(columns, {
      chapter: r.chapter,
      post: r.post,
      name: r.name,
      ...Object.fromEntries(b.years.map((y) => [`y${y}`, r.byYear[String(y)] ?? null])),
    }),
  );
  return checkTable({ name: 'budsjett', title, columns, rows });
}

export interface KeyFigureData {
  document: { label: string; year: number | null };
  series: readonly {
    table: string | null;
    label: string;
    unit: string | null;
    values: readonly { year: number; value: number | null }[];
  }[];
}

export function keyFigureTable(reports: readonly KeyFigureData[], title: string): ExportTable {
  const years = [
    ...new Set(reports.flatMap((r) => r.series.flatMap((s) => s.values.map((v) => v.year)))),
  ].sort((a, b) => a - b);
  const columns: Column[] = [
    { key: 'document', header: 'Rapport', type: 'text', width: 30 },
    { key: 'table', header: 'Tabell', type: 'text', width: 30 },
    { key: 'label', header: 'Nøkkeltall', type: 'text', width: 50 },
    { key: 'unit', header: 'Enhet', type: 'text', width: 10 },
    ...years.map((y) => ({ key: `y${y}`, header: String(y), type: 'number' as const, width: 12 })),
  ];
  const rows = reports.flatMap((r) =>
    r.series.map((s) =>
      rowOf(columns, {
        document: r.document.label,
        table: s.table,
        label: s.label,
        unit: s.unit,
        ...Object.fromEntries(s.values.map((v) => [`y${v.year}`, v.value])),
      }),
    ),
  );
  return checkTable({ name: 'nokkeltall', title, columns, rows });
}
