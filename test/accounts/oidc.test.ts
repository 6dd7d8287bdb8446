/**
 * OpenID Connect login against a real provider on 127.0.0.1 (oauth2-mock-server): the full browser
 * round trip redirect → provider → callback → session cookie, claims → roles, and refusals.
 */
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../src/app/auth/oidc.js';
import { type OidcConfig, oidcConfigFromEnv } from '../../src/app/auth/oidc-config.js';
import {
  addOrganisation,
  BACKENDS,
  cookieFrom,
  dropTestSchemas,
  type TestApp,
  testApp,
  warmUp,
} from './harness.js';

let provider: OAuth2Server;
/** Claims the provider puts in the next ID token. */
let claims: Record<string, unknown> = {};

beforeAll(async () => {
  provider = new OAuth2Server();
  await provider.issuer.keys.generate('RS256');
  await provider.start(0, '127.0.0.1');
  provider.service.on('beforeTokenSigning', (token) => {
    Object.assign(token.payload, claims);
  });
});
afterAll(async () => {
  await provider.stop();
  await dropTestSchemas();
});

const ROLE_MAP = {
  claim: 'groups',
  map: {
    'hdir-saksbehandler': { organisation: 'Helsedirektoratet', roles: ['saksbehandler'] },
    'hdir-unntatt': { organisation: 'Helsedirektoratet', roles: ['leser'], exemptAccess: true },
    'hod-fha': {
      organisation: 'Helse- og omsorgsdepartementet',
      side: 'departement',
      roles: ['saksbehandler'],
      department: 'FHA',
    },
  },
};

let shared: OidcConfig | undefined;

/** One configuration for the file, so the provider is discovered once, as a running server would. */
function config(): OidcConfig {
  if (shared) return shared;
  const cfg = oidcConfigFromEnv(
    {
      STYR_OIDC_ISSUER: provider.issuer.url ?? '',
      STYR_OIDC_CLIENT_ID: 'styr',
      STYR_OIDC_CLIENT_SECRET: 'hemmelig',
      STYR_OIDC_REDIRECT_URI: 'http://styr.test/api/auth/oidc/callback',
      STYR_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    },
    { allowInsecureRequests: true },
  );
  if (!cfg) throw new Error('no config');
  shared = cfg;
  return cfg;
}

const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.store.close();
});

/** Play the browser: start the login, follow the provider's redirect, and hand the callback back. */
async function browserLogin(t: TestApp, returnTo = '/oppdrag') {
  const start = await t.request(`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.origin).toBe(new URL(provider.issuer.url ?? '').origin);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  const state = cookieFrom(start, 'styr_oidc');
  expect(state?.attributes).toMatch(/HttpOnly/);
  expect(state?.value).toBe(authorize.searchParams.get('state'));

  const atProvider = await fetch(authorize, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const callback = new URL(atProvider.headers.get('location') ?? '');
  expect(callback.pathname).toBe('/api/auth/oidc/callback');
  const back = await t.request(`${callback.pathname}${callback.search}`, {
    headers: { cookie: `styr_oidc=${state?.value ?? ''}` },
  });
  return { back, callback, state: state?.value ?? '' };
}

async function me(t: TestApp, res: Response) {
  const session = cookieFrom(res, 'styr_session');
  const r = await t.request('/api/auth/me', { headers: { cookie: `styr_session=${session?.value ?? ''}` } });
  return { status: r.status, body: (await r.json()) as { principal: Record<string, unknown> } };
}

describe.each(BACKENDS)('OpenID Connect on %s', (backend) => {
  beforeAll(() => warmUp(backend), 120_000);

  async function setup() {
    const t = await testApp(backend, { oidc: config() });
    open.push(t);
    await addOrganisation(t, 'Helsedirektoratet', 'virksomhet');
    return t;
  }

  it('signs a new user in, provisions them from the claims and redirects back', async () => {
    const t = await setup();
    claims = {
      sub: 'abc-123',
      preferred_username: 'Kari.Nordmann',
      name: 'Kari Nordmann',
      groups: ['hdir-saksbehandler', 'hdir-unntatt', 'ukjent'],
    };
    const { back } = await browserLogin(t);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/oppdrag');
    const who = await me(t, back);
    expect(who.status).toBe(200);
    expect(who.body.principal).toMatchObject({
      kind: 'user',
      username: 'kari.nordmann',
      displayName: 'Kari Nordmann',
      roles: ['leser', 'saksbehandler'],
      exemptAccess: true,
      organisation: { name: 'Helsedirektoratet', side: 'virksomhet' },
    });
    const user = await t.deps.db.selectFrom('app_user').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ oidc_subject: 'abc-123', password_hash: null });
    expect(user.oidc_issuer).toBe(provider.issuer.url);

    // Next login: same account, roles follow the provider's current claims.
    claims = { ...claims, groups: ['hdir-saksbehandler'] };
    const second = await browserLogin(t);
    expect((await me(t, second.back)).body.principal).toMatchObject({
      roles: ['saksbehandler'],
      exemptAccess: false,
    });
    expect(await t.deps.db.selectFrom('app_user').select('id').execute()).toHaveLength(1);
    const audit = await t.deps.db.selectFrom('audit_log').select(['actor', 'action']).orderBy('id').execute();
    expect(audit).toEqual([
      { actor: 'kari.nordmann', action: 'user_create' },
      { actor: 'kari.nordmann', action: 'user_update' },
    ]);
  });

  it('creates the organisation when the mapping names its side, with the department', async () => {
    const t = await setup();
    claims = { sub: 'hod-1', preferred_username: 'ola', groups: 'hod-fha' };
    const { back } = await browserLogin(t, '/');
    expect(back.status).toBe(302);
    expect((await me(t, back)).body.principal).toMatchObject({
      department: 'FHA',
      organisation: { name: 'Helse- og omsorgsdepartementet', side: 'departement' },
    });
  });

  it('refuses a user whose claims map to no role, and creates no account', async () => {
    const t = await setup();
    claims = { sub: 'x-9', preferred_username: 'utenfor', groups: ['alle-ansatte'] };
    const { back } = await browserLogin(t);
    expect(back.status).toBe(403);
    const problem = (await back.json()) as { code: string; detail: string };
    expect(problem.code).toBe('oidc_no_role');
    expect(problem.detail).toMatch(/ingen rolle/);
    expect(cookieFrom(back, 'styr_session')).toBeNull();
    expect(await t.deps.db.selectFrom('app_user').select('id').execute()).toHaveLength(0);
  });

  it('refuses a callback whose state does not match the browser cookie, and a replayed one', async () => {
    const t = await setup();
    claims = { sub: 'abc-123', groups: ['hdir-saksbehandler'] };
    const start = await t.request('/api/auth/oidc/login');
    const authorize = new URL(start.headers.get('location') ?? '');
    const callback = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '');
    const forged = await t.request(`${callback.pathname}${callback.search}`, {
      headers: { cookie: 'styr_oidc=annen' },
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { code: string }).code).toBe('oidc_state_mismatch');

    const { back, callback: used, state } = await browserLogin(t);
    expect(back.status).toBe(302);
    const replay = await t.request(`${used.pathname}${used.search}`, {
      headers: { cookie: `styr_oidc=${state}` },
    });
    expect(replay.status).toBe(403);
  });

  it('never redirects to another site after login', async () => {
    const t = await setup();
    claims = { sub: 'abc-123', groups: ['hdir-saksbehandler'] };
    const { back } = await browserLogin(t, '//evil.example/');
    expect(back.headers.get('location')).toBe('/');
  });
});

describe('return address after login', () => {
  it.each([
    ['/oppdrag?år=2025', '/oppdrag?år=2025'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['https://evil.example/', '/'],
    ['oppdrag', '/'],
    [undefined, '/'],
  ])('%j → %j', (given, expected) => {
    expect(safeReturnTo(given)).toBe(expected);
  });
});

describe('OIDC configuration', () => {
  const env = {
    STYR_OIDC_ISSUER: 'https://login.example.no/realms/styr',
    STYR_OIDC_CLIENT_ID: 'styr',
    STYR_OIDC_REDIRECT_URI: 'https://styr.example.no/api/auth/oidc/callback',
    STYR_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
  };

  it('is off without STYR_OIDC_* and parses a complete configuration', () => {
    expect(oidcConfigFromEnv({})).toBeUndefined();
    const cfg = oidcConfigFromEnv(env);
    expect(cfg?.issuer.href).toBe('https://login.example.no/realms/styr');
    expect(cfg?.roleMap.map['hdir-unntatt']?.exemptAccess).toBe(true);
    expect(cfg?.allowInsecureRequests).toBe(false);
  });

  it('stops with a Norwegian message on bad settings', () => {
    expect(() => oidcConfigFromEnv({ ...env, STYR_OIDC_CLIENT_ID: '' })).toThrow(
      /Ugyldig OIDC-oppsett: .*STYR_OIDC_CLIENT_ID mangler/,
    );
    expect(() => oidcConfigFromEnv({ ...env, STYR_OIDC_ROLE_MAP: '{groups' })).toThrow(/ikke gyldig JSON/);
    expect(() =>
      oidcConfigFromEnv({
        ...env,
        STYR_OIDC_ROLE_MAP: JSON.stringify({
          claim: 'groups',
          map: { a: { organisation: 'X', roles: ['sjef'] } },
        }),
      }),
    ).toThrow(/STYR_OIDC_ROLE_MAP: map\.a\.roles\.0/);
    expect(() => oidcConfigFromEnv({ ...env, STYR_OIDC_ISSUER: 'http://login.example.no' })).toThrow(
      /må bruke https/,
    );
    expect(() =>
      oidcConfigFromEnv(
        { ...env, STYR_OIDC_ISSUER: 'http://login.example.no' },
        { allowInsecureRequests: true },
      ),
    ).toThrow(/bare tillatt mot en leverandør på 127\.0\.0\.1/);
    expect(() => oidcConfigFromEnv({ ...env, STYR_OIDC_ISSUER: 'http://127.0.0.1:9000' })).toThrow(
      /må bruke https/,
    );
  });
});
