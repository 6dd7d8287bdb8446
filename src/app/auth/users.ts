/**
 * User administration. An administrator manages the users of their own organisation; an installation
 * administrator (no organisation: `styr user add` without --org, or the local owner at the command
 * line) manages all. Nobody can lock themselves out: an administrator cannot disable their own account
 * or take away their own administrator role.
 */
import { organisationById, type OrganisationRow } from '../../adapters/store/accounts/organisations.js';
import { deleteSessionsOfUser } from '../../adapters/store/accounts/sessions.js';
import {
  insertUser,
  listUsers,
  updateUser,
  userById,
  userByUsername,
  type UserRow,
} from '../../adapters/store/accounts/users.js';
import { audit } from '../../adapters/store/audit.js';
import type { Role, Side } from '../../core/register/viewer.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { AuthDeps } from './deps.js';
import { hashPassword, passwordProblem } from './passwords.js';
import {
  canManageOrganisation,
  isInstallationAdministrator,
  requireAdministrator,
  rolesOf,
} from './roles.js';
import { CreateUserInput, UpdateUserInput } from './schemas.js';
import { parseInput } from '../validate.js';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  organisation: { id: number; name: string; side: Side } | null;
  department: string | null;
  roles: Role[];
  exemptAccess: boolean;
  disabled: boolean;
  /** How the user signs in; the password hash itself never leaves the store layer. */
  login: { password: boolean; oidc: boolean };
  createdAt: string;
}

export function userView(u: UserRow, org: OrganisationRow | null | undefined): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    organisation: org ? { id: org.id, name: org.name, side: org.side } : null,
    department: u.department,
    roles: rolesOf(u.roles),
    exemptAccess: u.exempt_access,
    disabled: u.disabled,
    login: { password: u.password_hash !== null, oidc: u.oidc_subject !== null },
    createdAt: u.created_at,
  };
}

async function orgOf(deps: AuthDeps, id: number | null) {
  return id === null ? null : ((await organisationById(deps.db, id)) ?? null);
}

async function newPasswordHash(deps: AuthDeps, password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('validation', 'weak_password', problem);
  return hashPassword(password, deps.scrypt);
}

export async function listUsersAs(deps: AuthDeps, actor: Principal | null): Promise<UserView[]> {
  const who = requireAdministrator(actor);
  const rows = await listUsers(deps.db, who.organisation?.id);
  const orgs = new Map<number, OrganisationRow | null>();
  const out: UserView[] = [];
  for (const u of rows) {
    if (u.organisation_id !== null && !orgs.has(u.organisation_id))
      orgs.set(u.organisation_id, await orgOf(deps, u.organisation_id));
    out.push(userView(u, u.organisation_id === null ? null : orgs.get(u.organisation_id)));
  }
  return out;
}

export async function createUserAs(
  deps: AuthDeps,
  actor: Principal | null,
  input: unknown,
): Promise<UserView> {
  const who = requireAdministrator(actor);
  const u = parseInput(CreateUserInput, input);
  if (
    u.organisationId === null
      ? !isInstallationAdministrator(who)
      : !canManageOrganisation(who, u.organisationId)
  )
    throw new AppError(
      'forbidden',
      'user_forbidden',
      'Du kan bare opprette brukere i din egen organisasjon.',
    );
  if (u.organisationId === null && !u.roles.includes('administrator'))
    throw new AppError(
      'validation',
      'organisation_required',
      'En bruker uten organisasjon må være administrator for installasjonen. Oppgi en organisasjon.',
    );
  const org = await orgOf(deps, u.organisationId);
  if (u.organisationId !== null && !org)
    throw new AppError('not_found', 'organisation_not_found', 'Fant ikke organisasjonen.');
  const passwordHash = u.password === undefined ? null : await newPasswordHash(deps, u.password);
  const now = deps.clock().toISOString();
  const row = await deps.db.transaction().execute(async (trx) => {
    if (await userByUsername(trx, u.username))
      throw new AppError('conflict', 'username_taken', `Brukernavnet «${u.username}» er i bruk.`);
    const r = await insertUser(trx, {
      username: u.username,
      displayName: u.displayName,
      organisationId: u.organisationId,
      department: u.department,
      roles: u.roles,
      exemptAccess: u.exemptAccess,
      passwordHash,
      oidc: null,
      now,
    });
    await audit(trx, [
      {
        at: now,
        actor: who.username,
        action: 'user_create',
        entity: 'app_user',
        entityId: r.id,
        details: {
          username: r.username,
          organisation: org?.name ?? null,
          department: r.department,
          roles: u.roles,
          exemptAccess: u.exemptAccess,
          password: passwordHash !== null,
        },
      },
    ]);
    return r;
  });
  return userView(row, org);
}

export async function updateUserAs(
  deps: AuthDeps,
  actor: Principal | null,
  id: number,
  input: unknown,
): Promise<UserView> {
  const who = requireAdministrator(actor);
  const patch = parseInput(UpdateUserInput, input);
  const existing = await userById(deps.db, id);
  // Users of another organisation are not the caller's to see, so they are reported as missing.
  if (!existing || !canManageOrganisation(who, existing.organisation_id))
    throw new AppError('not_found', 'user_not_found', 'Fant ikke brukeren.');
  if (
    existing.id === who.userId &&
    (patch.disabled === true || (patch.roles && !patch.roles.includes('administrator')))
  )
    throw new AppError(
      'conflict',
      'self_lockout',
      'Du kan ikke deaktivere deg selv eller fjerne din egen administratorrolle.',
    );
  const passwordHash = patch.password === undefined ? undefined : await newPasswordHash(deps, patch.password);
  const now = deps.clock().toISOString();
  const row = await deps.db.transaction().execute(async (trx) => {
    const r = await updateUser(trx, id, {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.department !== undefined ? { department: patch.department } : {}),
      ...(patch.roles !== undefined ? { roles: patch.roles } : {}),
      ...(patch.exemptAccess !== undefined ? { exemptAccess: patch.exemptAccess } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(passwordHash !== undefined ? { passwordHash } : {}),
    });
    if (!r) throw new AppError('not_found', 'user_not_found', 'Fant ikke brukeren.');
    // A new password or a disabled account ends every open session of that user.
    if (passwordHash !== undefined || patch.disabled === true) await deleteSessionsOfUser(trx, id);
    const { password: _password, ...changed } = patch;
    await audit(trx, [
      {
        at: now,
        actor: who.username,
        action: 'user_update',
        entity: 'app_user',
        entityId: id,
        details: { username: r.username, ...changed, ...(passwordHash ? { password: 'endret' } : {}) },
      },
    ]);
    return r;
  });
  return userView(row, await orgOf(deps, row.organisation_id));
}
