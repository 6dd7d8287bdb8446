/** The tamper-evident audit log: the hash chain, its verification, and restore refusing a broken one. */
import { Kysely, type Migration, Migrator, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { RegisterError } from '../../src/adapters/store/errors.js';
import { restoreRegister } from '../../src/adapters/store/export.js';
import { MIGRATIONS, migrate } from '../../src/adapters/store/migrations.js';
import { PGlitePool } from '../../src/adapters/store/pglite-pool.js';
import { Register } from '../../src/adapters/store/register.js';
import type { Database } from '../../src/adapters/store/schema.js';
import { PUBLIC_VIEWER } from '../../src/core/register/viewer.js';
import { assignment, letter } from '../register/fixtures.js';
import { BACKENDS, registerPerTest, sharedPglite } from './harness.js';

const reg = registerPerTest();

const tb2025 = letter({
  year: 2025,
  assignments: [
    assignment('TB2025-1'),
    assignment('TB2025-2'),
    assignment('TB2025-3', { title: 'Hemmelig oppdrag', confidential: true }),
  ],
});

async function filled(backend: (typeof BACKENDS)[number]): Promise<Register> {
  const r = await reg(backend);
  await r.import([{ file: 'tb2025.txt', result: tb2025 }]);
  await r.setStatus('TB2025-1', 'pågår', 'Startet');
  await r.note('TB2025-2', 'Koordineres med FHI');
  await r.owner('TB2025-3', 'Kari Nordmann');
  return r;
}

/** What an intruder with the table owner's rights does: switch off the guard and rewrite history. */
async function tamper(r: Register, statement: ReturnType<typeof sql>): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(r.db);
  await statement.execute(r.db);
  await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(r.db);
}

async function auditIds(r: Register): Promise<number[]> {
  return (await r.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((x) => x.id);
}

describe.each(BACKENDS)('audit chain on %s', (backend) => {
  it('chains every entry to the one before it and verifies', async () => {
    const r = await filled(backend);
    const rows = await r.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.map((x) => x.action)).toEqual(['import', 'status', 'note', 'owner']);
    expect(rows[0]?.prev_hash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(new Set(rows.map((x) => x.hash)).size).toBe(rows.length);
    expect(await r.verifyAudit()).toEqual({ ok: true, entries: rows.length, lastHash: rows.at(-1)?.hash });
  });

  it('stays one linear chain under 40 concurrent writers', async () => {
    const r = await filled(backend);
    await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        n % 2 === 0 ? r.note('TB2025-1', `notat ${n}`) : r.owner('TB2025-2', `Person ${n}`),
      ),
    );
    const report = await r.verifyAudit();
    expect(report.ok).toBe(true);
    expect(report.entries).toBe((await auditIds(r)).length);
  });

  it('finds an entry whose content was changed afterwards', async () => {
    const r = await filled(backend);
    const ids = await auditIds(r);
    const victim = ids[2] ?? -1;
    await tamper(r, sql`update audit_log set actor = 'noen andre' where id = ${victim}`);
    const report = await r.verifyAudit();
    expect(report).toMatchObject({ ok: false, firstBadId: victim, entries: ids.length });
    expect(report.reason).toMatch(/endret etter at den ble skrevet/);
  });

  it('finds an entry removed from the middle and from the start', async () => {
    const r = await filled(backend);
    const ids = await auditIds(r);
    await tamper(r, sql`delete from audit_log where id = ${ids[1] ?? -1}`);
    expect(await r.verifyAudit()).toMatchObject({ ok: false, firstBadId: ids[2] });
    await tamper(r, sql`delete from audit_log where id = ${ids[0] ?? -1}`);
    const report = await r.verifyAudit();
    expect(report).toMatchObject({ ok: false, firstBadId: ids[2] });
    expect(report.reason).toMatch(/Første post/);
  });

  it('exports the hashes, restores a sound chain and continues it', async () => {
    const r = await filled(backend);
    const dump = JSON.parse(JSON.stringify(await r.export())) as {
      tables: { audit_log: { hash: unknown }[] };
    };
    expect(dump.tables.audit_log.every((x) => typeof x.hash === 'string')).toBe(true);
    const copy = await reg(backend);
    await copy.restore(dump, 'backup.json');
    const report = await copy.verifyAudit();
    expect(report.ok).toBe(true);
    expect(report.entries).toBe(dump.tables.audit_log.length + 1);
  });

  it('refuses to restore an export whose chain is broken or lacks its hashes', async () => {
    const r = await filled(backend);
    const full = await r.export();
    const edited = structuredClone(full);
    const row = edited.tables.audit_log?.[1];
    if (row) row.actor = 'noen andre';
    const copy = await reg(backend);
    const refused = await restoreRegister(copy.db, edited).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RegisterError);
    expect((refused as RegisterError).code).toBe('audit_chain_broken');
    expect((refused as RegisterError).message).toMatch(/ingenting ble gjenopprettet/);
    expect(await copy.db.selectFrom('document').select('id').execute()).toHaveLength(0);

    const stripped = structuredClone(full);
    for (const x of stripped.tables.audit_log ?? []) delete x.hash;
    await expect(restoreRegister(copy.db, stripped)).rejects.toThrow(/mangler hash/);
  });

  it('refuses a public (redacted) export as a backup', async () => {
    const r = await filled(backend);
    const publicView = new Register(r.store, { ...r.opts, viewer: PUBLIC_VIEWER });
    const pub = await publicView.export();
    expect(pub.public).toBe(true);
    expect(pub.tables.audit_log?.some((x) => 'hash' in x || 'prev_hash' in x)).toBe(false);
    const copy = await reg(backend);
    await expect(copy.restore(pub, 'offentlig.json')).rejects.toThrow(/offentlig \(sladdet\)/);
    expect(await copy.db.selectFrom('audit_log').select('id').execute()).toHaveLength(0);
  });
});

describe('migration 004 on a register written before it', () => {
  it('chains the existing audit entries in id order', async () => {
    const { pglite, schema } = sharedPglite();
    await pglite.exec(`CREATE SCHEMA ${schema}`);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new PGlitePool(pglite, schema, false) }),
    });
    try {
      const before: Record<string, Migration> = {};
      for (const [name, statements] of Object.entries(MIGRATIONS))
        if (name < '004')
          before[name] = {
            async up(k: Kysely<unknown>) {
              for (const s of statements) await sql.raw(s).execute(k);
            },
          };
      const old = await new Migrator({
        db,
        provider: { getMigrations: async () => before },
        migrationTableSchema: schema,
      }).migrateToLatest();
      expect(old.error).toBeUndefined();
      for (const n of [1, 2, 3])
        await sql`insert into audit_log (at, actor, action, entity, details)
          values (${`2024-0${n}-01T10:00:00.000Z`}, 'gammel', 'import', 'document', ${JSON.stringify({ n })})`.execute(
          db,
        );
      await migrate(db, schema);
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      expect(rows.map((x) => x.prev_hash)).toEqual([null, rows[0]?.hash, rows[1]?.hash]);
      const { verifyAuditChain } = await import('../../src/adapters/store/audit-chain.js');
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
    } finally {
      await db.destroy();
    }
  });
});
