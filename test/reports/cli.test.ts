/**
 * `styr report`: in process on a small fictional register (a letter, its supplement and the annual
 * report) and a statsregnskapet CSV; the files are read back and their rows asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalClient } from '../../src/adapters/cli/register/local-client.js';
import { registerRegisterCommands } from '../../src/adapters/cli/register/commands.js';
import type { Register } from '../../src/adapters/store/register.js';
import { localPrincipal } from '../../src/app/principal.js';
import { assignment, budgetLine, deadline, letter } from '../register/fixtures.js';
import { freshRegister } from '../store/harness.js';
import { docxText, pdfLines } from './read-back.js';

const NOW = new Date('2026-05-02T08:00:00Z');
let reg: Register;
const dir = mkdtempSync(join(tmpdir(), 'styr-report-'));

beforeAll(async () => {
  reg = await freshRegister('pglite', { clock: () => NOW });
  await reg.import([
    {
      file: 'tb2026.txt',
      result: letter({
        year: 2026,
        budgetLines: [budgetLine('740', '01', 1_000_000), budgetLine('740', '21', 300_000)],
        assignments: [
          assignment('TB2026-1', { title: 'Kartlegge ventetider', deadlines: [deadline('2026-02-01')] }),
          assignment('TB2026-2', {
            title: 'Gradert beredskapsanalyse',
            confidential: true,
            deadlines: [deadline('2026-03-01')],
          }),
        ],
      }),
    },
    {
      file: 'ttb2026.txt',
      result: letter({
        year: 2026,
        type: 'tillegg',
        date: '2026-04-10',
        revision: 'tillegg',
        budgetLines: [budgetLine('740', '01', 200_000)],
        assignments: [assignment('TTB2026-1', { kind: 'supplement', title: 'Nytt tilleggsoppdrag' })],
      }),
    },
    {
      file: 'ar2026.txt',
      result: letter({
        year: 2026,
        type: 'arsrapport',
        revision: 'ar',
        budgetLines: [
          budgetLine('740', '01', 0, {
            columns: ['Samlet tildeling', 'Regnskap 2026'],
            amounts: [1_200_000, 1_150_000],
          }),
          budgetLine('740', '21', 0, {
            columns: ['Samlet tildeling', 'Regnskap 2026'],
            amounts: [310_000, 300_000],
          }),
        ],
      }),
    },
  ]);
});
afterAll(async () => {
  await reg.close();
  rmSync(dir, { recursive: true, force: true });
});

async function styr(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = new Command().exitOverride().configureOutput({ writeErr: (s) => err.push(s) });
  registerRegisterCommands(program, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    setExitCode: (c) => {
      code = c;
    },
    client: async (o) =>
      new LocalClient(
        reg.store,
        localPrincipal('kari', { public: o.public === true }),
        () => NOW,
        'test',
        async () => {},
      ),
  });
  await program.parseAsync(['node', 'styr', ...args]);
  return { out: out.join('\n'), err: err.join('\n'), code };
}

describe('styr report', () => {
  it('writes the budget reconciliation against the annual report and a statsregnskapet CSV, as PDF', async () => {
    const csv = join(dir, 'statsregnskap.csv');
    writeFileSync(
      csv,
      Buffer.from(
        'Kapittel;Post;Posttekst;Beløp\n0740;01;Driftsutgifter;1 150 000\n0740;21;Spesielle;299 000,00\n',
        'latin1',
      ),
    );
    const file = join(dir, 'avstemming.pdf');
    const r = await styr([
      'report',
      'budsjettavstemming',
      '--year',
      '2026',
      '--accounts',
      csv,
      '--out',
      file,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Skrev Budsjettavstemming til ${file}`);
    expect(r.err).toContain('Leste 2 regnskapslinjer (2 kapitler/poster)');
    expect(r.err).toContain('Henter registerdata fra test');
    const lines = await pdfLines(new Uint8Array(readFileSync(file)));
    expect(lines).toContain('740\t01\tPost 01\t1 000 000 kr\t200 000 kr\t1 200 000 kr\t1 200 000 kr\t0');
    expect(lines).toContain('740\t21\tPost 21\t300 000 kr\t–\t300 000 kr\t310 000 kr\tAvvik +10 000 kr');
    expect(lines).toContain('740\t21\tPost 21\t300 000 kr\t299 000 kr\tAvvik -1 000 kr');
    expect(lines).toContain('740\t01\tPost 01\t1 150 000 kr\t1 150 000 kr\t0');
  });

  it('writes the status appendix as DOCX, leaving confidential assignments out with --public', async () => {
    const file = join(dir, 'oppdrag.docx');
    expect((await styr(['report', 'oppdrag', '--year', '2026', '--out', file])).code).toBe(0);
    const all = await docxText(new Uint8Array(readFileSync(file)));
    expect(all).toContain('Gradert beredskapsanalyse (unntatt offentlighet)');
    expect(all).toContain('Kartlegge ventetider');

    expect((await styr(['report', 'oppdrag', '--year', '2026', '--public', '--out', file])).code).toBe(0);
    const pub = await docxText(new Uint8Array(readFileSync(file)));
    expect(pub).not.toContain('beredskapsanalyse');
    expect(pub).not.toMatch(/TB2026-2\b/);
    expect(pub).toContain('Kartlegge ventetider');
  });

  it('prints the model with --json; the meeting brief has the supplement’s assignment and budget change', async () => {
    const r = await styr(['report', 'motegrunnlag', '--year', '2026', '--since', '2026-04-01', '--json']);
    const model = JSON.parse(r.out) as { blocks: { kind: string; rows?: unknown[][] }[] };
    const text = JSON.stringify(model.blocks);
    expect(text).toContain('"TTB2026-1"');
    expect(text).toContain('Nytt tilleggsoppdrag');
    expect(text).toContain('{"kind":"amount","kroner":200000}');
  });

  it('refuses an unknown kind, a file that is neither .docx nor .pdf, and --accounts on another report', async () => {
    const kind = await styr(['report', 'statistikk', '--out', join(dir, 'x.docx')]);
    expect(kind.code).not.toBe(0);
    expect(kind.err).toContain('Ukjent rapport «statistikk»');
    const ext = await styr(['report', 'oppdrag', '--out', join(dir, 'x.txt')]);
    expect(ext.err).toContain('filen må slutte på .docx eller .pdf');
    const acc = await styr(['report', 'oppdrag', '--accounts', 'x.csv', '--out', join(dir, 'x.pdf')]);
    expect(acc.err).toContain('--accounts gjelder bare budsjettavstemming');
  });
});
