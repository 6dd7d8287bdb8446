/**
 * The styr HTTP API: one Hono app over the application layer. Middleware gives every request an id, a
 * child logger and a principal; every error leaves as RFC 9457 problem+json; the OpenAPI 3.1 document
 * is generated from the same zod schemas the use cases validate with.
 */
import { timingSafeEqual } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import pino, { type Logger } from 'pino';
import { isUseCaseName, runUseCase } from '../../app/app.js';
import { validationError } from '../../app/validate.js';
import { AppError } from '../../app/errors.js';
import { localPrincipal } from '../../app/principal.js';
import type { AppDeps } from '../../app/use-case.js';
import { apiDocs } from './api-docs.js';
import type { HttpEnv } from './env.js';
import { asAppError, problemResponse } from './problem.js';
import { documentRoutes } from './routes/documents.js';
import { exportRoutes } from './routes/exports.js';
import { registerCalendarFeedFile } from './routes/calendar-feeds.js';
import { registerRoutes } from './routes/register.js';
import { reportRoutes } from './routes/reports.js';
import { requirePrincipal } from './use-case-route.js';
import { mountWebApp } from './web-app.js';

export interface ServerDeps extends AppDeps {
  log?: Logger;
  /** Resolves sessions and API tokens into a principal (accounts); runs after the local-token check. */
  authenticate?: MiddlewareHandler<HttpEnv>;
  /**
   * Secret shared through the data folder's lock file with CLI commands run by the same OS user: a
   * bearer token equal to it acts as the register's local owner (`actor` header names the person).
   */
  localToken?: string;
  /** Extra routes (accounts, the web app) mounted on the same app. */
  extend?: (app: OpenAPIHono<HttpEnv>) => void;
  /** Largest request body accepted, bytes (uploads). */
  maxBodyBytes?: number;
  ready?: () => Promise<boolean>;
  /** Folder of the web app's production build, served at `/` (styr serve passes web/dist). */
  webRoot?: string;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The API paths that answer without a login: signing in, and the API's own description. */
const PUBLIC_API_PATHS = new Set([
  '/api/auth/login',
  '/api/auth/providers',
  '/api/auth/oidc/login',
  '/api/auth/oidc/callback',
  '/api/openapi.json',
]);

export function isPublicApiPath(path: string): boolean {
  return (
    PUBLIC_API_PATHS.has(path) ||
    path === '/api/docs' ||
    path.startsWith('/api/docs/') ||
    // A calendar feed: the secret token in the path is its credential (routes/calendar-feeds.ts).
    /^\/api\/calendar\/[^/]+\.ics$/.test(path)
  );
}

/** Hono's own refusals (a body of the wrong media type, a malformed one) as problems, not 500s. */
function fromHttpException(err: HTTPException): AppError {
  if (err.status === 415)
    return new AppError(
      'unsupported',
      'unsupported_media_type',
      'Innholdstypen støttes ikke her. Se API-beskrivelsen (/api/openapi.json).',
    );
  if (err.status === 413) return new AppError('too_large', 'body_too_large', 'Forespørselen er for stor.');
  if (err.status >= 400 && err.status < 500)
    return new AppError('validation', 'bad_request', 'Forespørselen kunne ikke leses.');
  return new AppError('internal', 'internal_error', 'Noe gikk galt. Feilen er logget.');
}

export function createHttpApp(deps: ServerDeps): OpenAPIHono<HttpEnv> {
  const log = deps.log ?? pino({ level: 'silent' });
  const app = new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(c, validationError(result.error));
      return undefined;
    },
  });

  app.use('*', requestId());
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.use('*', async (c, next) => {
    const child = log.child({ requestId: c.get('requestId') });
    c.set('log', child);
    c.set('principal', null);
    c.set('authVia', null);
    const started = performance.now();
    await next();
    child.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        user: c.get('principal')?.username ?? null,
      },
      'request',
    );
  });
  app.use('/api/*', async (c, next) => {
    const auth = c.req.header('authorization');
    if (deps.localToken && auth?.startsWith('Bearer ') && sameSecret(auth.slice(7).trim(), deps.localToken)) {
      let actor = c.req.header('x-styr-actor')?.trim() || 'lokal';
      try {
        actor = decodeURIComponent(actor);
      } catch {
        /* keep it as sent */
      }
      c.set(
        'principal',
        localPrincipal(actor.slice(0, 100), { public: c.req.header('x-styr-public') === '1' }),
      );
      c.set('authVia', 'token');
    }
    await next();
  });
  if (deps.authenticate) {
    const authenticate = deps.authenticate;
    app.use('/api/*', async (c, next) => (c.get('principal') ? next() : authenticate(c, next)));
  }
  // Sign in before anything else: an anonymous client learns nothing from validation or lookups.
  app.use('/api/*', async (c, next) => {
    if (!c.get('principal') && !isPublicApiPath(c.req.path)) requirePrincipal(c);
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? 60 * 1024 * 1024,
      onError: (c) =>
        problemResponse(c, new AppError('too_large', 'body_too_large', 'Forespørselen er for stor.')),
    }),
  );

  app.onError((err, c) => {
    const e =
      err instanceof HTTPException
        ? fromHttpException(err)
        : asAppError(err, `${c.req.method} ${c.req.path}`);
    if (e.kind === 'internal') c.get('log')?.error({ err }, 'request failed');
    return problemResponse(c, e);
  });
  app.notFound((c) =>
    problemResponse(
      c,
      new AppError('not_found', 'route_not_found', `Finner ikke ${c.req.method} ${c.req.path}.`),
    ),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const ok = deps.ready ? await deps.ready().catch(() => false) : true;
    return c.json({ status: ok ? 'ready' : 'not ready' }, ok ? 200 : 503);
  });

  registerRoutes(app, deps);
  documentRoutes(app, deps);
  reportRoutes(app, deps);
  exportRoutes(app, deps);
  registerCalendarFeedFile(app, deps);

  // The CLI's transport when a server owns the register: the same use cases, by name.
  app.post('/api/use-cases/:name', async (c) => {
    const principal = requirePrincipal(c);
    const name = c.req.param('name');
    if (!isUseCaseName(name) || name === 'importDocuments')
      throw new AppError('not_found', 'unknown_use_case', `Ukjent operasjon «${name}».`);
    const input: unknown = await c.req.json().catch(() => {
      throw new AppError('validation', 'invalid_json', 'Forespørselen er ikke gyldig JSON.');
    });
    const out = await runUseCase(deps, principal, name, input, {
      onInternalError: (err, uc) => c.get('log').error({ err, useCase: uc }, 'use case failed'),
    });
    return c.json(out as object);
  });

  deps.extend?.(app);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'styr API',
      version: '1',
      description:
        'Registeret for etatsstyring: tildelingsbrev, oppdrag, budsjett og dialogen mellom departement og virksomhet. Feil returneres som RFC 9457 problem+json.',
    },
  });
  apiDocs(app);
  if (deps.webRoot) mountWebApp(app, deps.webRoot);
  return app;
}
