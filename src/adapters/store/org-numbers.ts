/**
 * Organisations by organisation number. A Kudos actor (publisher, owner, recipient) is matched to an
 * organisation by its number; failing that, an organisation of the same name without a number gets it;
 * failing that, the organisation is created (linked to the ministry or agency row of that name, as
 * accounts do). Names change spelling over the years; the number does not. Each change is audited.
 */
import { sql, type Kysely } from 'kysely';
import type { Side } from '../../core/register/viewer.js';
import { insertOrganisation } from './accounts/organisations.js';
import type { AuditEntry } from './audit.js';
import type { Database } from './schema.js';

export interface NumberedActor {
  orgNumber: string;
  name: string;
  side: Side;
}

export async function linkOrganisations(
  db: Kysely<Database>,
  actors: readonly NumberedActor[],
  at: { actor: string; now: string },
): Promise<{ organisationIds: number[]; audit: AuditEntry[] }> {
  const ids: number[] = [];
  const entries: AuditEntry[] = [];
  const entry = (action: string, id: number, details: Record<string, unknown>) =>
    entries.push({ at: at.now, actor: at.actor, action, entity: 'organisation', entityId: id, details });
  for (const a of actors) {
    const byNumber = await db
      .selectFrom('organisation')
      .select('id')
      .where('org_number', '=', a.orgNumber)
      .executeTakeFirst();
    if (byNumber) {
      ids.push(byNumber.id);
      continue;
    }
    const byName = await db
      .selectFrom('organisation')
      .select('id')
      .where(sql<string>`lower(name)`, '=', a.name.toLocaleLowerCase('nb'))
      .where('org_number', 'is', null)
      .executeTakeFirst();
    if (byName) {
      await db
        .updateTable('organisation')
        .set({ org_number: a.orgNumber })
        .where('id', '=', byName.id)
        .execute();
      entry('organisation_org_number', byName.id, { orgNumber: a.orgNumber, source: 'kudos' });
      ids.push(byName.id);
      continue;
    }
    // The name may be taken by an organisation that already has another number (a merger, a reuse):
    // keep both apart by naming the new one with its number.
    const taken = await db
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', a.name)
      .executeTakeFirst();
    const name = taken ? `${a.name} (${a.orgNumber})` : a.name;
    const org = await insertOrganisation(db, { name, side: a.side, now: at.now });
    await db.updateTable('organisation').set({ org_number: a.orgNumber }).where('id', '=', org.id).execute();
    entry('organisation_create', org.id, { name, side: a.side, orgNumber: a.orgNumber, source: 'kudos' });
    ids.push(org.id);
  }
  return { organisationIds: ids, audit: entries };
}
