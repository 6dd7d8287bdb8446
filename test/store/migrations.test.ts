/** Opening a register migrates it once; a current schema is not migrated again, a newer one is refused. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/adapters/store/migrations.js';
import { openDb } from '../../src/adapters/store/open.js';

describe('migrations on open', () => {
  it('records every migration once and leaves a current schema alone', async () => {
    const store = await openDb({ kind: 'pglite' });
    try {
      await migrate(store.db);
      const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        store.db,
      );
      expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort());
    } finally {
      await store.close();
    }
  });

  it('refuses a schema written by a newer styr', async () => {
    const store = await openDb({ kind: 'pglite' });
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('999_future', now()::text)`.execute(
        store.db,
      );
      await expect(migrate(store.db)).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});
