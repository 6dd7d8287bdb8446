/**
 * Organisations that people belong to: a ministry (side departement) or an agency (side virksomhet).
 * Each is tied to the register's own ministry or agency row of the same name, so letters imported for
 * "Helsedirektoratet" are the letters of the organisation "Helsedirektoratet".
 */
import type { Kysely } from 'kysely';
import type { Side } from '../../../core/register/viewer.js';
import { upsertName } from '../import.js';
import type { Database, Row } from '../schema.js';

export type OrganisationRow = Row<'organisation'>;

/** Insert an organisation, linking (or creating) the ministry or agency row it stands for. */
export async function insertOrganisation(
  db: Kysely<Database>,
  input: { name: string; side: Side; now: string },
): Promise<OrganisationRow> {
  const partyId = await upsertName(db, input.side === 'departement' ? 'ministry' : 'agency', input.name);
  return db
    .insertInto('organisation')
    .values({
      name: input.name,
      side: input.side,
      ministry_id: input.side === 'departement' ? partyId : null,
      agency_id: input.side === 'virksomhet' ? partyId : null,
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function organisationById(db: Kysely<Database>, id: number): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

export function organisationByName(db: Kysely<Database>, name: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisation').selectAll().where('name', '=', name).executeTakeFirst();
}

export function listOrganisations(db: Kysely<Database>): Promise<OrganisationRow[]> {
  return db.selectFrom('organisation').selectAll().orderBy('name').execute();
}
