/**
 * CSV that Norwegian Excel opens correctly by double-click: UTF-8 with a byte-order mark (else Excel
 * reads Windows-1252 and breaks æøå), semicolons (the comma is the decimal sign), CRLF line ends,
 * dates as dd.mm.yyyy and amounts as plain whole kroner.
 */
import type { Cell, Column, ExportTable } from '../../core/export/table.js';

const BOM = '\uFEFF';

/** A formula-looking text would run as a formula in a spreadsheet; an apostrophe keeps it text. */
function defuse(s: string): string {
  return /^[=+@\t\r]|^-[^\s\d]/.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function cellText(col: Column, v: Cell): string {
  if (v === null) return '';
  switch (col.type) {
    case 'date': {
      const [y, m, d] = String(v).split('-');
      return `${d}.${m}.${y}`;
    }
    case 'amount':
      return String(Math.round(Number(v)));
    case 'number':
      return String(v).replace('.', ',');
    case 'text':
      return defuse(String(v));
  }
}

export function tableToCsv(t: ExportTable): string {
  const lines = [
    t.columns.map((c) => quote(defuse(c.header))).join(';'),
    ...t.rows.map((row) => row.map((v, i) => quote(cellText(t.columns[i] ?? TEXT, v))).join(';')),
  ];
  return BOM + lines.join('\r\n') + '\r\n';
}

const TEXT: Column = { key: '', header: '', type: 'text' };

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
