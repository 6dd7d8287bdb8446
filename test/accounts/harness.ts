/**
 * An in-process app with only the account routes, on a fresh database per test (PGlite schema, or
 * PostgreSQL when STYR_TEST_PG_URL is set), a clock the test moves, and cheap scrypt parameters.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { authenticate } from '../../src/adapters/http/auth-middleware.js';
import type { HttpEnv } from '../../src/adapters/http/env.js';
import { authRoutes } from '../../src/adapters/http/routes/auth.js';
import { insertOrganisation } from '../../src/adapters/store/accounts/organisations.js';
import { insertUser } from '../../src/adapters/store/accounts/users.js';
import type { Db } from '../../src/adapters/store/open.js';
import type { AuthDeps } from '../../src/app/auth/deps.js';
import type { OidcConfig } from '../../src/app/auth/oidc-config.js';
import { hashPassword, type ScryptParams } from '../../src/app/auth/passwords.js';
import { AppError, toProblem } from '../../src/app/errors.js';
import type { Role, Side } from '../../src/core/register/viewer.js';
import { type BackendName, freshDb } from '../store/harness.js';

export { BACKENDS, dropTestSchemas } from '../store/harness.js';

/**
 * Start the backend's shared database (a new PGlite instance takes most of a loaded test timeout) in a
 * beforeAll with its own time limit, so the first test measures only itself.
 */
export async function warmUp(backend: BackendName): Promise<void> {
  await (await freshDb(backend)).close();
}

export const CHEAP: ScryptParams = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'riktig hest batteri stift';

export interface TestApp {
  store: Db;
  deps: AuthDeps;
  app: OpenAPIHono<HttpEnv>;
  /** Move the clock forward. */
  advance(ms: number): void;
  request(path: string, init?: RequestInit & { ip?: string }): Promise<Response>;
}

export async function testApp(
  backend: BackendName,
  opts: { oidc?: OidcConfig; secureCookies?: boolean } = {},
): Promise<TestApp> {
  const store = await freshDb(backend);
  let now = new Date('2025-03-01T09:00:00Z').getTime();
  const deps: AuthDeps = {
    db: store.db,
    clock: () => new Date(now),
    scrypt: CHEAP,
    ...(opts.oidc ? { oidc: opts.oidc } : {}),
    ...(opts.secureCookies !== undefined ? { secureCookies: opts.secureCookies } : {}),
  };
  const app = new OpenAPIHono<HttpEnv>();
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(toProblem(err), err.status as 400);
    if (err instanceof HTTPException) return err.getResponse();
    throw err;
  });
  app.use(authenticate(deps));
  app.route('/', authRoutes(deps));
  return {
    store,
    deps,
    app,
    advance: (ms) => {
      now += ms;
    },
    request: (path, init = {}) => {
      const { ip, ...rest } = init;
      return Promise.resolve(
        app.request(`http://styr.test${path}`, rest, {
          incoming: { socket: { remoteAddress: ip ?? '10.0.0.1' } },
        }),
      );
    },
  };
}

export async function addOrganisation(t: TestApp, name: string, side: Side) {
  return insertOrganisation(t.deps.db, { name, side, now: t.deps.clock().toISOString() });
}

export async function addUser(
  t: TestApp,
  username: string,
  opts: { organisationId: number | null; roles: Role[]; exemptAccess?: boolean; password?: string },
) {
  return insertUser(t.deps.db, {
    username,
    displayName: username,
    organisationId: opts.organisationId,
    department: null,
    roles: opts.roles,
    exemptAccess: opts.exemptAccess ?? false,
    passwordHash: await hashPassword(opts.password ?? PASSWORD, CHEAP),
    oidc: null,
    now: t.deps.clock().toISOString(),
  });
}

/** The value of one cookie from a response's Set-Cookie headers, and its attributes. */
export function cookieFrom(res: Response, name: string): { value: string; attributes: string } | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0 && pair.slice(0, eq).trim() === name)
      return { value: decodeURIComponent(pair.slice(eq + 1)), attributes: attrs.join(';').trim() };
  }
  return null;
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
}

export async function login(t: TestApp, username: string, password = PASSWORD): Promise<LoggedIn> {
  const res = await t.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const c = cookieFrom(res, 'styr_session');
  if (!c) throw new Error('no session cookie');
  return { cookie: `styr_session=${c.value}`, csrf: body.csrfToken };
}

/** JSON request as a signed-in browser: cookie plus CSRF header. */
export function as(s: LoggedIn, method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  };
}
