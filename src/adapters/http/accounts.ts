/**
 * Accounts on the server: sessions, API tokens and OIDC resolve the principal of every request, and the
 * account routes (/api/auth, /api/tokens, /api/users, /api/organisations) are mounted beside the
 * register's. One function, so `styr serve`, `npm start` and the tests wire them alike.
 */
import type { AuthDeps } from '../../app/auth/deps.js';
import type { ServerDeps } from './server.js';
import { authenticate } from './auth-middleware.js';
import { authRoutes } from './routes/auth.js';

export function withAccounts(deps: AuthDeps): Pick<ServerDeps, 'authenticate' | 'extend'> {
  return {
    authenticate: authenticate(deps),
    extend: (app) => {
      app.route('/', authRoutes(deps));
    },
  };
}
