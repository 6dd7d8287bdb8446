/** What the account use cases need: the register's database, the clock, and optional OIDC and cost settings. */
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.js';
import type { Clock } from '../../core/register/viewer.js';
import type { OidcConfig } from './oidc-config.js';
import type { ScryptParams } from './passwords.js';

export interface AuthDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** OpenID Connect login; absent = local accounts only. */
  oidc?: OidcConfig;
  /** Force the Secure cookie flag; by default it follows the request's scheme (https → Secure). */
  secureCookies?: boolean;
  /** Cost of new password hashes (tests pass a cheap one); verification reads the cost from the hash. */
  scrypt?: ScryptParams;
}
