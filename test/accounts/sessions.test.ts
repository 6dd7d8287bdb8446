/** Login, throttling, session cookies and expiry, CSRF, and API tokens, through the HTTP routes. */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_POLICY } from '../../src/app/auth/sessions.js';
import {
  addOrganisation,
  addUser,
  as,
  BACKENDS,
  cookieFrom,
  dropTestSchemas,
  login,
  PASSWORD,
  type TestApp,
  testApp,
  warmUp,
} from './harness.js';

const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.store.close();
});
afterAll(dropTestSchemas);

const json = { 'content-type': 'application/json' };
const attempt = (t: TestApp, username: string, password: string, ip = '10.0.0.1') =>
  t.request('/api/auth/login', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password }),
    ip,
  });

describe.each(BACKENDS)('sessions and tokens on %s', (backend) => {
  beforeAll(() => warmUp(backend), 120_000);

  async function setup(opts: { secureCookies?: boolean } = {}) {
    const t = await testApp(backend, opts);
    open.push(t);
    const org = await addOrganisation(t, 'Helsedirektoratet', 'virksomhet');
    await addUser(t, 'kari', { organisationId: org.id, roles: ['saksbehandler'] });
    return t;
  }

  it('logs in with an HttpOnly, SameSite=Lax session cookie and knows the user afterwards', async () => {
    const t = await setup();
    const res = await attempt(t, 'KARI', PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      principal: { username: string; roles: string[] };
      csrfToken: string;
    };
    expect(body.principal.username).toBe('kari');
    expect(body.principal.roles).toEqual(['saksbehandler']);
    const c = cookieFrom(res, 'styr_session');
    expect(c?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(c?.attributes).toMatch(/HttpOnly/);
    expect(c?.attributes).toMatch(/SameSite=Lax/);
    expect(c?.attributes).toMatch(/Path=\//);
    expect(c?.attributes).not.toMatch(/Secure/);
    // Only the hash is stored.
    const rows = await t.deps.db.selectFrom('session').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(c?.value);
    const me = await t.request('/api/auth/me', { headers: { cookie: `styr_session=${c?.value}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { csrfToken: string }).csrfToken).toBe(body.csrfToken);
  });

  it('marks the cookie Secure when configured for https', async () => {
    const t = await setup({ secureCookies: true });
    const res = await attempt(t, 'kari', PASSWORD);
    expect(cookieFrom(res, 'styr_session')?.attributes).toMatch(/Secure/);
  });

  it('answers unknown user and wrong password alike', async () => {
    const t = await setup();
    const unknown = await attempt(t, 'ola', PASSWORD);
    const wrong = await attempt(t, 'kari', 'feil passord her');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const a = (await unknown.json()) as { detail: string; code: string };
    const b = (await wrong.json()) as { detail: string; code: string };
    expect(a).toEqual(b);
    expect(a.detail).toBe('Feil brukernavn eller passord.');
    expect(cookieFrom(wrong, 'styr_session')).toBeNull();
    // A cross-site HTML form cannot post JSON, so it cannot log a victim into another account either.
    const form = await t.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=kari&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(form.status).toBe(415);
    expect(cookieFrom(form, 'styr_session')).toBeNull();
    expect((await t.request('/api/auth/me')).status).toBe(401);
  });

  it('throttles after five failures for a username from one address, for 15 minutes', async () => {
    const t = await setup();
    for (let i = 0; i < 5; i++) expect((await attempt(t, 'kari', `feil passord ${i}`)).status).toBe(401);
    const blocked = await attempt(t, 'kari', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { detail: string }).detail).toMatch(/For mange mislykkede/);
    // Another address is not locked out by someone else's guessing.
    expect((await attempt(t, 'kari', PASSWORD, '10.0.0.2')).status).toBe(200);
    t.advance(15 * 60_000 + 1000);
    expect((await attempt(t, 'kari', PASSWORD)).status).toBe(200);
    const n = await sql<{ n: number }>`select count(*)::int as n from login_attempt`.execute(t.deps.db);
    expect(Number(n.rows[0]?.n)).toBeGreaterThan(0);
  });

  it('ends a session after idle time and after its absolute lifetime', async () => {
    const t = await setup();
    const s = await login(t, 'kari');
    t.advance(SESSION_POLICY.idleMs - 60_000);
    expect((await t.request('/api/auth/me', { headers: { cookie: s.cookie } })).status).toBe(200);
    t.advance(SESSION_POLICY.idleMs + 1);
    expect((await t.request('/api/auth/me', { headers: { cookie: s.cookie } })).status).toBe(401);

    const s2 = await login(t, 'kari');
    // Kept alive by use, it still ends at the absolute limit.
    for (
      let used = 0;
      used + SESSION_POLICY.idleMs / 2 < SESSION_POLICY.absoluteMs;
      used += SESSION_POLICY.idleMs / 2
    ) {
      expect((await t.request('/api/auth/me', { headers: { cookie: s2.cookie } })).status).toBe(200);
      t.advance(SESSION_POLICY.idleMs / 2);
    }
    t.advance(SESSION_POLICY.idleMs / 2);
    expect((await t.request('/api/auth/me', { headers: { cookie: s2.cookie } })).status).toBe(401);
  });

  it('logout ends the session on the server', async () => {
    const t = await setup();
    const s = await login(t, 'kari');
    const out = await t.request('/api/auth/logout', as(s, 'POST'));
    expect(out.status).toBe(204);
    expect(cookieFrom(out, 'styr_session')?.value).toBe('');
    expect((await t.request('/api/auth/me', { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it('a new login in the same browser ends the old session', async () => {
    const t = await setup();
    const first = await login(t, 'kari');
    const again = await t.request('/api/auth/login', {
      method: 'POST',
      headers: { ...json, cookie: first.cookie },
      body: JSON.stringify({ username: 'kari', password: PASSWORD }),
    });
    expect(again.status).toBe(200);
    expect((await t.request('/api/auth/me', { headers: { cookie: first.cookie } })).status).toBe(401);
    const second = cookieFrom(again, 'styr_session');
    expect(
      (await t.request('/api/auth/me', { headers: { cookie: `styr_session=${second?.value}` } })).status,
    ).toBe(200);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const t = await setup();
    const s = await login(t, 'kari');
    const body = JSON.stringify({ name: 'integrasjon' });
    const none = await t.request('/api/tokens', {
      method: 'POST',
      headers: { ...json, cookie: s.cookie },
      body,
    });
    expect(none.status).toBe(403);
    expect(((await none.json()) as { code: string }).code).toBe('csrf_failed');
    const wrong = await t.request('/api/tokens', {
      method: 'POST',
      headers: {
        ...json,
        cookie: s.cookie,
        // One character changed (the token is hex, so a fixed replacement could equal it).
        'x-csrf-token': `${s.csrf.slice(0, -1)}${s.csrf.endsWith('0') ? '1' : '0'}`,
      },
      body,
    });
    expect(wrong.status).toBe(403);
    const other = await login(t, 'kari');
    const foreign = await t.request('/api/tokens', {
      method: 'POST',
      headers: { ...json, cookie: s.cookie, 'x-csrf-token': other.csrf },
      body,
    });
    expect(foreign.status).toBe(403);
    expect((await t.request('/api/tokens', as(s, 'POST', { name: 'integrasjon' }))).status).toBe(201);
  });

  it('authenticates API tokens without CSRF, and stops them when revoked', async () => {
    const t = await setup();
    const s = await login(t, 'kari');
    const created = await t.request('/api/tokens', as(s, 'POST', { name: 'Arkivintegrasjon' }));
    expect(created.status).toBe(201);
    const tok = (await created.json()) as { id: number; token: string };
    expect(tok.token).toMatch(/^styr_[A-Za-z0-9_-]{43}$/);
    const bearer = { authorization: `Bearer ${tok.token}` };

    const me = await t.request('/api/auth/me', { headers: bearer });
    expect(me.status).toBe(200);
    const body = (await me.json()) as {
      principal: { username: string; kind: string };
      authVia: string;
      csrfToken: null;
    };
    expect(body).toMatchObject({
      principal: { username: 'kari', kind: 'token' },
      authVia: 'token',
      csrfToken: null,
    });

    // Listing never shows the secret again.
    const list = await t.request('/api/tokens', { headers: bearer });
    expect(JSON.stringify(await list.json())).not.toContain(tok.token.slice(5));
    // A token cannot mint tokens (a leaked one must not outlive its revocation).
    const mint = await t.request('/api/tokens', {
      method: 'POST',
      headers: { ...bearer, ...json },
      body: '{"name":"x"}',
    });
    expect(mint.status).toBe(403);

    const revoke = await t.request(`/api/tokens/${tok.id}`, { method: 'DELETE', headers: bearer });
    expect(revoke.status).toBe(204);
    const after = await t.request('/api/auth/me', { headers: bearer });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { code: string }).code).toBe('invalid_token');
    expect(
      (await t.request('/api/auth/me', { headers: { authorization: 'Bearer styr_gjettet' } })).status,
    ).toBe(401);

    const audit = await t.deps.db.selectFrom('audit_log').select(['actor', 'action']).orderBy('id').execute();
    expect(audit).toEqual([
      { actor: 'kari', action: 'token_create' },
      { actor: 'kari', action: 'token_revoke' },
    ]);
  });

  it('another user cannot revoke a token that is not theirs', async () => {
    const t = await setup();
    const other = await addOrganisation(t, 'Statens helsetilsyn', 'virksomhet');
    await addUser(t, 'per', { organisationId: other.id, roles: ['saksbehandler'] });
    const kari = await login(t, 'kari');
    const tok = (await (await t.request('/api/tokens', as(kari, 'POST', { name: 'k' }))).json()) as {
      id: number;
      token: string;
    };
    const per = await login(t, 'per');
    expect((await t.request(`/api/tokens/${tok.id}`, as(per, 'DELETE'))).status).toBe(404);
    expect(
      (await t.request('/api/auth/me', { headers: { authorization: `Bearer ${tok.token}` } })).status,
    ).toBe(200);
  });
});
