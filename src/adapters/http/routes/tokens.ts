/** API tokens: create (shown once), list, revoke. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { createApiToken, listOwnApiTokens, revokeApiTokenAs } from '../../../app/auth/api-tokens.js';
import type { AuthDeps } from '../../../app/auth/deps.js';
import { CreateTokenInput } from '../../../app/auth/schemas.js';
import { AppError } from '../../../app/errors.js';
import type { HttpEnv } from '../env.js';
import { IdParam, json, jsonBody, problems, SIGNED_IN } from './openapi-helpers.js';

const TokenView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    userId: z.number().int(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

const CreatedToken = TokenView.extend({
  token: z.string().describe('Vises bare én gang. Bruk som «Authorization: Bearer styr_…».'),
}).openapi('CreatedApiToken');

const create = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags: ['API-nøkler'],
  summary: 'Lag en API-nøkkel for integrasjoner',
  security: SIGNED_IN,
  request: { body: jsonBody(CreateTokenInput) },
  responses: { 201: json(CreatedToken, 'Laget'), ...problems(400, 401, 403, 404) },
});

const list = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags: ['API-nøkler'],
  summary: 'Dine API-nøkler (uten selve nøklene)',
  security: SIGNED_IN,
  responses: { 200: json(z.array(TokenView), 'API-nøkler'), ...problems(401) },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api/tokens/{id}',
  tags: ['API-nøkler'],
  summary: 'Tilbakekall en API-nøkkel',
  security: SIGNED_IN,
  request: { params: IdParam },
  responses: { 204: { description: 'Tilbakekalt' }, ...problems(401, 403, 404) },
});

export function registerTokenRoutes(app: OpenAPIHono<HttpEnv>, deps: AuthDeps): void {
  app.openapi(create, async (c) => {
    // A leaked token must not be able to mint itself successors that outlive its revocation.
    if (c.var.authVia === 'token')
      throw new AppError(
        'forbidden',
        'token_cannot_create_token',
        'En API-nøkkel kan ikke lage nye API-nøkler.',
      );
    return c.json(await createApiToken(deps, c.var.principal, c.req.valid('json')), 201);
  });

  app.openapi(list, async (c) => c.json(await listOwnApiTokens(deps, c.var.principal), 200));

  app.openapi(revoke, async (c) => {
    await revokeApiTokenAs(deps, c.var.principal, Number(c.req.valid('param').id));
    return c.body(null, 204);
  });
}
