/**
 * A table ready for a spreadsheet: typed columns and rows of plain values. The register's lists are
 * turned into tables here (pure); the writers (adapters/exports) turn a table into CSV or XLSX bytes,
 * so every format shows the same columns, in the same order, with the same types.
 */
import { z } from 'zod';

/** text: as is; date: `YYYY-MM-DD` calendar day; amount: whole kroner; number: any other figure. */
export const COLUMN_TYPES = ['text', 'date', 'amount', 'number'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const Column = z.object({
  key: z.string(),
  /** Norwegian header shown in row 1. */
  header: z.string(),
  type: z.enum(COLUMN_TYPES),
  /** Suggested width in characters (spreadsheets). */
  width: z.number().int().positive().optional(),
});
export type Column = z.infer<typeof Column>;

export const Cell = z.union([z.string(), z.number(), z.null()]);
export type Cell = z.infer<typeof Cell>;

export const ExportTable = z.object({
  /** Sheet and file name stem (`oppdrag`, `budsjett`, `nokkeltall`). */
  name: z.string(),
  /** What the table shows, Norwegian, e.g. «Oppdrag – år 2025, avdeling SHA». */
  title: z.string(),
  columns: z.array(Column),
  rows: z.array(z.array(Cell)),
});
export type ExportTable = z.infer<typeof ExportTable>;

/** A row's cells in column order, from values keyed by column key; a missing value is empty. */
export function rowOf(
  columns: readonly Column[],
  values: Readonly<Record<string, Cell | undefined>>,
): Cell[] {
  return columns.map((c) => values[c.key] ?? null);
}

/** Throws if a cell does not fit its column's type: a writer may then trust the types. */
export function checkTable(t: ExportTable): ExportTable {
  for (const [r, row] of t.rows.entries()) {
    if (row.length !== t.columns.length)
      throw new Error(`Row ${r} of ${t.name} has ${row.length} cells, expected ${t.columns.length}`);
    for (const [i, cell] of row.entries()) {
      const col = t.columns[i];
      if (cell === null || col === undefined) continue;
      const ok =
        col.type === 'text'
          ? typeof cell === 'string'
          : col.type === 'date'
            ? typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)
            : col.type === 'amount'
              ? typeof cell === 'number' && Number.isInteger(cell)
              : typeof cell === 'number' && Number.isFinite(cell);
      if (!ok) throw new Error(`Cell ${r},${col.key} of ${t.name} is not a ${col.type}: ${String(cell)}`);
    }
  }
  return t;
}
