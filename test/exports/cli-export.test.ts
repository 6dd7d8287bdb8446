/** `styr export xlsx|csv` in process, next to the JSON export restore depends on. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalClient } from '../../src/adapters/cli/register/local-client.js';
import { registerRegisterCommands } from '../../src/adapters/cli/register/commands.js';
import type { Register } from '../../src/adapters/store/register.js';
import { localPrincipal } from '../../src/app/principal.js';
import { EXAMPLES_DIR } from '../helpers/seeds.js';
import { FIXED_NOW, freshRegister } from '../store/harness.js';
import { parseCsv } from './csv-parse.js';

let reg: Register;
const dir = mkdtempSync(join(tmpdir(), 'styr-export-'));
beforeAll(async () => {
  reg = await freshRegister('pglite', { actor: 'kari' });
  expect((await styr(['import', EXAMPLES_DIR])).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await reg.close();
  rmSync(dir, { recursive: true, force: true });
});

async function styr(args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  let code = 0;
  const program = new Command().exitOverride().configureOutput({ writeErr: (s) => errors.push(s) });
  registerRegisterCommands(program, {
    out: (s) => lines.push(s),
    err: (s) => errors.push(s),
    setExitCode: (c) => {
      code = c;
    },
    client: async (o) =>
      new LocalClient(
        reg.store,
        localPrincipal(o.actor ?? 'kari', { public: o.public === true }),
        () => FIXED_NOW,
        'test',
        async () => {},
      ),
  });
  await program.parseAsync(['node', 'styr', ...args]);
  return { out: lines.join('\n'), err: errors.join('\n'), code };
}

describe('styr export', () => {
  it('writes the assignment list as XLSX with the list filters, reporting progress', async () => {
    const file = join(dir, 'oppdrag.xlsx');
    const r = await styr(['export', 'xlsx', '--year', '2026', '--sort', 'deadline', '--out', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Henter oppdrag/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const list = await styr(['assignments', '--year', '2026', '--sort', 'deadline', '--all', '--json']);
    const refs = (JSON.parse(list.out) as { ref: string }[]).map((a) => a.ref);
    expect(refs.length).toBeGreaterThan(2);
    const col = ws.getColumn(1).values.slice(2);
    expect(col).toEqual(refs);
    expect(r.out).toBe(`Eksportert ${refs.length} rader til ${file}`);
  });

  it('writes the budget as CSV, and keeps the JSON export restore reads', async () => {
    const csvFile = join(dir, 'b.csv');
    expect((await styr(['export', 'csv', 'budsjett', '--out', csvFile])).code).toBe(0);
    const bytes = readFileSync(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]?.slice(0, 3)).toEqual(['Kapittel', 'Post', 'Navn']);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) for (const v of r.slice(3)) expect(v).toMatch(/^(-?\d+)?$/);

    const jsonFile = join(dir, 'r.json');
    expect((await styr(['export', '--out', jsonFile])).code).toBe(0);
    expect(JSON.parse(readFileSync(jsonFile, 'utf8'))).toHaveProperty('tables');
    expect((await styr(['export', 'json', '--out', jsonFile])).code).toBe(0);
  });

  it('writes the deadline calendar as an .ics file with stable UIDs', async () => {
    const file = join(dir, 'frister.ics');
    const r = await styr(['calendar', '--out', file, '--base-url', 'https://styr.example.no']);
    expect(r.code, r.err).toBe(0);
    const ics = readFileSync(file, 'utf8');
    const uids = [...ics.matchAll(/UID:(.+)\r\n/g)].map((m) => m[1]);
    expect(r.out).toBe(`Skrev ${uids.length} hendelser til ${file}`);
    expect(uids.length).toBeGreaterThan(2);
    expect(new Set(uids).size).toBe(uids.length);
    expect(ics).toMatch(/DTSTART;VALUE=DATE:2026\d{4}/);
    expect(ics).toContain('https://styr.example.no/oppdrag/TB2026-');
    // The same register gives the same UIDs: a re-subscribed calendar updates, not duplicates.
    await styr(['calendar', '--out', join(dir, 'igjen.ics')]);
    const again = [...readFileSync(join(dir, 'igjen.ics'), 'utf8').matchAll(/UID:(.+)\r\n/g)].map(
      (m) => m[1],
    );
    expect(again).toEqual(uids);
  });

  it('refuses an unknown format or table in Norwegian', async () => {
    const a = await styr(['export', 'pdf']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/Ukjent format «pdf»/);
    const b = await styr(['export', 'csv', 'hemmeligheter']);
    expect(b.err).toMatch(/Ukjent tabell «hemmeligheter»/);
  });
});
