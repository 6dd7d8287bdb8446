/**
 * Who is calling: sets c.var.principal and c.var.authVia from a bearer API token or the session cookie.
 * A bearer token wins when both are present; a bearer token that is not valid is refused outright
 * (an integration should fail loudly, not run anonymously). Cookie-authenticated writes must carry the
 * session's CSRF token in X-CSRF-Token: a cookie is sent by the browser on any site's form post, a
 * header only by our own scripts. Token-authenticated requests need no CSRF token, since browsers never
 * attach an Authorization header on their own.
 */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { resolveApiToken } from '../../app/auth/api-tokens.js';
import type { AuthDeps } from '../../app/auth/deps.js';
import { principalFor } from '../../app/auth/principal.js';
import { safeEqual } from '../../app/auth/secrets.js';
import { csrfTokenFor, resolveSession, SESSION_COOKIE } from '../../app/auth/sessions.js';
import { AppError } from '../../app/errors.js';
import type { HttpEnv } from './env.js';

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Login starts a new session; an old cookie riding along must not block it. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

export function authenticate(deps: AuthDeps) {
  return createMiddleware<HttpEnv>(async (c, next) => {
    c.set('principal', null);
    c.set('authVia', null);
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      const principal = m?.[1] ? await resolveApiToken(deps, m[1]) : null;
      if (!principal)
        throw new AppError('unauthenticated', 'invalid_token', 'API-nøkkelen er ugyldig eller tilbakekalt.');
      c.set('principal', principal);
      c.set('authVia', 'token');
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const session = await resolveSession(deps, token);
      if (session) {
        if (!SAFE_METHODS.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) {
          const sent = c.req.header(CSRF_HEADER) ?? '';
          if (!safeEqual(sent, csrfTokenFor(token)))
            throw new AppError(
              'forbidden',
              'csrf_failed',
              'Forespørselen mangler gyldig CSRF-nøkkel (X-CSRF-Token). Last siden på nytt.',
            );
        }
        c.set('principal', principalFor(session.user, session.organisation));
        c.set('authVia', 'session');
      }
    }
    return next();
  });
}
