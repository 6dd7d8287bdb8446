/** People who sign in: local accounts (password) and accounts provisioned from OpenID Connect. */
import type { Kysely } from 'kysely';
import type { Role } from '../../../core/register/viewer.js';
import type { Database, Row } from '../schema.js';

export type UserRow = Row<'app_user'>;

export interface NewUser {
  username: string;
  displayName: string;
  organisationId: number | null;
  department: string | null;
  roles: readonly Role[];
  exemptAccess: boolean;
  passwordHash: string | null;
  oidc: { issuer: string; subject: string } | null;
  now: string;
}

export function insertUser(db: Kysely<Database>, u: NewUser): Promise<UserRow> {
  return db
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      organisation_id: u.organisationId,
      department: u.department,
      roles: JSON.stringify(u.roles),
      exempt_access: u.exemptAccess,
      password_hash: u.passwordHash,
      oidc_issuer: u.oidc?.issuer ?? null,
      oidc_subject: u.oidc?.subject ?? null,
      created_at: u.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface UserChanges {
  displayName?: string;
  organisationId?: number | null;
  department?: string | null;
  roles?: readonly Role[];
  exemptAccess?: boolean;
  disabled?: boolean;
  passwordHash?: string | null;
}

export async function updateUser(
  db: Kysely<Database>,
  id: number,
  c: UserChanges,
): Promise<UserRow | undefined> {
  const set = {
    ...(c.displayName !== undefined ? { display_name: c.displayName } : {}),
    ...(c.organisationId !== undefined ? { organisation_id: c.organisationId } : {}),
    ...(c.department !== undefined ? { department: c.department } : {}),
    ...(c.roles !== undefined ? { roles: JSON.stringify(c.roles) } : {}),
    ...(c.exemptAccess !== undefined ? { exempt_access: c.exemptAccess } : {}),
    ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
    ...(c.passwordHash !== undefined ? { password_hash: c.passwordHash } : {}),
  };
  if (Object.keys(set).length === 0) return userById(db, id);
  return db.updateTable('app_user').set(set).where('id', '=', id).returningAll().executeTakeFirst();
}

export function userById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function userByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export function userByOidc(
  db: Kysely<Database>,
  issuer: string,
  subject: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

/** All users, or those of one organisation. */
export function listUsers(db: Kysely<Database>, organisationId?: number): Promise<UserRow[]> {
  let q = db.selectFrom('app_user').selectAll();
  if (organisationId !== undefined) q = q.where('organisation_id', '=', organisationId);
  return q.orderBy('username').execute();
}
