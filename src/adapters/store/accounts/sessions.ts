/** Browser sessions, looked up by the SHA-256 of the cookie value. */
import type { Kysely } from 'kysely';
import type { Database, Row } from '../schema.js';

export type SessionRow = Row<'session'>;

export function insertSession(
  db: Kysely<Database>,
  s: { tokenHash: string; userId: number; now: string; expiresAt: string },
): Promise<SessionRow> {
  return db
    .insertInto('session')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      created_at: s.now,
      expires_at: s.expiresAt,
      last_seen_at: s.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function sessionByHash(db: Kysely<Database>, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** End every session of a user (password changed, account disabled). */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Sessions past their absolute expiry or idle since `idleSince`. */
export async function deleteExpiredSessions(
  db: Kysely<Database>,
  now: string,
  idleSince: string,
): Promise<void> {
  await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
    .execute();
}
