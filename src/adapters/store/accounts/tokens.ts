/** API tokens for integrations, looked up by the SHA-256 of the token; revoked tokens stay for the record. */
import type { Kysely } from 'kysely';
import type { Database, Row } from '../schema.js';

export type ApiTokenRow = Row<'api_token'>;

export function insertApiToken(
  db: Kysely<Database>,
  t: { tokenHash: string; userId: number; name: string; now: string },
): Promise<ApiTokenRow> {
  return db
    .insertInto('api_token')
    .values({ token_hash: t.tokenHash, user_id: t.userId, name: t.name, created_at: t.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function apiTokenByHash(db: Kysely<Database>, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function apiTokenById(db: Kysely<Database>, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listApiTokens(db: Kysely<Database>, userId?: number): Promise<ApiTokenRow[]> {
  let q = db.selectFrom('api_token').selectAll();
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  return q.orderBy('id').execute();
}

export async function touchApiToken(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** Revoke once; a second revoke keeps the first time. */
export async function revokeApiToken(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
