/** Hono context variables shared by every route and middleware of the styr server. */
import type { Logger } from 'pino';
import type { Principal } from '../../app/principal.js';

export interface HttpEnv {
  Variables: {
    requestId: string;
    /** Child logger carrying the request id. */
    log: Logger;
    /** null when the request carries no valid session or token. */
    principal: Principal | null;
    /** How the principal authenticated; cookie sessions must pass the CSRF check on writes. */
    authVia: 'session' | 'token' | null;
  };
}
