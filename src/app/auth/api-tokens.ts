/**
 * API tokens for integrations: `styr_` + 32 random bytes, shown once when created, stored as SHA-256,
 * revocable. A token acts as its user with the user's current roles; disabling the user stops it.
 */
import { audit } from '../../adapters/store/audit.js';
import { organisationById } from '../../adapters/store/accounts/organisations.js';
import {
  type ApiTokenRow,
  apiTokenByHash,
  apiTokenById,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
} from '../../adapters/store/accounts/tokens.js';
import { userById } from '../../adapters/store/accounts/users.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { AuthDeps } from './deps.js';
import { principalFor } from './principal.js';
import { canManageOrganisation, requireSignedIn } from './roles.js';
import { CreateTokenInput } from './schemas.js';
import { randomSecret, sha256 } from './secrets.js';
import { parseInput } from '../validate.js';

export const API_TOKEN_PREFIX = 'styr_';
const TOUCH_AFTER_MS = 60_000;

export interface ApiTokenView {
  id: number;
  name: string;
  userId: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function apiTokenView(t: ApiTokenRow): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    userId: t.user_id,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
  };
}

/** Create a token for `userId` (default: the caller). The clear token is returned here and never again. */
export async function createApiToken(
  deps: AuthDeps,
  actor: Principal | null,
  input: unknown,
  userId?: number,
): Promise<ApiTokenView & { token: string }> {
  const who = requireSignedIn(actor);
  const { name } = parseInput(CreateTokenInput, input);
  const ownerId = userId ?? who.userId;
  if (ownerId === null)
    throw new AppError('validation', 'token_user_required', 'Oppgi hvilken bruker API-nøkkelen gjelder.');
  const owner = await userById(deps.db, ownerId);
  if (!owner) throw new AppError('not_found', 'user_not_found', 'Fant ikke brukeren.');
  // Whatever a token does is recorded as its user's doing, so over the API nobody, administrators
  // included, mints a token for someone else. The register's owner at the command line may (`styr token
  // create --user`), which is how an integration account gets its token.
  if (owner.id !== who.userId && who.kind !== 'local')
    throw new AppError('forbidden', 'token_forbidden', 'Du kan bare lage API-nøkler for deg selv.');
  if (owner.disabled)
    throw new AppError('conflict', 'user_disabled', `Brukeren ${owner.username} er deaktivert.`);
  const token = API_TOKEN_PREFIX + randomSecret();
  const now = deps.clock().toISOString();
  const row = await deps.db.transaction().execute(async (trx) => {
    const r = await insertApiToken(trx, { tokenHash: sha256(token), userId: owner.id, name, now });
    await audit(trx, [
      {
        at: now,
        actor: who.username,
        action: 'token_create',
        entity: 'api_token',
        entityId: r.id,
        details: { name, user: owner.username },
      },
    ]);
    return r;
  });
  return { ...apiTokenView(row), token };
}

/** The principal behind a bearer token, or null (unknown, revoked, user disabled). */
export async function resolveApiToken(deps: AuthDeps, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await apiTokenByHash(deps.db, sha256(token));
  if (!row || row.revoked_at !== null) return null;
  const user = await userById(deps.db, row.user_id);
  if (!user || user.disabled) return null;
  const now = deps.clock();
  if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_AFTER_MS)
    await touchApiToken(deps.db, row.id, now.toISOString());
  const org = user.organisation_id === null ? null : await organisationById(deps.db, user.organisation_id);
  return principalFor(user, org, 'token');
}

/** The caller's own tokens (never the secrets). */
export async function listOwnApiTokens(deps: AuthDeps, actor: Principal | null): Promise<ApiTokenView[]> {
  const who = requireSignedIn(actor);
  if (who.userId === null) return (await listApiTokens(deps.db)).map(apiTokenView);
  return (await listApiTokens(deps.db, who.userId)).map(apiTokenView);
}

/** Revoke a token: its owner, or an administrator who manages the owner, may. */
export async function revokeApiTokenAs(deps: AuthDeps, actor: Principal | null, id: number): Promise<void> {
  const who = requireSignedIn(actor);
  const row = await apiTokenById(deps.db, id);
  const owner = row ? await userById(deps.db, row.user_id) : undefined;
  // A token the caller may not manage is reported as missing: its existence is not theirs to know.
  if (!row || !owner || (owner.id !== who.userId && !canManageOrganisation(who, owner.organisation_id)))
    throw new AppError('not_found', 'token_not_found', 'Fant ikke API-nøkkelen.');
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await revokeApiToken(trx, id, now))) return;
    await audit(trx, [
      {
        at: now,
        actor: who.username,
        action: 'token_revoke',
        entity: 'api_token',
        entityId: id,
        details: { name: row.name, user: owner.username },
      },
    ]);
  });
}
