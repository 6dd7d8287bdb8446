import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/adapters/exports/csv.js';
import { KRONER_FORMAT, tableToXlsx } from '../../src/adapters/exports/xlsx.js';
import { budgetTable } from '../../src/core/export/register-tables.js';
import { checkTable, type ExportTable } from '../../src/core/export/table.js';
import { parseCsv } from './csv-parse.js';

const table: ExportTable = {
  name: 'prøve',
  title: 'Prøve',
  columns: [
    { key: 't', header: 'Tekst', type: 'text' },
    { key: 'd', header: 'Dato', type: 'date' },
    { key: 'a', header: 'Beløp', type: 'amount' },
    { key: 'n', header: 'Tall', type: 'number' },
  ],
  rows: [
    ['Semikolon; «sitat» "og" æøå\nny linje', '2025-03-15', 1_234_567, 12.5],
    ['=SUM(A1)', null, -5000, null],
  ],
};

describe('CSV for Norwegian Excel', () => {
  it('has a BOM, semicolons, CRLF, quoted fields, dd.mm.yyyy dates and plain kroner', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      ['Tekst', 'Dato', 'Beløp', 'Tall'],
      ['Semikolon; «sitat» "og" æøå\nny linje', '15.03.2025', '1234567', '12,5'],
      ["'=SUM(A1)", '', '-5000', ''],
    ]);
  });
});

describe('XLSX', () => {
  it('writes typed cells, a frozen header, an autofilter and the kroner format', async () => {
    const bytes = await tableToXlsx(table);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.name).toBe('prøve');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:D3');
    expect(ws.getRow(1).values).toEqual([undefined, 'Tekst', 'Dato', 'Beløp', 'Tall']);
    const date = ws.getCell('B2');
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2025-03-15T00:00:00.000Z');
    expect(date.numFmt).toBe('dd.mm.yyyy');
    expect(ws.getCell('C2').value).toBe(1_234_567);
    expect(ws.getCell('C2').numFmt).toBe(KRONER_FORMAT);
    expect(ws.getCell('C3').value).toBe(-5000);
    expect(ws.getCell('D2').value).toBe(12.5);
    expect(ws.getCell('A2').value).toBe('Semikolon; «sitat» "og" æøå\nny linje');
  });
});

describe('table model', () => {
  it('refuses a cell that does not fit its column type', () => {
    expect(() => checkTable({ ...table, rows: [['x', '15.03.2025', 1, 1]] })).toThrow(/not a date/);
    expect(() => checkTable({ ...table, rows: [['x', null, 1.5, 1]] })).toThrow(/not a amount/);
  });

  it('puts one amount column per budget year', () => {
    const t = budgetTable(
      {
        years: [2024, 2025],
        rows: [{ chapter: '714', post: '21', name: 'Spesielle driftsutgifter', byYear: { '2025': 5_000 } }],
      },
      'Budsjett',
    );
    expect(t.columns.map((c) => [c.header, c.type])).toEqual([
      ['Kapittel', 'text'],
      ['Post', 'text'],
      ['Navn', 'text'],
      ['Tildelt 2024', 'amount'],
      ['Tildelt 2025', 'amount'],
    ]);
    expect(t.rows).toEqual([['714', '21', 'Spesielle driftsutgifter', null, 5_000]]);
  });
});
