/** OpenID Connect logins in flight: PKCE verifier and nonce, keyed by the hash of the state. */
import type { Kysely } from 'kysely';
import type { Database, Row } from '../schema.js';

export type OidcLoginRow = Row<'oidc_login'>;

export async function insertOidcLogin(db: Kysely<Database>, row: OidcLoginRow): Promise<void> {
  await db.insertInto('oidc_login').values(row).execute();
}

/** Take (and delete) a pending login, so a state can be redeemed once. */
export function takeOidcLogin(db: Kysely<Database>, stateHash: string): Promise<OidcLoginRow | undefined> {
  return db.deleteFrom('oidc_login').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
}

export async function deleteExpiredOidcLogins(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('oidc_login').where('expires_at', '<=', now).execute();
}
