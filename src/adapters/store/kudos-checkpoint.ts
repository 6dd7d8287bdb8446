/**
 * Where a Kudos sync is: the next page to fetch for a query, and whether the last pass finished. An
 * interrupted sync resumes at its page; a finished one starts again from the newest page and stops at
 * the first page with nothing new.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Checkpoint {
  nextPage: number;
  done: boolean;
}

export async function readCheckpoint(db: Kysely<Database>, queryKey: string): Promise<Checkpoint | null> {
  const row = await db
    .selectFrom('kudos_checkpoint')
    .select(['next_page', 'done'])
    .where('query_key', '=', queryKey)
    .executeTakeFirst();
  return row ? { nextPage: row.next_page, done: row.done } : null;
}

export async function writeCheckpoint(
  db: Kysely<Database>,
  queryKey: string,
  cp: Checkpoint,
  now: string,
): Promise<void> {
  const values = { next_page: cp.nextPage, done: cp.done, updated_at: now };
  await db
    .insertInto('kudos_checkpoint')
    .values({ query_key: queryKey, ...values })
    .onConflict((oc) => oc.column('query_key').doUpdateSet(values))
    .execute();
}
