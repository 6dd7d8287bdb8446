/** Calendar feed tokens, looked up by the SHA-256 of the secret; revoked feeds stay for the record. */
import type { Kysely } from 'kysely';
import type { Database, Row } from '../schema.js';

export type CalendarFeedRow = Row<'calendar_feed'>;

export function insertCalendarFeed(
  db: Kysely<Database>,
  f: {
    tokenHash: string;
    name: string;
    userId: number | null;
    organisationId: number | null;
    createdBy: string;
    now: string;
  },
): Promise<CalendarFeedRow> {
  return db
    .insertInto('calendar_feed')
    .values({
      token_hash: f.tokenHash,
      name: f.name,
      user_id: f.userId,
      organisation_id: f.organisationId,
      created_by: f.createdBy,
      created_at: f.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function calendarFeedByHash(db: Kysely<Database>, hash: string): Promise<CalendarFeedRow | undefined> {
  return db.selectFrom('calendar_feed').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export function calendarFeedById(db: Kysely<Database>, id: number): Promise<CalendarFeedRow | undefined> {
  return db.selectFrom('calendar_feed').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Feeds of a user and of the organisations given (an administrator sees its organisation's feeds). */
export function listCalendarFeeds(
  db: Kysely<Database>,
  only?: { userId: number | null; organisationIds: readonly number[] },
): Promise<CalendarFeedRow[]> {
  let q = db.selectFrom('calendar_feed').selectAll();
  if (only)
    q = q.where((eb) =>
      eb.or([
        ...(only.userId !== null ? [eb('user_id', '=', only.userId)] : []),
        ...(only.organisationIds.length > 0 ? [eb('organisation_id', 'in', only.organisationIds)] : []),
        eb.val(false),
      ]),
    );
  return q.orderBy('id').execute();
}

export async function touchCalendarFeed(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable('calendar_feed').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeCalendarFeed(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('calendar_feed')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
