/** Password login attempts, the evidence login throttling counts. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

export async function recordLoginAttempt(
  db: Kysely<Database>,
  a: { username: string; ip: string; at: string; success: boolean },
): Promise<void> {
  await db.insertInto('login_attempt').values(a).execute();
}

export interface FailureCounts {
  /** Failures for this username from this address. */
  pair: number;
  /** Failures for this username from anywhere. */
  username: number;
  /** Failures from this address for any username. */
  ip: number;
}

/**
 * Failed attempts since `since`. A successful login of the username resets its own counts, never the
 * address's: an attacker who owns one account must not clear the counter of the addresses they guess from.
 */
export async function countLoginFailures(
  db: Kysely<Database>,
  q: { username: string; ip: string; since: string },
): Promise<FailureCounts> {
  const success = await db
    .selectFrom('login_attempt')
    .select(sql<string | null>`max(at)`.as('at'))
    .where('username', '=', q.username)
    .where('success', '=', true)
    .where('at', '>=', q.since)
    .executeTakeFirst();
  const userSince = success?.at ?? q.since;
  const row = await db
    .selectFrom('login_attempt')
    .select([
      sql<number>`count(*) filter (where username = ${q.username} and ip = ${q.ip} and at > ${userSince})`.as(
        'pair',
      ),
      sql<number>`count(*) filter (where username = ${q.username} and at > ${userSince})`.as('username'),
      sql<number>`count(*) filter (where ip = ${q.ip})`.as('ip'),
    ])
    .where('success', '=', false)
    .where('at', '>=', q.since)
    .where((eb) => eb.or([eb('username', '=', q.username), eb('ip', '=', q.ip)]))
    .executeTakeFirstOrThrow();
  return { pair: Number(row.pair), username: Number(row.username), ip: Number(row.ip) };
}

/** Forget attempts older than `before`; they no longer count. */
export async function pruneLoginAttempts(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('at', '<', before).execute();
}
