/** Sign-in routes: password login, logout, who am I, and the OpenID Connect redirect and callback. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import type { AuthDeps } from '../../../app/auth/deps.js';
import { loginWithPassword } from '../../../app/auth/login.js';
import { beginOidcLogin, completeOidcLogin, OIDC_STATE_COOKIE } from '../../../app/auth/oidc.js';
import { signInMethods } from '../../../app/auth/oidc-config.js';
import { LoginInput } from '../../../app/auth/schemas.js';
import { csrfTokenFor, endSession, SESSION_COOKIE } from '../../../app/auth/sessions.js';
import { requireSignedIn } from '../../../app/auth/roles.js';
import { Principal } from '../../../app/principal.js';
import { clientAddress } from '../client-address.js';
import type { HttpEnv } from '../env.js';
import {
  clearOidcStateCookie,
  clearSessionCookie,
  setOidcStateCookie,
  setSessionCookie,
} from '../session-cookie.js';
import { json, jsonBody, problems, SIGNED_IN } from './openapi-helpers.js';

const Me = z
  .object({
    principal: Principal,
    authVia: z.enum(['session', 'token']),
    csrfToken: z
      .string()
      .nullable()
      .describe('Send i X-CSRF-Token på POST/PUT/PATCH/DELETE med sesjonscookie; null ved API-nøkkel'),
  })
  .openapi('Me');

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['Innlogging'],
  summary: 'Logg inn med brukernavn og passord (setter sesjonscookien styr_session)',
  request: { body: jsonBody(LoginInput) },
  responses: { 200: json(Me, 'Innlogget'), ...problems(400, 401, 429) },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['Innlogging'],
  summary: 'Logg ut (avslutter sesjonen)',
  responses: { 204: { description: 'Utlogget' }, ...problems(403) },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['Innlogging'],
  summary: 'Hvem er innlogget, og CSRF-nøkkelen for sesjonen',
  security: SIGNED_IN,
  responses: { 200: json(Me, 'Innlogget bruker'), ...problems(401) },
});

const AuthProviders = z
  .object({
    password: z.literal(true).describe('Innlogging med brukernavn og passord er alltid mulig'),
    oidc: z
      .object({ displayName: z.string().describe('Navnet på innloggingstjenesten, vist på knappen') })
      .nullable()
      .describe('OpenID Connect, når det er satt opp; ellers null'),
  })
  .openapi('AuthProviders');

const providers = createRoute({
  method: 'get',
  path: '/api/auth/providers',
  tags: ['Innlogging'],
  summary: 'Hvilke innloggingsmåter serveren tilbyr (offentlig)',
  responses: { 200: json(AuthProviders, 'Innloggingsmåter') },
});

const oidcLogin = createRoute({
  method: 'get',
  path: '/api/auth/oidc/login',
  tags: ['Innlogging'],
  summary: 'Start innlogging med OpenID Connect (videresender til innloggingstjenesten)',
  request: { query: z.object({ returnTo: z.string().max(2000).optional() }) },
  responses: { 302: { description: 'Videre til innloggingstjenesten' }, ...problems(404, 503) },
});

const oidcCallback = createRoute({
  method: 'get',
  path: '/api/auth/oidc/callback',
  tags: ['Innlogging'],
  summary: 'Tilbake fra innloggingstjenesten: lager sesjon og videresender',
  responses: { 302: { description: 'Innlogget, videre til appen' }, ...problems(403, 404, 503) },
});

export function registerSessionRoutes(app: OpenAPIHono<HttpEnv>, deps: AuthDeps): void {
  app.openapi(login, async (c) => {
    const { session, principal } = await loginWithPassword(deps, c.req.valid('json'), clientAddress(c));
    // A new login replaces the browser's old session rather than leaving it alive behind the new cookie.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await endSession(deps, previous);
    setSessionCookie(c, deps, session.token, session.expiresAt);
    return c.json({ principal, authVia: 'session' as const, csrfToken: session.csrfToken }, 200);
  });

  app.openapi(logout, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(deps, token);
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });

  app.openapi(me, (c) => {
    const principal = requireSignedIn(c.var.principal);
    const via = c.var.authVia ?? 'session';
    const token = getCookie(c, SESSION_COOKIE);
    return c.json(
      { principal, authVia: via, csrfToken: via === 'session' && token ? csrfTokenFor(token) : null },
      200,
    );
  });

  app.openapi(providers, (c) => c.json(signInMethods(deps.oidc), 200));

  app.openapi(oidcLogin, async (c) => {
    const start = await beginOidcLogin(deps, c.req.valid('query').returnTo);
    setOidcStateCookie(c, deps, start.state);
    return c.redirect(start.redirectTo, 302);
  });

  app.openapi(oidcCallback, async (c) => {
    const query = new URL(c.req.url).searchParams;
    const cookieState = getCookie(c, OIDC_STATE_COOKIE);
    clearOidcStateCookie(c, deps);
    const done = await completeOidcLogin(deps, query, cookieState);
    setSessionCookie(c, deps, done.session.token, done.session.expiresAt);
    return c.redirect(done.returnTo, 302);
  });
}
