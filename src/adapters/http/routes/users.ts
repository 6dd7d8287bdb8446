/** User administration (administrators only): list, create, change roles, exempt access, disable. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AuthDeps } from '../../../app/auth/deps.js';
import { CreateUserInput, UpdateUserInput } from '../../../app/auth/schemas.js';
import { createUserAs, listUsersAs, updateUserAs } from '../../../app/auth/users.js';
import { ROLES, SIDES } from '../../../core/register/viewer.js';
import type { HttpEnv } from '../env.js';
import { IdParam, json, jsonBody, problems, SIGNED_IN } from './openapi-helpers.js';

const UserView = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    organisation: z.object({ id: z.number().int(), name: z.string(), side: z.enum(SIDES) }).nullable(),
    department: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    exemptAccess: z.boolean().describe('Kan lese innhold unntatt offentlighet'),
    disabled: z.boolean(),
    login: z.object({ password: z.boolean(), oidc: z.boolean() }),
    createdAt: z.string(),
  })
  .openapi('User');

const list = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['Brukere'],
  summary: 'Brukere i din organisasjon (alle for installasjonens administrator)',
  security: SIGNED_IN,
  responses: { 200: json(z.array(UserView), 'Brukere'), ...problems(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['Brukere'],
  summary: 'Opprett en bruker',
  security: SIGNED_IN,
  request: { body: jsonBody(CreateUserInput) },
  responses: { 201: json(UserView, 'Opprettet'), ...problems(400, 401, 403, 404, 409) },
});

const update = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['Brukere'],
  summary: 'Endre roller, tilgang til unntatt innhold, passord eller deaktiver',
  security: SIGNED_IN,
  request: { params: IdParam, body: jsonBody(UpdateUserInput) },
  responses: { 200: json(UserView, 'Endret'), ...problems(400, 401, 403, 404, 409) },
});

export function registerUserRoutes(app: OpenAPIHono<HttpEnv>, deps: AuthDeps): void {
  app.openapi(list, async (c) => c.json(await listUsersAs(deps, c.var.principal), 200));
  app.openapi(create, async (c) =>
    c.json(await createUserAs(deps, c.var.principal, c.req.valid('json')), 201),
  );
  app.openapi(update, async (c) =>
    c.json(
      await updateUserAs(deps, c.var.principal, Number(c.req.valid('param').id), c.req.valid('json')),
      200,
    ),
  );
}
