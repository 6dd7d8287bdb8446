/** Exports through the API, read back: what each viewer gets is what the list views would show it. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRONER_FORMAT } from '../../src/adapters/exports/xlsx.js';
import { buildWorld, CONFIDENTIAL_TEXT, type World } from '../http/world.js';
import { parseCsv } from './csv-parse.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 300_000);
afterAll(async () => w?.close());

async function csvAs(persona: string, path: string): Promise<string[][]> {
  const res = await w.request(path, { headers: w.persona(persona).headers });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  // Response.text() would drop the byte-order mark: read the bytes.
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
}

async function xlsxAs(persona: string, path: string): Promise<ExcelJS.Worksheet> {
  const res = await w.request(path, { headers: w.persona(persona).headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('assignment exports', () => {
  it('leave confidential assignments out for a viewer without the exempt grant', async () => {
    const rows = await csvAs('hdir-leser', '/api/exports/assignments?format=csv');
    const [head, ...body] = rows;
    expect(head).not.toContain('Unntatt offentlighet');
    expect(body.map((r) => r[0]).sort()).toEqual(['TB2026-1', 'TB2026-3', 'TB2026-6']);
    const all = rows.flat().join('\n');
    for (const t of CONFIDENTIAL_TEXT) expect(all).not.toContain(t);
    const deadlineCol = head?.indexOf('Neste frist') ?? -1;
    expect(body.find((r) => r[0] === 'TB2026-3')?.[deadlineCol]).toBe('15.01.2026');
  });

  it('mark them for a viewer with the grant, and apply the list filters', async () => {
    const [head, ...body] = await csvAs('hdir-leser-unntatt', '/api/exports/assignments?format=csv');
    const col = head?.indexOf('Unntatt offentlighet') ?? -1;
    expect(col).toBeGreaterThan(0);
    expect(body.find((r) => r[0] === 'TB2026-5')?.[col]).toBe('Ja');
    expect(body.find((r) => r[0] === 'TB2026-1')?.[col]).toBe('Nei');
    const sha = await csvAs('hdir-leser-unntatt', '/api/exports/assignments?format=csv&department=SHA');
    expect(sha.slice(1).map((r) => r[0])).toEqual(['TB2026-5']);
  });

  it('write real dates in XLSX, with a frozen header and an autofilter', async () => {
    const ws = await xlsxAs('dep-leser', '/api/exports/assignments?sort=deadline');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:K${ws.rowCount}`); // no «Unntatt offentlighet» column without the grant
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const next = header.indexOf('Neste frist') + 1;
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe('TB2026-3');
    expect(first.getCell(next).value).toEqual(new Date('2026-01-15T00:00:00Z'));
    expect(ws.rowCount).toBe(1 + 4); // TB2026-1, -3, -6 and Folkehelseinstituttet's TB2026-8
  });
});

describe('budget and key figures', () => {
  it('export the budget with amounts as numbers in kroner', async () => {
    const ws = await xlsxAs('hdir-leser', '/api/exports/budget?year=2026');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Kapittel', 'Post', 'Navn', 'Tildelt 2026']);
    const cell = ws.getCell('D2');
    expect(cell.value).toBe(1_300_000_000);
    expect(cell.numFmt).toBe(KRONER_FORMAT);
    const csv = await csvAs('hdir-leser', '/api/exports/budget?format=csv');
    expect(csv[1]?.slice(0, 2)).toEqual(['740', '01']);
    expect(csv[1]?.at(-1)).toBe('1300000000');
  });

  it('refuses an unknown table and an anonymous client', async () => {
    const bad = await w.request('/api/exports/hemmelig', { headers: w.persona('hdir-leser').headers });
    expect(bad.status).toBe(400);
    expect((await w.request('/api/exports/budget')).status).toBe(401);
    const kf = await csvAs('hdir-leser', '/api/exports/key-figures?format=csv');
    expect(kf[0]?.slice(0, 4)).toEqual(['Rapport', 'Tabell', 'Nøkkeltall', 'Enhet']);
  });
});
