/** Role checks for account administration. */
import { ROLES, type Role } from '../../core/register/viewer.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';

/** Roles as stored (jsonb); anything unknown is dropped rather than trusted. */
export function rolesOf(value: unknown): Role[] {
  if (!Array.isArray(value)) return [];
  return ROLES.filter((r) => value.includes(r));
}

export function isAdministrator(p: Principal): boolean {
  return p.roles.includes('administrator');
}

/** An installation administrator belongs to no organisation and manages every account. */
export function isInstallationAdministrator(p: Principal): boolean {
  return isAdministrator(p) && p.organisation === null;
}

/** An administrator manages the users of their own organisation; an installation administrator all. */
export function canManageOrganisation(p: Principal, organisationId: number | null): boolean {
  if (!isAdministrator(p)) return false;
  return p.organisation === null || p.organisation.id === organisationId;
}

export function requireSignedIn(p: Principal | null): Principal {
  if (!p) throw new AppError('unauthenticated', 'unauthenticated', 'Du må logge inn først.');
  return p;
}

export function requireAdministrator(p: Principal | null): Principal {
  const who = requireSignedIn(p);
  if (!isAdministrator(who))
    throw new AppError('forbidden', 'administrator_required', 'Bare en administrator kan gjøre dette.');
  return who;
}
