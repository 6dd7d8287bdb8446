/**
 * Calendar feeds: manage them (create: the secret URL is shown once; list; revoke) as a signed-in user,
 * and `GET /api/calendar/{token}.ics`, which needs no session because the token is the credential. An
 * unknown or revoked token is a 404, the same as a path that does not exist.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { runUseCase } from '../../../app/app.js';
import {
  createCalendarFeed,
  listOwnCalendarFeeds,
  resolveCalendarFeed,
  revokeCalendarFeedAs,
} from '../../../app/auth/feed-tokens.js';
import type { AuthDeps } from '../../../app/auth/deps.js';
import { CreateCalendarFeedInput } from '../../../app/auth/schemas.js';
import { AppError } from '../../../app/errors.js';
import type { AppDeps } from '../../../app/use-case.js';
import { eventsToIcs, ICS_CONTENT_TYPE } from '../../exports/ical.js';
import type { HttpEnv } from '../env.js';
import { IdParam, json, jsonBody, problems, SIGNED_IN } from './openapi-helpers.js';

const FeedView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    scope: z.enum(['user', 'organisation']),
    userId: z.number().int().nullable(),
    organisationId: z.number().int().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('CalendarFeed');

const CreatedFeed = FeedView.extend({
  token: z.string().describe('Vises bare én gang.'),
  url: z.string().describe('Abonnementsadressen (webcal/https) for kalenderprogrammet.'),
}).openapi('CreatedCalendarFeed');

const create = createRoute({
  method: 'post',
  path: '/api/calendar-feeds',
  tags: ['Kalender'],
  summary: 'Lag et kalenderabonnement (for deg selv, eller for organisasjonen som administrator)',
  security: SIGNED_IN,
  request: { body: jsonBody(CreateCalendarFeedInput) },
  responses: { 201: json(CreatedFeed, 'Laget'), ...problems(400, 401, 403, 404) },
});

const list = createRoute({
  method: 'get',
  path: '/api/calendar-feeds',
  tags: ['Kalender'],
  summary: 'Dine kalenderabonnementer (og organisasjonens, for administratorer)',
  security: SIGNED_IN,
  responses: { 200: json(z.array(FeedView), 'Kalenderabonnementer'), ...problems(401) },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api/calendar-feeds/{id}',
  tags: ['Kalender'],
  summary: 'Tilbakekall et kalenderabonnement',
  security: SIGNED_IN,
  request: { params: IdParam },
  responses: { 204: { description: 'Tilbakekalt' }, ...problems(401, 403, 404) },
});

const feed = createRoute({
  method: 'get',
  path: '/api/calendar/{token}.ics',
  tags: ['Kalender'],
  operationId: 'calendarFeed',
  summary: 'Frister og styringskalender som iCalendar-abonnement (nøkkelen i adressen er tilgangen)',
  security: [],
  request: {
    params: z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' } }) }),
  },
  responses: {
    200: { description: 'Kalenderen', content: { 'text/calendar': { schema: z.string() } } },
    ...problems(404),
  },
});

/** The server's public address for feed URLs: STYR_PUBLIC_URL, else the request's own origin. */
function publicBase(c: Context<HttpEnv>): string {
  return (process.env.STYR_PUBLIC_URL?.trim() || new URL(c.req.url).origin).replace(/\/+$/, '');
}

export function registerCalendarFeedRoutes(app: OpenAPIHono<HttpEnv>, deps: AuthDeps): void {
  app.openapi(create, async (c) => {
    const created = await createCalendarFeed(deps, c.var.principal, c.req.valid('json'));
    return c.json({ ...created, url: publicBase(c) + created.path }, 201);
  });
  app.openapi(list, async (c) => c.json(await listOwnCalendarFeeds(deps, c.var.principal), 200));
  app.openapi(revoke, async (c) => {
    await revokeCalendarFeedAs(deps, c.var.principal, Number(c.req.valid('param').id));
    return c.body(null, 204);
  });
}

/** The feed itself; mounted by the server beside the register routes (it needs the store). */
export function registerCalendarFeedFile(app: OpenAPIHono<HttpEnv>, deps: AppDeps): void {
  const auth: AuthDeps = { db: deps.store.db, clock: deps.clock };
  // Hono reads `{token}.ics` as a parameter named "token.ics": the route is documented from `feed` and
  // served by a pattern that takes the token before the suffix.
  app.openAPIRegistry.registerPath(feed);
  app.get('/api/calendar/:file{[A-Za-z0-9_-]{1,200}\\.ics}', async (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '');
    const principal = await resolveCalendarFeed(auth, token);
    if (!principal)
      throw new AppError(
        'not_found',
        'feed_not_found',
        'Fant ikke kalenderen (ukjent eller tilbakekalt adresse).',
      );
    const { name, events } = await runUseCase(
      deps,
      principal,
      'deadlineCalendar',
      { baseUrl: publicBase(c) },
      { onInternalError: (err, uc) => c.get('log').error({ err, useCase: uc }, 'use case failed') },
    );
    return new Response(eventsToIcs(events, { name, now: deps.clock() }), {
      headers: { 'content-type': ICS_CONTENT_TYPE, 'cache-control': 'private, no-store' },
    });
  });
}
