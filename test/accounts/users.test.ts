/** User and organisation administration over HTTP: who may manage whom, and what gets audited. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addUser,
  as,
  BACKENDS,
  dropTestSchemas,
  login,
  type TestApp,
  testApp,
  warmUp,
} from './harness.js';

const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.store.close();
});
afterAll(dropTestSchemas);

interface UserView {
  id: number;
  username: string;
  roles: string[];
  exemptAccess: boolean;
  disabled: boolean;
  organisation: { name: string } | null;
}

describe.each(BACKENDS)('user administration on %s', (backend) => {
  beforeAll(() => warmUp(backend), 120_000);

  async function setup() {
    const t = await testApp(backend);
    open.push(t);
    const hod = await addOrganisation(t, 'Helse- og omsorgsdepartementet', 'departement');
    const hdir = await addOrganisation(t, 'Helsedirektoratet', 'virksomhet');
    await addUser(t, 'root', { organisationId: null, roles: ['administrator'] });
    await addUser(t, 'hdir-admin', { organisationId: hdir.id, roles: ['administrator'] });
    const kari = await addUser(t, 'kari', { organisationId: hdir.id, roles: ['leser'] });
    const ola = await addUser(t, 'ola', { organisationId: hod.id, roles: ['saksbehandler'] });
    return { t, hod, hdir, kari, ola };
  }

  it('refuses the user routes to anyone who is not an administrator', async () => {
    const { t, hdir, ola } = await setup();
    expect((await t.request('/api/users')).status).toBe(401);
    const kari = await login(t, 'kari');
    expect((await t.request('/api/users', { headers: { cookie: kari.cookie } })).status).toBe(403);
    const create = await t.request(
      '/api/users',
      as(kari, 'POST', {
        username: 'ny',
        displayName: 'Ny',
        organisationId: hdir.id,
        roles: ['administrator'],
      }),
    );
    expect(create.status).toBe(403);
    expect((await t.request(`/api/users/${ola.id}`, as(kari, 'PATCH', { roles: ['leser'] }))).status).toBe(
      403,
    );
    expect((await t.request('/api/organisations', { headers: { cookie: kari.cookie } })).status).toBe(403);
  });

  it('lets an organisation administrator manage only their own organisation', async () => {
    const { t, hod, hdir, kari, ola } = await setup();
    const admin = await login(t, 'hdir-admin');
    const list = (await (
      await t.request('/api/users', { headers: { cookie: admin.cookie } })
    ).json()) as UserView[];
    expect(list.map((u) => u.username).sort()).toEqual(['hdir-admin', 'kari']);

    const created = await t.request(
      '/api/users',
      as(admin, 'POST', {
        username: 'Nina.Berg',
        displayName: 'Nina Berg',
        organisationId: hdir.id,
        roles: ['saksbehandler'],
        exemptAccess: true,
        password: 'et langt passord',
      }),
    );
    expect(created.status).toBe(201);
    const nina = (await created.json()) as UserView & Record<string, unknown>;
    expect(nina).toMatchObject({ username: 'nina.berg', roles: ['saksbehandler'], exemptAccess: true });
    expect(JSON.stringify(nina)).not.toMatch(/scrypt|passord/);
    expect((await login(t, 'nina.berg', 'et langt passord')).csrf).toBeTruthy();

    const elsewhere = await t.request(
      '/api/users',
      as(admin, 'POST', { username: 'spion', displayName: 'S', organisationId: hod.id, roles: ['leser'] }),
    );
    expect(elsewhere.status).toBe(403);
    const installationWide = await t.request(
      '/api/users',
      as(admin, 'POST', {
        username: 'sjef',
        displayName: 'S',
        organisationId: null,
        roles: ['administrator'],
      }),
    );
    expect(installationWide.status).toBe(403);
    // A user of another organisation is not even visible.
    expect((await t.request(`/api/users/${ola.id}`, as(admin, 'PATCH', { disabled: true }))).status).toBe(
      404,
    );

    const patched = await t.request(
      `/api/users/${kari.id}`,
      as(admin, 'PATCH', { roles: ['saksbehandler'], exemptAccess: true }),
    );
    expect(patched.status).toBe(200);
    expect((await patched.json()) as UserView).toMatchObject({
      roles: ['saksbehandler'],
      exemptAccess: true,
    });

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity_id'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { actor: 'hdir-admin', action: 'user_create', entity_id: String(nina.id) },
      { actor: 'hdir-admin', action: 'user_update', entity_id: String(kari.id) },
    ]);
  });

  it('disabling a user ends their sessions and stops their login', async () => {
    const { t, kari } = await setup();
    const admin = await login(t, 'hdir-admin');
    const session = await login(t, 'kari');
    const res = await t.request(`/api/users/${kari.id}`, as(admin, 'PATCH', { disabled: true }));
    expect(res.status).toBe(200);
    expect((await t.request('/api/auth/me', { headers: { cookie: session.cookie } })).status).toBe(401);
    await expect(login(t, 'kari')).rejects.toThrow(/401/);
  });

  it("an administrator revokes their users' tokens but cannot mint tokens in their name", async () => {
    const { t, kari } = await setup();
    const admin = await login(t, 'hdir-admin');
    const minted = await t.request('/api/tokens', as(admin, 'POST', { name: 'x', userId: kari.id }));
    expect(minted.status).toBe(201);
    expect(((await minted.json()) as { userId: number }).userId).not.toBe(kari.id);

    const own = await login(t, 'kari');
    const tok = (await (await t.request('/api/tokens', as(own, 'POST', { name: 'k' }))).json()) as {
      id: number;
      token: string;
    };
    expect((await t.request(`/api/tokens/${tok.id}`, as(admin, 'DELETE'))).status).toBe(204);
    expect(
      (await t.request('/api/auth/me', { headers: { authorization: `Bearer ${tok.token}` } })).status,
    ).toBe(401);
  });

  it('an administrator cannot lock themselves out', async () => {
    const { t } = await setup();
    const admin = await login(t, 'hdir-admin');
    const me = (await (await t.request('/api/auth/me', { headers: { cookie: admin.cookie } })).json()) as {
      principal: { userId: number };
    };
    const id = me.principal.userId;
    expect((await t.request(`/api/users/${id}`, as(admin, 'PATCH', { disabled: true }))).status).toBe(409);
    expect((await t.request(`/api/users/${id}`, as(admin, 'PATCH', { roles: ['leser'] }))).status).toBe(409);
  });

  it('an installation administrator manages every organisation and adds organisations', async () => {
    const { t, ola } = await setup();
    const root = await login(t, 'root');
    const all = (await (
      await t.request('/api/users', { headers: { cookie: root.cookie } })
    ).json()) as UserView[];
    expect(all.map((u) => u.username).sort()).toEqual(['hdir-admin', 'kari', 'ola', 'root']);
    expect((await t.request(`/api/users/${ola.id}`, as(root, 'PATCH', { roles: ['leser'] }))).status).toBe(
      200,
    );

    const org = await t.request(
      '/api/organisations',
      as(root, 'POST', { name: 'Folkehelseinstituttet', side: 'virksomhet' }),
    );
    expect(org.status).toBe(201);
    const created = (await org.json()) as { agencyId: number | null; ministryId: number | null };
    expect(created.ministryId).toBeNull();
    // The organisation is the register's agency of the same name, so its imported letters match.
    const agency = await t.deps.db
      .selectFrom('agency')
      .selectAll()
      .where('name', '=', 'Folkehelseinstituttet')
      .executeTakeFirst();
    expect(agency?.id).toBe(created.agencyId);
    const again = await t.request(
      '/api/organisations',
      as(root, 'POST', { name: 'Folkehelseinstituttet', side: 'virksomhet' }),
    );
    expect(again.status).toBe(409);

    // An agency's administrator cannot add organisations.
    const hdirAdmin = await login(t, 'hdir-admin');
    expect(
      (await t.request('/api/organisations', as(hdirAdmin, 'POST', { name: 'Noe nytt', side: 'virksomhet' })))
        .status,
    ).toBe(403);
  });

  it('rejects invalid input with a problem listing the fields', async () => {
    const { t, hdir } = await setup();
    const root = await login(t, 'root');
    const res = await t.request(
      '/api/users',
      as(root, 'POST', { username: 'x y', displayName: '', organisationId: hdir.id, roles: ['sjef'] }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(body.code).toBe('invalid_input');
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['username', 'displayName']));
    const weak = await t.request(
      '/api/users',
      as(root, 'POST', {
        username: 'svak',
        displayName: 'S',
        organisationId: hdir.id,
        roles: ['leser'],
        password: 'kort',
      }),
    );
    expect(weak.status).toBe(400);
  });
});
