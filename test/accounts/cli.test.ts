/** `styr user|org|token` commands, run in-process against a fresh database. */
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { norwegianError, useNorwegianHelp } from '../../src/adapters/cli/norwegian-help.js';
import { registerUserCommands } from '../../src/adapters/cli/register/users.js';
import type { Db } from '../../src/adapters/store/open.js';
import { resolveApiToken } from '../../src/app/auth/api-tokens.js';
import { loginWithPassword } from '../../src/app/auth/login.js';
import { BACKENDS, CHEAP, dropTestSchemas, warmUp } from './harness.js';
import { freshDb } from '../store/harness.js';

const open: Db[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});
afterAll(dropTestSchemas);

describe.each(BACKENDS)('account commands on %s', (backend) => {
  beforeAll(() => warmUp(backend), 120_000);

  async function cli() {
    const store = await freshDb(backend);
    open.push(store);
    let stdin = '';
    const run = async (args: string[], input = '') => {
      const out: string[] = [];
      const err: string[] = [];
      let code = 0;
      stdin = input;
      const p = useNorwegianHelp(new Command())
        .name('styr')
        .exitOverride()
        .configureOutput({
          writeOut: (s) => out.push(s),
          writeErr: (s) => err.push(s),
          outputError: (s, write) => write(norwegianError(s)),
        });
      registerUserCommands(p, {
        out: (s) => out.push(s),
        err: (s) => err.push(s),
        setExitCode: (c) => (code = c),
        db: () => Promise.resolve(store),
        stdin: () => Promise.resolve(stdin),
        scrypt: CHEAP,
      });
      await p.parseAsync(['node', 'styr', ...args, '--actor', 'drift']).catch(() => {
        code = code || 2;
      });
      return { out: out.join('\n'), err: err.join('\n'), code };
    };
    return { store, run };
  }

  it('creates the first administrator, organisations, users and tokens, all audited', async () => {
    const { store, run } = await cli();
    const admin = await run(
      ['user', 'add', 'Anne', '--name', 'Anne Admin', '--role', 'administrator', '--password-stdin'],
      'et sterkt passord\n',
    );
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/La til anne \(administrator\) i hele installasjonen/);
    const deps = { db: store.db, clock: () => new Date('2025-03-01T09:00:00Z'), scrypt: CHEAP };
    const signedIn = await loginWithPassword(
      deps,
      { username: 'anne', password: 'et sterkt passord' },
      'cli',
    );
    expect(signedIn.principal).toMatchObject({ organisation: null, roles: ['administrator'] });

    const noSide = await run([
      'user',
      'add',
      'kari',
      '--name',
      'Kari',
      '--org',
      'Helsedirektoratet',
      '--role',
      'leser',
    ]);
    expect(noSide.code).toBe(2);
    expect(noSide.err).toMatch(/finnes ikke\. Oppgi --side/);

    const kari = await run([
      'user',
      'add',
      'kari',
      '--name',
      'Kari Nordmann',
      '--org',
      'Helsedirektoratet',
      '--side',
      'virksomhet',
      '--role',
      'saksbehandler',
      '--role',
      'leser',
      '--exempt',
      '--department',
      'fha',
    ]);
    expect(kari.code).toBe(0);
    const list = JSON.parse((await run(['user', 'list', '--json'])).out) as {
      username: string;
      roles: string[];
      exemptAccess: boolean;
      department: string | null;
      organisation: { name: string } | null;
    }[];
    expect(list.find((u) => u.username === 'kari')).toMatchObject({
      roles: ['leser', 'saksbehandler'],
      exemptAccess: true,
      department: 'FHA',
      organisation: { name: 'Helsedirektoratet' },
    });
    expect((await run(['org', 'list'])).out).toMatch(/Helsedirektoratet\s+.*virksomhet/);
    expect(await store.db.selectFrom('agency').select('name').execute()).toEqual([
      { name: 'Helsedirektoratet' },
    ]);

    const created = await run(['token', 'create', 'Arkivintegrasjon', '--user', 'kari']);
    expect(created.code).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^styr_/);
    expect(created.err).toMatch(/vises ikke igjen/);
    expect(await resolveApiToken(deps, token)).toMatchObject({ username: 'kari', kind: 'token' });
    const id = (JSON.parse((await run(['token', 'list', '--json'])).out) as { id: number }[])[0]?.id;
    expect((await run(['token', 'revoke', String(id)])).code).toBe(0);
    expect(await resolveApiToken(deps, token)).toBeNull();

    expect((await run(['user', 'passwd', 'anne'], 'et helt nytt passord\n')).code).toBe(0);
    await expect(
      loginWithPassword(deps, { username: 'anne', password: 'et sterkt passord' }, 'cli'),
    ).rejects.toThrow();

    const audit = await store.db.selectFrom('audit_log').select(['actor', 'action']).orderBy('id').execute();
    expect(audit.every((a) => a.actor === 'drift')).toBe(true);
    expect(audit.map((a) => a.action)).toEqual([
      'user_create',
      'organisation_create',
      'user_create',
      'token_create',
      'token_revoke',
      'user_update',
    ]);
    expect(JSON.stringify(await store.db.selectFrom('audit_log').select('details').execute())).not.toMatch(
      /passord|styr_/,
    );
  });

  it('refuses bad input in Norwegian', async () => {
    const { run } = await cli();
    const role = await run(['user', 'add', 'ola', '--name', 'Ola', '--role', 'sjef']);
    expect(role.code).toBe(2);
    expect(role.err).toMatch(/Ukjent rolle «sjef»/);
    const reader = await run(['user', 'add', 'ola', '--name', 'Ola', '--role', 'leser']);
    expect(reader.err).toMatch(/må være administrator for installasjonen/);
    const weak = await run(
      ['user', 'add', 'ola', '--name', 'Ola', '--role', 'administrator', '--password-stdin'],
      'kort\n',
    );
    expect(weak.err).toMatch(/minst 10 tegn/);
    expect((await run(['token', 'revoke', 'abc'])).err).toMatch(/Ugyldig id/);
  });
});
