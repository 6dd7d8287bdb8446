/** GET /api/auth/providers: public, and tells the login screen whether OpenID Connect is configured. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isPublicApiPath } from '../../src/adapters/http/server.js';
import { oidcConfigFromEnv } from '../../src/app/auth/oidc-config.js';
import { dropTestSchemas, type TestApp, testApp, warmUp } from './harness.js';

const open: TestApp[] = [];
beforeAll(() => warmUp('pglite'), 120_000);
afterEach(async () => {
  for (const t of open.splice(0)) await t.store.close();
});
afterAll(() => dropTestSchemas());

const env = {
  STYR_OIDC_ISSUER: 'https://login.example.no/realms/styr',
  STYR_OIDC_CLIENT_ID: 'styr',
  STYR_OIDC_REDIRECT_URI: 'https://styr.example.no/api/auth/oidc/callback',
  STYR_OIDC_ROLE_MAP: JSON.stringify({ claim: 'groups', map: {} }),
};

describe('GET /api/auth/providers', () => {
  it('is a public path (answers without a login)', () => {
    expect(isPublicApiPath('/api/auth/providers')).toBe(true);
  });

  it('says there is no OpenID Connect when none is configured', async () => {
    const t = await testApp('pglite');
    open.push(t);
    const res = await t.request('/api/auth/providers');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ password: true, oidc: null });
  });

  it('names the configured provider (STYR_OIDC_DISPLAY_NAME, else the issuer host)', async () => {
    const named = oidcConfigFromEnv({ ...env, STYR_OIDC_DISPLAY_NAME: 'ID-porten' });
    const unnamed = oidcConfigFromEnv(env);
    if (!named || !unnamed) throw new Error('no config');
    expect(unnamed.displayName).toBe('login.example.no');
    const t = await testApp('pglite', { oidc: named });
    open.push(t);
    const res = await t.request('/api/auth/providers');
    expect(await res.json()).toEqual({ password: true, oidc: { displayName: 'ID-porten' } });
  });
});
