/**
 * The register under hostile input: warnings bounded, numeric options validated, database errors in
 * Norwegian, nothing partial after a refused file, control characters neutralised in output, and an
 * assignment a corrected letter drops kept visible as "ikke i gjeldende versjon".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { LocalClient } from '../../src/adapters/cli/register/local-client.js';
import { localPrincipal } from '../../src/app/principal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRegisterCommands } from '../../src/adapters/cli/register/commands.js';
import { asRegisterError } from '../../src/adapters/store/db-error.js';
import { MAX_STORED_WARNINGS } from '../../src/adapters/store/import.js';
import type { Register } from '../../src/adapters/store/register.js';
import { assignment, deadline, letter } from '../register/fixtures.js';
import { FIXED_NOW, freshRegister } from '../store/harness.js';
import { EXAMPLES_DIR } from '../helpers/seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'styr-hostile-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function styr(reg: Register, args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  let code = 0;
  const program = new Command().exitOverride().configureOutput({ writeErr: (s) => errors.push(s) });
  registerRegisterCommands(program, {
    out: (s) => lines.push(s),
    err: (s) => errors.push(s),
    setExitCode: (c) => (code = c),
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
  return { out: lines.join('\n'), err: errors.join(''), code };
}

describe('hostile input in the register', () => {
  let reg: Register;
  beforeAll(async () => {
    reg = await freshRegister('pglite', { actor: 'kari' });
  }, 120_000);
  afterAll(async () => reg.close());

  it('imports a document with 14 000 warnings, storing the first 1 000 and a count of the rest', async () => {
    const result = letter({ year: 2031, assignments: [assignment('TB2031-1')] });
    result.warnings = Array.from({ length: 14_000 }, (_, i) => ({
      code: 'w',
      message: `Varsel ${i}`,
      line: i + 1,
    }));
    const [rep] = await reg.import([{ file: 'varsler.txt', result }]);
    expect(rep?.outcome).toBe('new');
    const stored = await reg.db
      .selectFrom('extraction_warning')
      .select(['code', 'message'])
      .orderBy('ord')
      .execute();
    expect(stored).toHaveLength(MAX_STORED_WARNINGS + 1);
    expect(stored[MAX_STORED_WARNINGS]).toEqual({
      code: 'warnings_truncated',
      message: '… og 13000 varsler til (ikke lagret enkeltvis; alle står i dokumentets uttrekk).',
    });
  });

  it('refuses a --limit beyond range with a Norwegian message, not a bigint error', async () => {
    for (const bad of ['99999999999999999999', '0', '-3', '1e3', 'mange']) {
      const r = await styr(reg, ['search', 'oppdrag', '--limit', bad]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Ugyldig antall treff .* Bruk et helt tall fra 1 til 200/);
    }
  });

  it('imports nothing when one file of several is hostile', async () => {
    const fifoless = join(dir, 'tom.txt');
    writeFileSync(fifoless, '\n\n');
    const before = await reg.db.selectFrom('document').select('id').execute();
    const r = await styr(reg, ['import', EXAMPLES_DIR, fifoless]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('tom.txt: filen inneholder ingen tekst');
    expect(await reg.db.selectFrom('document').select('id').execute()).toEqual(before);
  });

  it('prints notes, owners and actors with control characters neutralised', async () => {
    await reg.note('TB2031-1', 'Ferdig\u001b[2J\u001b[H\rLURT');
    await reg.owner('TB2031-1', 'Ola\u202e nnamdroN');
    const r = await styr(reg, ['show', 'TB2031-1']);
    expect(r.out).not.toMatch(/[\u001b\r\u202e]/);
    expect(r.out).toContain('Ferdig\\u001b[2J');
    expect(r.out).toContain('Ola\\u202e nnamdroN');
    const json = await styr(reg, ['show', 'TB2031-1', '--json']);
    expect(json.out).not.toMatch(/[\u001b\r\u202e]/);
    expect((JSON.parse(json.out) as { owners: string[] }).owners).toEqual(['Ola\u202e nnamdroN']);
  });

  it('a database failure names the operation in Norwegian, never the driver text', async () => {
    const driver = Object.assign(new Error('bind message has 70000 parameter formats but 0 parameters'), {
      code: '08P01',
    });
    await expect(asRegisterError('import av dokumenter', () => Promise.reject(driver))).rejects.toThrow(
      'Databasefeil under import av dokumenter: forbindelsen til databasen ble brutt (kode 08P01).',
    );
    const closed = await freshRegister('pglite');
    await closed.store.db.destroy();
    const err = await closed.assignments().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'database_error' });
    expect((err as Error).message).toMatch(/^Databasefeil under oppslag av oppdrag: /);
  });
});

describe('an assignment a corrected letter drops', () => {
  let reg: Register;
  beforeAll(async () => {
    reg = await freshRegister('pglite', { actor: 'kari' });
  }, 120_000);
  afterAll(async () => reg.close());

  const a1 = assignment('TB2032-1', { deadlines: [deadline('2025-03-20')] });
  const a2 = assignment('TB2032-2', {
    title: 'Kartlegge friluftslivet',
    deadlines: [deadline('2025-03-25')],
  });

  it('stays in lists, deadlines, overview and search as "ikke i gjeldende versjon", with its notes', async () => {
    await reg.import([{ file: 'v1.txt', result: letter({ year: 2032, assignments: [a1, a2] }) }]);
    await reg.setStatus('TB2032-2', 'pågår', 'Startet');
    await reg.note('TB2032-2', 'Avtalt med direktoratet');
    const [rep] = await reg.import([
      { file: 'v2.txt', result: letter({ year: 2032, revision: 'v2', assignments: [a1] }) },
    ]);
    expect(rep?.version).toBe(2);
    expect(rep?.counts.assignments.removed).toBe(1);
    expect(rep?.dropped.map((d) => d.printedId)).toEqual(['TB2032-2']);

    const list = await reg.assignments({ year: 2032 });
    expect(list.map((a) => [a.ids[0], a.status, a.inCurrentVersion])).toEqual([
      ['TB2032-1', 'ny', true],
      ['TB2032-2', 'pågår', false],
    ]);
    const shown = await reg.show('TB2032-2');
    expect(shown?.inCurrentVersion).toBe(false);
    expect(shown?.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['note', 'status', 'dropped']));
    expect(shown?.timeline.find((e) => e.kind === 'dropped')?.text).toContain('Ikke med i versjon 2');
    const dl = await reg.deadlines({ withinDays: 60 });
    expect(dl.find((d) => d.assignment.ids[0] === 'TB2032-2')?.assignment.inCurrentVersion).toBe(false);
    const hits = await reg.search('friluftslivet');
    expect(hits.find((h) => h.ref === 'TB2032-2')?.inCurrentVersion).toBe(false);
    expect((await reg.overview()).notInCurrentVersion).toBe(1);

    const cli = await styr(reg, ['assignments', '--year', '2032']);
    // The status column wraps: the words of the label are there, in order.
    expect(cli.out).toMatch(/pågår \(ikke[^]*i gjeldende[^]*versjon\)/);
  });

  it('the import report names what the new version dropped', async () => {
    const r = await styr(reg, ['import', join(EXAMPLES_DIR, 'tildelingsbrev-2026-friluftsdirektoratet.txt')]);
    expect(r.code).toBe(0);
    const { renderImport } = await import('../../src/adapters/cli/register/commands.js');
    const [rep] = await reg.import([
      { file: 'v3.txt', result: letter({ year: 2032, revision: 'v3', assignments: [] }) },
    ]);
    expect(rep?.dropped.map((d) => d.printedId)).toEqual(['TB2032-1']);
    expect(renderImport(rep ? [rep] : [])).toMatch(
      /Ikke lenger med i denne versjonen[^\n]*\n {2}TB2032-1 Oppdrag TB2032-1/,
    );
  });

  it('comes back, unmarked, when a later version prints it again', async () => {
    await reg.import([
      { file: 'v4.txt', result: letter({ year: 2032, revision: 'v4', assignments: [a1, a2] }) },
    ]);
    const list = await reg.assignments({ year: 2032 });
    expect(list.map((a) => a.inCurrentVersion)).toEqual([true, true]);
    expect(list.find((a) => a.ids[0] === 'TB2032-2')?.status).toBe('pågår');
  });
});
