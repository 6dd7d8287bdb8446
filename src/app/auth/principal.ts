/** The one place a stored user becomes the Principal that use cases and the audit log see. */
import type { OrganisationRow } from '../../adapters/store/accounts/organisations.js';
import type { UserRow } from '../../adapters/store/accounts/users.js';
import type { OrganisationRef, Principal } from '../principal.js';
import { rolesOf } from './roles.js';

export function organisationRef(org: OrganisationRow): OrganisationRef {
  return {
    id: org.id,
    name: org.name,
    side: org.side,
    ministryId: org.ministry_id,
    agencyId: org.agency_id,
  };
}

export function principalFor(
  user: UserRow,
  org: OrganisationRow | null | undefined,
  kind: 'user' | 'token' = 'user',
): Principal {
  return {
    kind,
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    organisation: org ? organisationRef(org) : null,
    department: user.department,
    roles: rolesOf(user.roles),
    exemptAccess: user.exempt_access,
  };
}
