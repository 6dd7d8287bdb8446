/**
 * Browser sessions. The cookie holds 32 random bytes; the register holds their SHA-256. A session ends
 * after two hours without use or twelve hours after login, whichever comes first. The CSRF token is
 * derived from the session secret (a different hash of it), so it needs no storage, changes with every
 * session, and cannot be computed from what the database holds.
 */
import {
  deleteExpiredSessions,
  deleteSession,
  insertSession,
  sessionByHash,
  touchSession,
} from '../../adapters/store/accounts/sessions.js';
import type { OrganisationRow } from '../../adapters/store/accounts/organisations.js';
import { organisationById } from '../../adapters/store/accounts/organisations.js';
import type { UserRow } from '../../adapters/store/accounts/users.js';
import { userById } from '../../adapters/store/accounts/users.js';
import type { AuthDeps } from './deps.js';
import { randomSecret, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'styr_session';
export const SESSION_POLICY = { idleMs: 2 * 3_600_000, absoluteMs: 12 * 3_600_000 } as const;
/** last_seen_at is written at most once a minute, not on every request. */
const TOUCH_AFTER_MS = 60_000;

export function csrfTokenFor(sessionToken: string): string {
  return sha256(`styr-csrf:${sessionToken}`);
}

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function startSession(deps: AuthDeps, userId: number): Promise<StartedSession> {
  const now = deps.clock();
  const token = randomSecret();
  const expiresAt = new Date(now.getTime() + SESSION_POLICY.absoluteMs);
  await deleteExpiredSessions(
    deps.db,
    now.toISOString(),
    new Date(now.getTime() - SESSION_POLICY.idleMs).toISOString(),
  );
  await insertSession(deps.db, {
    tokenHash: sha256(token),
    userId,
    now: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, csrfToken: csrfTokenFor(token), expiresAt };
}

export interface ActiveSession {
  sessionId: number;
  user: UserRow;
  organisation: OrganisationRow | null;
}

/** The live session behind a cookie value, or null (unknown, expired, idle too long, user disabled). */
export async function resolveSession(deps: AuthDeps, token: string): Promise<ActiveSession | null> {
  const session = await sessionByHash(deps.db, sha256(token));
  if (!session) return null;
  const now = deps.clock().getTime();
  const idle = now - new Date(session.last_seen_at).getTime();
  if (now >= new Date(session.expires_at).getTime() || idle > SESSION_POLICY.idleMs) {
    await deleteSession(deps.db, session.id);
    return null;
  }
  const user = await userById(deps.db, session.user_id);
  if (!user || user.disabled) return null;
  if (idle > TOUCH_AFTER_MS) await touchSession(deps.db, session.id, new Date(now).toISOString());
  const organisation =
    user.organisation_id === null ? null : ((await organisationById(deps.db, user.organisation_id)) ?? null);
  return { sessionId: session.id, user, organisation };
}

export async function endSession(deps: AuthDeps, token: string): Promise<void> {
  const session = await sessionByHash(deps.db, sha256(token));
  if (session) await deleteSession(deps.db, session.id);
}
