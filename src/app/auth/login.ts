/**
 * Password login. Every failure reads the same ("wrong username or password"), whether the user is
 * unknown, disabled, has no password, or typed the wrong one, and costs the same scrypt work, so
 * neither the answer nor its timing reveals which usernames exist.
 */
import { organisationById } from '../../adapters/store/accounts/organisations.js';
import { userByUsername } from '../../adapters/store/accounts/users.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { AuthDeps } from './deps.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import { principalFor } from './principal.js';
import { LoginInput } from './schemas.js';
import { type StartedSession, startSession } from './sessions.js';
import { assertNotThrottled, recordAttempt } from './throttle.js';
import { parseInput } from '../validate.js';

export interface LoggedIn {
  session: StartedSession;
  principal: Principal;
}

export async function loginWithPassword(deps: AuthDeps, input: unknown, ip: string): Promise<LoggedIn> {
  const { username, password } = parseInput(LoginInput, input);
  const now = deps.clock();
  await assertNotThrottled(deps.db, { username, ip, now });
  const user = await userByUsername(deps.db, username);
  const ok =
    user?.password_hash && !user.disabled
      ? await verifyPassword(password, user.password_hash)
      : await verifyNothing(password, deps.scrypt);
  await recordAttempt(deps.db, { username, ip, now, success: ok });
  if (!ok || !user)
    throw new AppError('unauthenticated', 'invalid_credentials', 'Feil brukernavn eller passord.');
  const org = user.organisation_id === null ? null : await organisationById(deps.db, user.organisation_id);
  return { session: await startSession(deps, user.id), principal: principalFor(user, org) };
}
