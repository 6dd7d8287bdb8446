/** The session and OIDC-state cookies: HttpOnly, SameSite=Lax, Path=/, Secure when served over https. */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AuthDeps } from '../../app/auth/deps.js';
import { OIDC_LOGIN_TTL_MS, OIDC_STATE_COOKIE } from '../../app/auth/oidc.js';
import { SESSION_COOKIE } from '../../app/auth/sessions.js';

function secure(c: Context, deps: Pick<AuthDeps, 'secureCookies'>): boolean {
  return deps.secureCookies ?? new URL(c.req.url).protocol === 'https:';
}

export function setSessionCookie(
  c: Context,
  deps: Pick<AuthDeps, 'secureCookies'>,
  token: string,
  expiresAt: Date,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c, deps),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context, deps: Pick<AuthDeps, 'secureCookies'>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c, deps), httpOnly: true, sameSite: 'Lax' });
}

/** Lax, not Strict: the provider's redirect back to the callback is a cross-site top-level GET. */
export function setOidcStateCookie(c: Context, deps: Pick<AuthDeps, 'secureCookies'>, state: string): void {
  setCookie(c, OIDC_STATE_COOKIE, state, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c, deps),
    path: '/api/auth/oidc',
    maxAge: OIDC_LOGIN_TTL_MS / 1000,
  });
}

export function clearOidcStateCookie(c: Context, deps: Pick<AuthDeps, 'secureCookies'>): void {
  deleteCookie(c, OIDC_STATE_COOKIE, { path: '/api/auth/oidc', secure: secure(c, deps), httpOnly: true });
}
