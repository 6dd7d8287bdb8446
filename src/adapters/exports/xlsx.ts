/**
 * XLSX with typed cells: dates are real dates, amounts numbers with a kroner format, the header row
 * frozen and an autofilter over the table, so the sheet sorts and sums in Excel as the register does.
 */
import ExcelJS from 'exceljs';
import type { Cell, Column, ExportTable } from '../../core/export/table.js';

/**
 * `1 234 567 kr`. The file stores format codes in Excel's invariant notation, where `,` means
 * "group thousands"; Norwegian Excel shows the group separator as a space. A literal space in the code
 * would be printed as is and group nothing.
 */
export const KRONER_FORMAT = '#,##0 "kr"';
export const DATE_FORMAT = 'dd.mm.yyyy';
const NUMBER_FORMAT = '#,##0.##';

function cellValue(col: Column, v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  // Midnight UTC: Excel has no time zone, and exceljs writes a Date's UTC fields as the serial day.
  if (col.type === 'date') return new Date(`${String(v)}T00:00:00Z`);
  return v;
}

const FORMATS: Partial<Record<Column['type'], string>> = {
  date: DATE_FORMAT,
  amount: KRONER_FORMAT,
  number: NUMBER_FORMAT,
};

export function addSheet(wb: ExcelJS.Workbook, t: ExportTable): ExcelJS.Worksheet {
  // Excel limits sheet names to 31 characters and forbids a few characters.
  const ws = wb.addWorksheet(t.name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = t.columns.map((c) => {
    const numFmt = FORMATS[c.type];
    return { header: c.header, key: c.key, width: c.width ?? 14, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  ws.getRow(1).font = { bold: true };
  for (const row of t.rows) ws.addRow(row.map((v, i) => cellValue(t.columns[i] ?? TEXT, v)));
  if (t.columns.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + t.rows.length, column: t.columns.length } };
  return ws;
}

const TEXT: Column = { key: '', header: '', type: 'text' };

export async function tableToXlsx(
  t: ExportTable,
  opts: { creator?: string; now?: Date } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? 'styr';
  wb.title = t.title;
  const now = opts.now ?? new Date();
  wb.created = now;
  wb.modified = now;
  addSheet(wb, t);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
