/** The register commands, run in-process on an in-memory register with a fixed clock. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerRegisterCommands } from '../../src/adapters/cli/register/commands.js';
import { formatAmount, formatDate } from '../../src/adapters/cli/register/format.js';
import { Register } from '../../src/adapters/store/register.js';
import { LocalClient } from '../../src/adapters/cli/register/local-client.js';
import { localPrincipal } from '../../src/app/principal.js';
import { EXAMPLES_DIR } from '../helpers/seeds.js';
import { FIXED_NOW, freshRegister } from '../store/harness.js';

let reg: Register;
let restored: Register;
const dir = mkdtempSync(join(tmpdir(), 'styr-cli-'));
beforeAll(async () => {
  reg = await freshRegister('pglite', { actor: 'kari' });
  restored = await freshRegister('pglite');
});
afterAll(async () => {
  await reg.close();
  await restored.close();
  rmSync(dir, { recursive: true, force: true });
});

async function styr(args: string[], target: () => Register = () => reg) {
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
        target().store,
        localPrincipal(o.actor ?? 'kari', { public: o.public === true }),
        () => FIXED_NOW,
        'test',
        async () => {},
      ),
  });
  await program.parseAsync(['node', 'styr', ...args]);
  return { out: lines.join('\n'), err: errors.join(''), code };
}

describe('styr register commands', () => {
  it('formats dates and amounts the Norwegian way', () => {
    expect(formatDate('2025-03-15')).toBe('15. mars 2025');
    expect(formatDate('2025-03-01T09:00:00.000Z')).toBe('1. mars 2025 kl. 10.00');
    expect(formatAmount(1234567000)).toBe('1 234 567 000');
    expect(formatAmount(-5000)).toBe('-5 000');
  });

  it('imports nothing when one of the files cannot be read', async () => {
    const r = await styr(['import', EXAMPLES_DIR, join(dir, 'finnes-ikke.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/finnes ikke/);
    expect(await reg.db.selectFrom('document').select('id').execute()).toEqual([]);
  });

  it('imports a folder, lists, shows, changes status and searches', async () => {
    const imp = await styr(['import', EXAMPLES_DIR, '--json']);
    expect(imp.code).toBe(0);
    const reports = JSON.parse(imp.out) as { outcome: string; counts: { assignments: { new: number } } }[];
    expect(reports[0]?.outcome).toBe('new');
    const again = await styr(['import', EXAMPLES_DIR]);
    expect(again.out).toMatch(/uendret \(allerede importert\)/);

    const list = JSON.parse((await styr(['assignments', '--json'])).out) as { key: string; ids: string[] }[];
    expect(Array.isArray(list)).toBe(true);
    if (list.length > 0) {
      const id = list[0]?.ids[0] ?? '';
      const shown = JSON.parse((await styr(['show', id, '--json'])).out) as {
        timeline: { document: { id: number } | null }[];
      };
      expect(shown.timeline[0]?.document).not.toBeNull();
      const st = await styr(['status', id, 'pågår', '--note', 'Startet']);
      expect(st.out).toMatch(/^\S+: (ny|videreført) → pågår$/);
      const table = await styr(['show', id]);
      expect(table.out).toMatch(/Status: pågår/);
      expect(table.out).toMatch(/Dato/);
    }
    const bad = await styr(['status', 'TB1900-1', 'pågår', '--note', 'x']);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/Fant ikke oppdraget «TB1900-1»/);
    const stats = await styr(['stats']);
    expect(stats.out).toMatch(/Mål/);
    const budget = await styr(['budget', '--json']);
    expect(JSON.parse(budget.out)).toHaveProperty('rows');
    const search = await styr(['search', 'friluftsliv', '--json']);
    expect(Array.isArray(JSON.parse(search.out))).toBe(true);
    const within = await styr(['deadlines', '--within', '2w', '--json']);
    expect(Array.isArray(JSON.parse(within.out))).toBe(true);
  });

  it('exports and restores the register', async () => {
    const file = join(dir, 'eksport.json');
    await styr(['export', '--out', file]);
    const r = await styr(['restore', file], () => restored);
    // Both examples: the 2026 letter and its Tillegg nr. 1.
    expect(r.out).toMatch(/Gjenopprettet: 2 dokumenter/);
    const bad = join(dir, 'feil.json');
    writeFileSync(bad, '{"hei": 1}');
    const b = await styr(['restore', bad], () => restored);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/ikke en eksport fra styr/);
  });
});

describe('styr register commands on bad input', () => {
  it('rejects a date that is not on the calendar with a Norwegian message', async () => {
    const r = await styr(['frist', 'TB2026-01', '2025-02-30', '--note', 'flyttet']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Ugyldig dato «2025-02-30»/);
  });

  it('rejects an empty owner', async () => {
    const r = await styr(['owner', 'TB2026-01', ' ']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Navnet på den ansvarlige kan ikke være tomt/);
  });
});

describe('styr restore of a bad export', () => {
  let exported: Record<string, unknown>;
  beforeAll(async () => {
    exported = (await reg.export()) as unknown as Record<string, unknown>;
  });
  const write = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const tables = () => structuredClone(exported.tables) as Record<string, Record<string, unknown>[]>;

  it.each([
    ['a missing file', join(dir, 'finnes-ikke.json'), /finnes ikke/],
    ['a truncated file', () => write('avkuttet.json', '{"format":"styr-register","tab'), /ikke gyldig JSON/],
    [
      'no migrations list',
      () => write('uten-migrering.json', JSON.stringify({ ...exported, migrations: undefined })),
      /skadet/,
    ],
    [
      'a table that is not a list',
      () => write('tabell.json', JSON.stringify({ ...exported, tables: { document: 'x' } })),
      /skadet/,
    ],
    [
      'an unknown column',
      () => {
        const t = tables();
        const doc = t.document?.[0];
        if (doc) doc.finnes_ikke = 1;
        return write('kolonne.json', JSON.stringify({ ...exported, tables: t }));
      },
      /skadet, og ingenting ble gjenopprettet/,
    ],
    [
      'a row whose parent is missing',
      () => write('forelder.json', JSON.stringify({ ...exported, tables: { ...tables(), document: [] } })),
      /skadet, og ingenting ble gjenopprettet/,
    ],
  ])('fails with a Norwegian message on %s and leaves the register empty', async (_, file, message) => {
    const empty = await freshRegister('pglite');
    try {
      const r = await styr(['restore', typeof file === 'string' ? file : file()], () => empty);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(await empty.db.selectFrom('document').select('id').execute()).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('refuses to restore into a register that has documents', async () => {
    const r = await styr(['restore', write('full.json', JSON.stringify(exported))]);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/Registeret er ikke tomt/);
  });

  it('says in Norwegian when the export cannot be written', async () => {
    const r = await styr(['export', '--out', join(dir, 'finnes-ikke', 'eksport.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Kan ikke skrive .*finnes ikke/);
  });
});

describe('styr options with values that mean nothing', () => {
  it.each([
    [['deadlines', '--within', 'abc'], /Ugyldig periode «abc»/],
    [['deadlines', '--within', '99999999999'], /Ugyldig periode/],
    [['assignments', '--status', 'ferdigg'], /Ukjent status «ferdigg».*snart forfall/],
    [['assignments', '--year', '20x5'], /Ugyldig år «20x5»/],
    [['budget', '--year', 'abc'], /Ugyldig år «abc»/],
    [['search', 'tilskudd', '--limit', 'mange'], /Ugyldig antall treff «mange»/],
  ])('styr %j fails with a Norwegian message', async (args, message) => {
    const r = await styr(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('says so when a folder holds no documents, instead of importing nothing silently', async () => {
    const empty = mkdtempSync(join(dir, 'tom-'));
    writeFileSync(join(empty, 'notater.odt'), 'ikke et brev');
    const r = await styr(['import', empty]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/fant ingen dokumenter/);
  });
});

describe('styr main with a --data that is not a folder', () => {
  it('says so in Norwegian and exits 7 (register unavailable)', async () => {
    const { main } = await import('../../src/adapters/cli/main.js');
    const file = join(dir, 'en-fil');
    writeFileSync(file, 'x');
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      written.push(String(s));
      return true;
    });
    try {
      expect(await main(['node', 'styr', 'assignments', '--data', file])).toBe(7);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/Kan ikke bruke datamappen .*en-fil: det finnes allerede en fil/);
  });
});
