/**
 * Login throttling. Five wrong passwords for one username from one address within 15 minutes lock that
 * pair out until the window has passed; wider limits per username (distributed guessing) and per
 * address (one address trying many usernames) catch the rest. The limits are counted from the
 * register's login_attempt rows, so they hold across restarts and across server processes.
 */
import type { Kysely } from 'kysely';
import {
  countLoginFailures,
  pruneLoginAttempts,
  recordLoginAttempt,
} from '../../adapters/store/accounts/login-attempts.js';
import type { Database } from '../../adapters/store/schema.js';
import { AppError } from '../errors.js';

export const THROTTLE = { windowMs: 15 * 60_000, perPair: 5, perUsername: 20, perAddress: 50 } as const;

export async function assertNotThrottled(
  db: Kysely<Database>,
  q: { username: string; ip: string; now: Date },
): Promise<void> {
  const since = new Date(q.now.getTime() - THROTTLE.windowMs).toISOString();
  const n = await countLoginFailures(db, { username: q.username, ip: q.ip, since });
  if (n.pair >= THROTTLE.perPair || n.username >= THROTTLE.perUsername || n.ip >= THROTTLE.perAddress)
    throw new AppError(
      'too_many_requests',
      'login_throttled',
      'For mange mislykkede innloggingsforsøk. Vent 15 minutter og prøv igjen.',
      { retryAfterSeconds: THROTTLE.windowMs / 1000 },
    );
}

export async function recordAttempt(
  db: Kysely<Database>,
  a: { username: string; ip: string; now: Date; success: boolean },
): Promise<void> {
  await recordLoginAttempt(db, {
    username: a.username,
    ip: a.ip,
    at: a.now.toISOString(),
    success: a.success,
  });
  // Attempts older than a day count for nothing; pruning on success keeps the table small.
  if (a.success) await pruneLoginAttempts(db, new Date(a.now.getTime() - 86_400_000).toISOString());
}
