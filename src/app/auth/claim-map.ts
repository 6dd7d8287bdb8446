/**
 * Claims → what a user may do. The configured claim (e.g. `groups`) holds one name or a list; every
 * name found in the role map contributes its roles and grants. All matches must point at one
 * organisation: a person is a member of one organisation in styr, and guessing between two would be
 * granting access on a coin toss.
 */
import { ROLES, type Role, type Side } from '../../core/register/viewer.js';
import { AppError } from '../errors.js';
import type { RoleMap } from './oidc-config.js';

export interface MappedAccess {
  organisation: string;
  side: Side | undefined;
  roles: Role[];
  exemptAccess: boolean;
  department: string | null;
}

function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The access the claims grant, or null when they map to no role at all. */
export function mapClaims(roleMap: RoleMap, claims: Record<string, unknown>): MappedAccess | null {
  const grants = claimValues(claims[roleMap.claim])
    .map((name) => roleMap.map[name])
    .filter((g) => g !== undefined);
  const roles = ROLES.filter((r) => grants.some((g) => g.roles.includes(r)));
  if (roles.length === 0) return null;
  const organisations = [...new Set(grants.map((g) => g.organisation))];
  if (organisations.length > 1)
    throw new AppError(
      'forbidden',
      'oidc_ambiguous_organisation',
      `Innloggingen gir roller i flere organisasjoner (${organisations.join(', ')}). Kontakt administrator.`,
    );
  const [organisation] = organisations;
  if (organisation === undefined) return null;
  return {
    organisation,
    side: grants.find((g) => g.side)?.side,
    roles,
    exemptAccess: grants.some((g) => g.exemptAccess),
    department: grants.find((g) => g.department)?.department ?? null,
  };
}
