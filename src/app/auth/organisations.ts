/**
 * Organisations as use cases. Any administrator may list them; an installation administrator or an
 * administrator on the ministry side (which steers its agencies) may add one.
 */
import {
  insertOrganisation,
  listOrganisations,
  type OrganisationRow,
  organisationByName,
} from '../../adapters/store/accounts/organisations.js';
import { audit } from '../../adapters/store/audit.js';
import type { Side } from '../../core/register/viewer.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { AuthDeps } from './deps.js';
import { requireAdministrator } from './roles.js';
import { CreateOrganisationInput } from './schemas.js';
import { parseInput } from '../validate.js';

export interface OrganisationView {
  id: number;
  name: string;
  side: Side;
  ministryId: number | null;
  agencyId: number | null;
  createdAt: string;
}

export function organisationView(o: OrganisationRow): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    side: o.side,
    ministryId: o.ministry_id,
    agencyId: o.agency_id,
    createdAt: o.created_at,
  };
}

export async function listOrganisationsAs(
  deps: AuthDeps,
  actor: Principal | null,
): Promise<OrganisationView[]> {
  requireAdministrator(actor);
  return (await listOrganisations(deps.db)).map(organisationView);
}

export async function createOrganisationAs(
  deps: AuthDeps,
  actor: Principal | null,
  input: unknown,
): Promise<OrganisationView> {
  const who = requireAdministrator(actor);
  if (!(who.organisation === null || who.organisation.side === 'departement'))
    throw new AppError(
      'forbidden',
      'organisation_forbidden',
      'Bare en administrator for installasjonen eller departementet kan legge til organisasjoner.',
    );
  const { name, side } = parseInput(CreateOrganisationInput, input);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    if (await organisationByName(trx, name))
      throw new AppError('conflict', 'organisation_exists', `Organisasjonen «${name}» finnes allerede.`);
    const org = await insertOrganisation(trx, { name, side, now });
    await audit(trx, [
      {
        at: now,
        actor: who.username,
        action: 'organisation_create',
        entity: 'organisation',
        entityId: org.id,
        details: { name, side },
      },
    ]);
    return organisationView(org);
  });
}
