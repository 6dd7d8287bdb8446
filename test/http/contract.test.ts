/**
 * The HTTP API's contract, in process (app.request, no port): validation errors, authentication and
 * authorisation (roles and the two sides of the workflow), not found, conflicts and preconditions,
 * pagination, CSRF, uploads (dry run, unreadable files, removal and re-import of a version) and the
 * audit log's actor. One register for the file; the tests run in order and build on each other's edits.
 * Plus one end-to-end test over a real socket with `startServer`.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/adapters/http/serve.js';
import { insertUser } from '../../src/adapters/store/accounts/users.js';
import { hashPassword } from '../../src/app/auth/passwords.js';
import { CHEAP, cookieFrom, PASSWORD } from '../accounts/harness.js';
import { buildWorld, hdirExampleLetter, NOW, type Persona, type World } from './world.js';

let w: World;
let hdirLetter: Uint8Array;

beforeAll(async () => {
  w = await buildWorld();
  hdirLetter = await hdirExampleLetter();
}, 300_000);
afterAll(async () => w?.close());

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

function send(
  who: string,
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Response> {
  const p: Persona = w.persona(who);
  const read = method === 'GET' || method === 'HEAD';
  const headers: Record<string, string> = { ...(read ? p.headers : p.writeHeaders), ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return w.request(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

async function problem(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const p = JSON.parse(text) as Problem;
  expect(p.status).toBe(status);
  expect(p.title.length).toBeGreaterThan(0);
  expect(p.detail.length).toBeGreaterThan(0);
  // Norwegian for people; never zod's or a driver's English.
  expect(p.detail).not.toMatch(/\b(Invalid|Expected|Required|received|undefined|Error:)\b/);
  return p;
}

async function ok<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

function upload(who: string, files: { name: string; data: Uint8Array }[], dryRun = false) {
  const form = new FormData();
  for (const f of files) form.append('files', new File([f.data], f.name));
  return w.request(`/api/documents${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: w.persona(who).writeHeaders,
    body: form,
  });
}

async function documentCount(): Promise<number> {
  return (await ok<unknown[]>(await send('installasjon-admin', 'GET', '/api/documents'))).length;
}

interface Spec {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, unknown> }; operationId?: string }>
  >;
}

async function spec(): Promise<Spec> {
  return ok<Spec>(await w.request('/api/openapi.json'));
}

function concrete(path: string): string {
  return path.startsWith('/api/assignments/') ? path.replace('{id}', 'TB2026-1') : path.replace('{id}', '1');
}

/** Routes anyone may call without signing in. */
const PUBLIC = new Set([
  'POST /api/auth/login',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
  // The feed's secret token is its credential; an unknown one is a 404 (test/exports).
  'GET /api/calendar/{token}.ics',
  // Which sign-in methods exist: the login screen asks before anyone is signed in.
  'GET /api/auth/providers',
]);

describe('validation', () => {
  it('every JSON body of the API refuses a wrong shape with 400 and Norwegian field errors', async () => {
    const s = await spec();
    let checked = 0;
    for (const [path, ops] of Object.entries(s.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (!op.requestBody?.content['application/json']) continue;
        const res = await send('installasjon-admin', method.toUpperCase(), concrete(path), []);
        const p = await problem(res, 400);
        expect(p.errors?.length, `${method} ${path}`).toBeGreaterThan(0);
        checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('query and body values are checked with messages that name the field', async () => {
    const limit = await problem(await send('hdir-leser', 'GET', '/api/assignments?limit=0'), 400);
    expect(limit.code).toBe('invalid_input');
    expect(limit.errors).toEqual([{ path: 'limit', message: 'Antall må være minst 1.' }]);
    const year = await problem(await send('hdir-leser', 'GET', '/api/assignments?year=tjue'), 400);
    expect(year.detail).toContain('Ugyldig år «tjue»');
    const status = await problem(await send('hdir-leser', 'GET', '/api/assignments?status=glemt'), 400);
    expect(status.detail).toContain('Ukjent status «glemt»');
    const date = await problem(
      await send('hdir-saksbehandler', 'POST', '/api/assignments/TB2026-1/deadline-changes', {
        date: '2026-02-30',
        reason: 'Ny frist',
      }),
      400,
    );
    expect(date.errors?.[0]?.path).toBe('date');
    expect(date.detail).toContain('Ugyldig dato «2026-02-30»');
    const reason = await problem(
      await send('hdir-saksbehandler', 'POST', '/api/assignments/TB2026-1/status', { status: 'pågår' }),
      400,
    );
    expect(reason.errors?.[0]?.path).toBe('reason');
    expect(reason.detail).toBe('Begrunnelsen mangler.');
    const json = await problem(
      await w.request('/api/use-cases/listAssignments', {
        method: 'POST',
        headers: { ...w.persona('hdir-integrasjon').writeHeaders, 'content-type': 'application/json' },
        body: '{ikke json',
      }),
      400,
    );
    expect(json.code).toBe('invalid_json');
    const uc = await problem(await send('hdir-integrasjon', 'POST', '/api/use-cases/search', { q: '' }), 400);
    expect(uc.errors?.[0]).toEqual({ path: 'q', message: 'Søketeksten kan ikke være tomt.' });
    await problem(await send('hdir-integrasjon', 'POST', '/api/use-cases/ukjent', {}), 404);
    // An upload that is not multipart is refused as such, not as an internal error.
    const json415 = await problem(
      await send('hdir-integrasjon', 'POST', '/api/documents', { files: [] }),
      415,
    );
    expect(json415.code).toBe('unsupported_media_type');
    const none = await problem(
      await w.request('/api/documents', { method: 'POST', headers: w.persona('hdir-integrasjon').headers }),
      400,
    );
    expect(none.detail).toBe('Ingen filer å importere.');
  }, 120_000);
});

describe('authentication and authorisation', () => {
  it('every route but sign-in answers 401 without a login', async () => {
    const s = await spec();
    for (const [path, ops] of Object.entries(s.paths))
      for (const method of Object.keys(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (PUBLIC.has(key)) continue;
        const res = await w.request(concrete(path), {
          method: method.toUpperCase(),
          ...(method === 'get' || method === 'delete'
            ? {}
            : { headers: { 'content-type': 'application/json' }, body: '{}' }),
        });
        // Authentication comes first: an anonymous client learns nothing from validation either.
        expect(res.status, key).toBe(401);
        await problem(res, 401);
      }
    await problem(await w.request('/api/use-cases/stats', { method: 'POST', body: '{}' }), 401);
    const bad = await w.request('/api/assignments', { headers: { authorization: 'Bearer styr_feil' } });
    expect((await problem(bad, 401)).code).toBe('invalid_token');
  }, 120_000);

  it('a reader changes nothing', async () => {
    for (const [path, body] of [
      ['/api/assignments/TB2026-6/status', { status: 'pågår', reason: 'Start' }],
      ['/api/assignments/TB2026-6/notes', { text: 'Notat' }],
      ['/api/assignments/TB2026-6/owners', { person: 'Ola' }],
      ['/api/assignments/TB2026-6/deadline-changes', { date: '2026-09-01', reason: 'Utsatt' }],
    ] as const) {
      for (const who of ['hdir-leser', 'hdir-leser-unntatt', 'dep-leser'])
        expect((await problem(await send(who, 'POST', path, body), 403)).code, `${who} ${path}`).toBe(
          'role_required',
        );
    }
    expect((await problem(await upload('hdir-leser', [{ name: 'a.txt', data: hdirLetter }]), 403)).code).toBe(
      'role_required',
    );
  }, 120_000);

  it('the workflow: the agency works and delivers, the ministry accepts or sends back, only the ministry withdraws', async () => {
    const status = (who: string, id: string, body: Record<string, string>) =>
      send(who, 'POST', `/api/assignments/${id}/status`, body);
    // The ministry does not start the agency's work; the agency does.
    expect(
      (
        await problem(
          await status('dep-saksbehandler', 'TB2026-6', { status: 'pågår', reason: 'Start' }),
          403,
        )
      ).code,
    ).toBe('side_not_allowed');
    const started = await status('hdir-saksbehandler', 'TB2026-6', { status: 'pågår', reason: 'Startet' });
    expect(started.headers.get('etag')).toMatch(/^"v\d+"$/);
    expect(await ok<{ from: string; to: string }>(started)).toMatchObject({ from: 'ny', to: 'pågår' });
    // Delivering needs the answer.
    const noAnswer = await problem(
      await status('hdir-saksbehandler', 'TB2026-6', { status: 'levert', reason: 'Ferdig' }),
      400,
    );
    expect(noAnswer.code).toBe('answer_required');
    await ok(
      await status('hdir-saksbehandler', 'TB2026-6', {
        status: 'levert',
        reason: 'Levert',
        answer: 'Rapporten er sendt.',
      }),
    );
    // The agency cannot accept its own delivery; the ministry sends it back with a reason.
    expect(
      (
        await problem(
          await status('hdir-administrator', 'TB2026-6', { status: 'ferdig', reason: 'Godkjent' }),
          403,
        )
      ).code,
    ).toBe('side_not_allowed');
    await ok(
      await status('dep-saksbehandler', 'TB2026-6', { status: 'pågår', reason: 'Mangler tall for 2025' }),
    );
    await ok(
      await status('hdir-saksbehandler', 'TB2026-6', {
        status: 'levert',
        reason: 'Levert igjen',
        answer: 'Med tall.',
      }),
    );
    await ok(await status('dep-saksbehandler', 'TB2026-6', { status: 'ferdig', reason: 'Godkjent' }));
    // Only the ministry withdraws.
    expect(
      (
        await problem(
          await status('hdir-administrator', 'TB2026-1', { status: 'trukket', reason: 'Uaktuelt' }),
          403,
        )
      ).code,
    ).toBe('side_not_allowed');
    await ok(await status('dep-administrator', 'TB2026-1', { status: 'trukket', reason: 'Uaktuelt' }));
    // The other agency cannot touch it at all: it is not there for them.
    await problem(
      await status('fhi-saksbehandler', 'TB2026-3', { status: 'levert', reason: 'x', answer: 'y' }),
      404,
    );

    const shown = await ok<{
      status: string;
      timeline: { kind: string; actor: string | null; text: string }[];
    }>(await send('dep-leser', 'GET', '/api/assignments/TB2026-6'));
    expect(shown.status).toBe('ferdig');
    const steps = shown.timeline.filter((t) => t.kind === 'status');
    expect(steps.map((t) => t.actor)).toEqual([
      'hdir-saksbehandler',
      'hdir-saksbehandler',
      'dep-saksbehandler',
      'hdir-saksbehandler',
      'dep-saksbehandler',
    ]);
    expect(steps[2]?.text).toContain('Mangler tall for 2025');
  }, 120_000);

  it('CSRF: a cookie session without X-CSRF-Token cannot write', async () => {
    const p = w.persona('hdir-saksbehandler');
    const res = await w.request('/api/assignments/TB2026-3/notes', {
      method: 'POST',
      headers: { ...p.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Uten CSRF' }),
    });
    expect((await problem(res, 403)).code).toBe('csrf_failed');
    const wrong = await w.request('/api/assignments/TB2026-3/notes', {
      method: 'POST',
      headers: { ...p.headers, 'x-csrf-token': 'feil', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Feil CSRF' }),
    });
    expect((await problem(wrong, 403)).code).toBe('csrf_failed');
    // An API token needs none: browsers never attach Authorization by themselves.
    await ok(
      await send('hdir-integrasjon', 'POST', '/api/assignments/TB2026-3/notes', { text: 'Fra integrasjon' }),
      201,
    );
  }, 120_000);
});

describe('not found', () => {
  it('a confidential, another agency’s and a nonexistent ID get the same 404', async () => {
    const bodies: Problem[] = [];
    for (const id of ['TB1999-1', 'TB2026-5', 'TB2026-8']) {
      const p = await problem(await send('hdir-saksbehandler', 'GET', `/api/assignments/${id}`), 404);
      bodies.push({ ...p, detail: p.detail.replace(id, 'X'), instance: p.instance?.replace(id, 'X') ?? '' });
      const edit = await problem(
        await send('hdir-saksbehandler', 'POST', `/api/assignments/${id}/notes`, { text: 'Hei' }),
        404,
      );
      expect(edit.detail.replace(id, 'X')).toBe(bodies[0]?.detail);
    }
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    await problem(await send('hdir-leser', 'GET', '/api/finnes-ikke'), 404);
  }, 120_000);
});

describe('conflicts and preconditions', () => {
  it('an illegal transition is 409', async () => {
    // TB2026-6 is ferdig; the installation's administrator may act for both sides, not break the rules.
    const p = await problem(
      await send('installasjon-admin', 'POST', '/api/assignments/TB2026-6/status', {
        status: 'ny',
        reason: 'Tilbake',
      }),
      409,
    );
    expect(p.code).toBe('invalid_transition');
  }, 120_000);

  it('GET gives an ETag, every edit answers with the new one, and a stale If-Match is 412', async () => {
    const got = await send('hdir-saksbehandler', 'GET', '/api/assignments/TB2026-3');
    expect(got.status).toBe(200);
    const etag = got.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"v\d+"$/);
    const edits: [string, unknown, number][] = [
      ['notes', { text: 'Et notat' }, 201],
      ['owners', { person: 'Per' }, 201],
      ['deadline-changes', { date: '2026-10-01', reason: 'Utsatt' }, 201],
      ['status', { status: 'levert', reason: 'Levert', answer: 'Svar' }, 200],
    ];
    let current = etag;
    for (const [what, body, status] of edits) {
      const res = await send('hdir-saksbehandler', 'POST', `/api/assignments/TB2026-3/${what}`, body, {
        'if-match': current,
      });
      expect(res.status, `${what}: ${await res.clone().text()}`).toBe(status);
      const next = res.headers.get('etag') ?? '';
      expect(next, what).toMatch(/^"v\d+"$/);
      expect(next).not.toBe(current);
      current = next;
    }
    const after = await send('hdir-saksbehandler', 'GET', '/api/assignments/TB2026-3');
    expect(after.headers.get('etag')).toBe(current);
    // The first ETag is stale now.
    const stale = await problem(
      await send(
        'hdir-saksbehandler',
        'POST',
        '/api/assignments/TB2026-3/notes',
        { text: 'For sent' },
        { 'if-match': etag },
      ),
      412,
    );
    expect(stale.code).toBe('conflict');
    await problem(
      await send(
        'hdir-saksbehandler',
        'POST',
        '/api/assignments/TB2026-3/notes',
        { text: 'Rart' },
        { 'if-match': 'v1' },
      ),
      400,
    );
  }, 120_000);
});

describe('pagination', () => {
  it('cursor pages cover the list exactly once, in order; a cursor does not survive a change of sort', async () => {
    const who = 'dep-administrator-unntatt';
    const all = await ok<{ items: { ref: string }[]; total: number }>(
      await send(who, 'GET', '/api/assignments?limit=1000&sort=deadline&order=desc'),
    );
    expect(all.total).toBe(all.items.length);
    const seen: string[] = [];
    let cursor: string | null = null;
    let first: string | null = null;
    do {
      const page: { items: { ref: string }[]; total: number; nextCursor: string | null } = await ok(
        await send(
          who,
          'GET',
          `/api/assignments?limit=3&sort=deadline&order=desc${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((i) => i.ref));
      cursor = page.nextCursor;
      first ??= cursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.ref));
    expect(new Set(seen).size).toBe(seen.length);
    expect(first).not.toBeNull();
    const changed = await problem(
      await send(who, 'GET', `/api/assignments?limit=3&sort=title&cursor=${first}`),
      400,
    );
    expect(changed.code).toBe('invalid_cursor');
    await problem(await send(who, 'GET', '/api/assignments?cursor=tull'), 400);

    // The audit log pages too, newest first, without repeating an entry.
    const log: string[] = [];
    let next: string | null = null;
    for (let i = 0; i < 3; i++) {
      const page: { items: { at: string; action: string }[]; nextCursor: string | null } = await ok(
        await send('hdir-administrator', 'GET', `/api/audit?limit=2${next ? `&cursor=${next}` : ''}`),
      );
      log.push(...page.items.map((e) => JSON.stringify(e)));
      next = page.nextCursor;
      if (!next) break;
    }
    expect(new Set(log).size).toBe(log.length);
  }, 120_000);
});

describe('documents', () => {
  it('a dry run shows the extraction and its warnings and stores nothing', async () => {
    const before = await documentCount();
    const audit = await ok<{ items: unknown[] }>(
      await send('installasjon-admin', 'GET', '/api/audit?limit=1000'),
    );
    const res = await upload('hdir-saksbehandler', [{ name: 'tb2026-ny.txt', data: hdirLetter }], true);
    const body = await ok<{
      dryRun: boolean;
      previews: { counts: { assignments: number }; warnings: unknown[] }[];
    }>(res);
    expect(body.dryRun).toBe(true);
    expect(body.previews[0]?.counts.assignments).toBeGreaterThan(0);
    expect(Array.isArray(body.previews[0]?.warnings)).toBe(true);
    expect(await documentCount()).toBe(before);
    const auditAfter = await ok<{ items: unknown[] }>(
      await send('installasjon-admin', 'GET', '/api/audit?limit=1000'),
    );
    expect(auditAfter.items.length).toBe(audit.items.length);
  }, 120_000);

  it('an unreadable file is 400 and nothing of the upload is stored', async () => {
    const before = await documentCount();
    const junk = { name: 'skadet.pdf', data: new TextEncoder().encode('dette er ingen pdf') };
    const only = await problem(await upload('hdir-saksbehandler', [junk]), 400);
    expect(only.code).toBe('unreadable_documents');
    expect(only.detail).toContain('Ingenting ble importert');
    // All or nothing: a readable letter beside it is not imported either.
    await problem(await upload('hdir-saksbehandler', [{ name: 'tb.txt', data: hdirLetter }, junk]), 400);
    expect(await documentCount()).toBe(before);
    // A letter to another agency is refused for an agency's case officer.
    expect(
      (await problem(await upload('fhi-saksbehandler', [{ name: 'tb.txt', data: hdirLetter }]), 403)).code,
    ).toBe('not_a_party');
  }, 120_000);

  it('import, remove the version (administrator only), import again to restore it', async () => {
    const before = await documentCount();
    const imported = await ok<{ reports: { documentId: number; version: number; outcome: string }[] }>(
      await upload('hdir-saksbehandler', [{ name: 'tb2026-ny.txt', data: hdirLetter }]),
      201,
    );
    const rep = imported.reports[0];
    expect(rep?.outcome).toBe('new');
    expect(await documentCount()).toBe(before + 1);
    const input = { id: rep?.documentId, version: rep?.version, reason: 'Feil brev' };
    expect(
      (
        await problem(
          await send('hdir-saksbehandler', 'POST', '/api/use-cases/removeDocumentVersion', input),
          403,
        )
      ).code,
    ).toBe('role_required');
    // Another agency's administrator does not see the document: the same 404 as a wrong id.
    await problem(
      await send('fhi-administrator', 'POST', '/api/use-cases/removeDocumentVersion', input),
      404,
    );
    const removed = await ok<{ currentVersion: number | null }>(
      await send('hdir-administrator', 'POST', '/api/use-cases/removeDocumentVersion', input),
    );
    expect(removed.currentVersion).toBeNull();
    expect(await documentCount()).toBe(before);
    await problem(
      await send('hdir-administrator', 'POST', '/api/use-cases/removeDocumentVersion', input),
      404,
    );
    const again = await ok<{ reports: { outcome: string }[] }>(
      await upload('hdir-saksbehandler', [{ name: 'tb2026-ny.txt', data: hdirLetter }]),
      201,
    );
    expect(again.reports[0]?.outcome).not.toBe('unchanged');
    expect(await documentCount()).toBe(before + 1);
  }, 120_000);

  it('the audit log names the authenticated user as actor', async () => {
    const log = await ok<{ items: { actor: string; action: string; entity: string; details: unknown }[] }>(
      await send('installasjon-admin', 'GET', '/api/audit?limit=1000'),
    );
    const actors = (action: string) =>
      new Set(log.items.filter((e) => e.action === action).map((e) => e.actor));
    expect(actors('status')).toEqual(
      new Set(['redaktør', 'hdir-saksbehandler', 'dep-saksbehandler', 'dep-administrator']),
    );
    expect(actors('note')).toContain('hdir-integrasjon');
    expect(actors('remove_version')).toEqual(new Set(['hdir-administrator']));
    // The reason is recorded with the removal itself.
    expect(log.items.find((e) => e.action === 'remove_version')?.details).toMatchObject({
      reason: 'Feil brev',
    });
    expect(log.items.some((e) => e.action === 'import' && e.actor === 'hdir-saksbehandler')).toBe(true);
    // An agency administrator sees its own entries, not the other agency's.
    const scoped = await ok<{ items: { entityRef: string | null }[] }>(
      await send('hdir-administrator', 'GET', '/api/audit?limit=1000'),
    );
    expect(scoped.items.some((e) => e.entityRef === 'TB2026-8')).toBe(false);
    await problem(await send('hdir-leser', 'GET', '/api/audit'), 403);
    expect((await problem(await send('hdir-administrator', 'GET', '/api/export'), 403)).code).toBe(
      'installation_admin_required',
    );
  }, 120_000);
});

describe('end to end over a socket', () => {
  it('starts, signs in with a password, imports by multipart, reads back and shuts down', async () => {
    const server = await startServer({
      target: { kind: 'pglite' },
      host: '127.0.0.1',
      port: 0,
      clock: () => NOW,
      log: pino({ level: 'silent' }),
      configure: () => ({}),
      drainMs: 2000,
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await insertUser(server.store.db, {
        username: 'kari',
        displayName: 'Kari',
        organisationId: null,
        department: null,
        roles: ['administrator'],
        exemptAccess: true,
        passwordHash: await hashPassword(PASSWORD, CHEAP),
        oidc: null,
        now: NOW.toISOString(),
      });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'kari', password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const session = cookieFrom(login, 'styr_session');
      expect(session).not.toBeNull();
      const cookie = `styr_session=${session?.value ?? ''}`;
      const form = new FormData();
      form.append('files', new File([hdirLetter], 'tildelingsbrev-2026.txt'));
      const up = await fetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      expect(up.status, await up.clone().text()).toBe(201);
      const list = (await (await fetch(`${server.url}/api/assignments`, { headers: { cookie } })).json()) as {
        items: { ref: string }[];
      };
      expect(list.items.length).toBeGreaterThan(0);
      const one = await fetch(
        `${server.url}/api/assignments/${encodeURIComponent(list.items[0]?.ref ?? '')}`,
        {
          headers: { cookie },
        },
      );
      expect(one.status).toBe(200);
      expect(one.headers.get('etag')).toMatch(/^"v\d+"$/);
    } finally {
      await server.close();
    }
    // Closed: the port no longer answers.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 120_000);
});
