/**
 * One HTTP route for one use case: the route's zod schemas (documented in OpenAPI) are the use case's
 * own, the handler merges path, query and body into the use case's input and runs it for the
 * request's principal. Mutable resources take `If-Match: "v<n>"` as the expected version.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { runUseCase, type UseCaseName, USE_CASES } from '../../app/app.js';
import { AppError, ProblemJson } from '../../app/errors.js';
import type { Principal } from '../../app/principal.js';
import type { AppDeps } from '../../app/use-case.js';
import type { HttpEnv } from './env.js';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemJson } },
});

export const ERROR_RESPONSES = {
  400: problem('Ugyldig forespørsel'),
  401: problem('Ikke innlogget'),
  403: problem('Ingen tilgang'),
  404: problem('Finnes ikke (eller ikke synlig for deg)'),
  409: problem('Konflikt med registerets tilstand'),
  412: problem('Endret av en annen siden du leste den (If-Match)'),
  500: problem('Intern feil'),
} as const;

export function requirePrincipal(c: Context<HttpEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new AppError('unauthenticated', 'login_required', 'Logg inn for å bruke registeret.');
  return p;
}

/** `"v7"` or `W/"v7"` → 7; absent → undefined; anything else is a 400. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^(?:W\/)?"v(\d{1,9})"$/.exec(header.trim());
  if (!m)
    throw new AppError(
      'validation',
      'invalid_if_match',
      'If-Match må være en ETag fra registeret, f.eks. "v3".',
    );
  return Number(m[1]);
}

export function etagOf(version: number): string {
  return `"v${version}"`;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface UseCaseRouteDef {
  method: Method;
  path: string;
  useCase: UseCaseName;
  tags: string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status of a successful response. */
  status?: 200 | 201;
  /** Read If-Match into `expectedVersion`. */
  ifMatch?: boolean;
  description?: string;
}

export function addUseCaseRoute(app: OpenAPIHono<HttpEnv>, deps: AppDeps, def: UseCaseRouteDef): void {
  const uc = USE_CASES[def.useCase];
  const route = createRoute({
    method: def.method,
    path: def.path,
    tags: def.tags,
    summary: uc.summary,
    ...(def.description ? { description: def.description } : {}),
    operationId: def.useCase,
    request: {
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { query: def.query } : {}),
      ...(def.body
        ? { body: { content: { 'application/json': { schema: def.body } }, required: true } }
        : {}),
    },
    responses: {
      [def.status ?? 200]: {
        description: 'OK',
        content: { 'application/json': { schema: z.unknown() } },
      },
      ...ERROR_RESPONSES,
    },
  });
  const handler = async (c: Context<HttpEnv>): Promise<Response> => {
    const principal = requirePrincipal(c);
    const req = c.req as unknown as { valid(t: string): Record<string, unknown> | undefined };
    const input: Record<string, unknown> = {
      ...(def.query ? req.valid('query') : {}),
      ...(def.body ? req.valid('json') : {}),
      ...(def.params ? req.valid('param') : {}),
    };
    if (def.ifMatch) {
      const v = versionFromIfMatch(c.req.header('if-match'));
      if (v !== undefined) input.expectedVersion = v;
    }
    const out = await runUseCase(deps, principal, def.useCase, input, {
      onInternalError: (err, name) => c.get('log')?.error({ err, useCase: name }, 'use case failed'),
    });
    const version = (out as { version?: unknown } | null)?.version;
    if (typeof version === 'number') c.header('ETag', etagOf(version));
    return c.json(out, def.status ?? 200);
  };
  // The route is built from data, so its handler type cannot be inferred; the schemas still validate it.
  app.openapi(route, handler as never);
}
