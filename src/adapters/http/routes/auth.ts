/**
 * Accounts over HTTP: sign-in, API tokens, users and organisations. Mount after `authenticate(deps)`
 * (auth-middleware.ts), which sets the principal these routes check; errors are thrown as AppError for
 * the server's onError to render as problem+json.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthDeps } from '../../../app/auth/deps.js';
import type { HttpEnv } from '../env.js';
import { SESSION_COOKIE } from '../../../app/auth/sessions.js';
import { registerSessionRoutes } from './auth-session.js';
import { validationHook } from './openapi-helpers.js';
import { registerOrganisationRoutes } from './organisations.js';
import { registerTokenRoutes } from './tokens.js';
import { registerCalendarFeedRoutes } from './calendar-feeds.js';
import { registerUserRoutes } from './users.js';

export function authRoutes(deps: AuthDeps): OpenAPIHono<HttpEnv> {
  const app = new OpenAPIHono<HttpEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Sesjonscookie fra /api/auth/login; skriveoperasjoner krever også X-CSRF-Token',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API-nøkkel (styr_…) fra POST /api/tokens',
  });
  registerSessionRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerCalendarFeedRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  return app;
}
