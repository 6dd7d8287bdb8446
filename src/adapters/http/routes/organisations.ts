/** Organisations (administrators only): list and add. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AuthDeps } from '../../../app/auth/deps.js';
import { createOrganisationAs, listOrganisationsAs } from '../../../app/auth/organisations.js';
import { CreateOrganisationInput } from '../../../app/auth/schemas.js';
import { SIDES } from '../../../core/register/viewer.js';
import type { HttpEnv } from '../env.js';
import { json, jsonBody, problems, SIGNED_IN } from './openapi-helpers.js';

const OrganisationView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    side: z.enum(SIDES),
    ministryId: z.number().int().nullable().describe('Registerets departement (side departement)'),
    agencyId: z.number().int().nullable().describe('Registerets virksomhet (side virksomhet)'),
    createdAt: z.string(),
  })
  .openapi('Organisation');

const list = createRoute({
  method: 'get',
  path: '/api/organisations',
  tags: ['Organisasjoner'],
  summary: 'Organisasjoner',
  security: SIGNED_IN,
  responses: { 200: json(z.array(OrganisationView), 'Organisasjoner'), ...problems(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/api/organisations',
  tags: ['Organisasjoner'],
  summary: 'Legg til et departement eller en virksomhet',
  security: SIGNED_IN,
  request: { body: jsonBody(CreateOrganisationInput) },
  responses: { 201: json(OrganisationView, 'Lagt til'), ...problems(400, 401, 403, 409) },
});

export function registerOrganisationRoutes(app: OpenAPIHono<HttpEnv>, deps: AuthDeps): void {
  app.openapi(list, async (c) => c.json(await listOrganisationsAs(deps, c.var.principal), 200));
  app.openapi(create, async (c) =>
    c.json(await createOrganisationAs(deps, c.var.principal, c.req.valid('json')), 201),
  );
}
