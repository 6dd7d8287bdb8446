/**
 * OpenID Connect login (openid-client v6): authorization code flow with PKCE, state and nonce. The
 * state travels in the redirect and in an HttpOnly cookie; the PKCE verifier and nonce stay in the
 * register (oidc_login), keyed by the state's hash and deleted when used. Users are provisioned on
 * their first login and their roles follow the provider's claims on every login after that; claims
 * that map to no role are refused.
 */
import * as client from 'openid-client';
import {
  insertOrganisation,
  type OrganisationRow,
  organisationByName,
} from '../../adapters/store/accounts/organisations.js';
import {
  deleteExpiredOidcLogins,
  insertOidcLogin,
  takeOidcLogin,
} from '../../adapters/store/accounts/oidc-logins.js';
import {
  insertUser,
  updateUser,
  userByOidc,
  userByUsername,
  type UserRow,
} from '../../adapters/store/accounts/users.js';
import { audit } from '../../adapters/store/audit.js';
import { AppError } from '../errors.js';
import type { Principal } from '../principal.js';
import { type MappedAccess, mapClaims } from './claim-map.js';
import type { AuthDeps } from './deps.js';
import type { OidcConfig } from './oidc-config.js';
import { principalFor } from './principal.js';
import { rolesOf } from './roles.js';
import { safeEqual, sha256 } from './secrets.js';
import { type StartedSession, startSession } from './sessions.js';

export const OIDC_STATE_COOKIE = 'styr_oidc';
/** How long a user may spend at the provider before the login must be started again. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

/** Keep the library's error for the server log; the client sees only the Norwegian detail. */
function withCause(err: AppError, cause: unknown): AppError {
  err.cause = cause;
  return err;
}

const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

function configuration(cfg: OidcConfig): Promise<client.Configuration> {
  let p = discovered.get(cfg);
  if (!p) {
    const discover = () =>
      client.discovery(
        cfg.issuer,
        cfg.clientId,
        cfg.clientSecret,
        undefined,
        cfg.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    // One retry: discovery is an idempotent GET, and the first request after a quiet spell can land on
    // a kept-alive connection the provider has just closed.
    p = discover()
      .catch(discover)
      .catch((e: unknown) => {
        // Forget a failed discovery so the next login tries again (the provider may have been down).
        discovered.delete(cfg);
        throw withCause(
          new AppError(
            'unavailable',
            'oidc_unavailable',
            `Innloggingstjenesten (${cfg.issuer.host}) svarer ikke. Prøv igjen senere.`,
          ),
          e,
        );
      });
    discovered.set(cfg, p);
  }
  return p;
}

function requireOidc(deps: AuthDeps): OidcConfig {
  if (!deps.oidc)
    throw new AppError('not_found', 'oidc_not_configured', 'Innlogging med OpenID Connect er ikke satt opp.');
  return deps.oidc;
}

/**
 * Only a path on this server, never another site: `/x` yes; `//evil.example`, `/\\evil.example` and
 * `https://…` no, nor control characters (browsers drop a tab, so `/<TAB>/evil.example` means `//evil…`).
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || /^\/[/\\]|[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  return value;
}

export interface OidcStart {
  redirectTo: string;
  /** Goes in an HttpOnly cookie and must come back with the callback. */
  state: string;
}

export async function beginOidcLogin(deps: AuthDeps, returnTo?: string): Promise<OidcStart> {
  const cfg = requireOidc(deps);
  const config = await configuration(cfg);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const now = deps.clock();
  await deleteExpiredOidcLogins(deps.db, now.toISOString());
  await insertOidcLogin(deps.db, {
    state_hash: sha256(state),
    code_verifier: verifier,
    nonce,
    return_to: safeReturnTo(returnTo),
    expires_at: new Date(now.getTime() + OIDC_LOGIN_TTL_MS).toISOString(),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: cfg.redirectUri.href,
    scope: cfg.scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { redirectTo: url.href, state };
}

export interface OidcDone {
  session: StartedSession;
  principal: Principal;
  returnTo: string;
}

const refused = (code: string, detail: string) => new AppError('forbidden', code, detail);

/**
 * Finish a login: `query` is the callback's query string, `cookieState` the state cookie. The
 * callback URL handed to openid-client is rebuilt from the configured redirect URI, so a proxy in
 * front of the server cannot make the token request name a different one.
 */
export async function completeOidcLogin(
  deps: AuthDeps,
  query: URLSearchParams,
  cookieState: string | undefined,
): Promise<OidcDone> {
  const cfg = requireOidc(deps);
  const state = query.get('state') ?? '';
  if (!state || !cookieState || !safeEqual(state, cookieState))
    throw refused('oidc_state_mismatch', 'Innloggingen kunne ikke bekreftes. Start innloggingen på nytt.');
  const pending = await takeOidcLogin(deps.db, sha256(state));
  if (!pending || new Date(pending.expires_at).getTime() <= deps.clock().getTime())
    throw refused('oidc_login_expired', 'Innloggingen er utløpt. Start innloggingen på nytt.');
  if (query.get('error')) throw refused('oidc_provider_error', 'Innloggingstjenesten avviste innloggingen.');
  const config = await configuration(cfg);
  const current = new URL(cfg.redirectUri.href);
  current.search = query.toString();
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = { ...(tokens.claims() ?? {}) };
    const sub = typeof claims.sub === 'string' ? claims.sub : '';
    if (!(cfg.roleMap.claim in claims) && config.serverMetadata().userinfo_endpoint)
      claims = { ...(await client.fetchUserInfo(config, tokens.access_token, sub)), ...claims };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw withCause(
      refused('oidc_failed', 'Innloggingen kunne ikke fullføres. Start innloggingen på nytt.'),
      e,
    );
  }
  const issuer = String(claims.iss ?? cfg.issuer.href);
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (!subject) throw refused('oidc_failed', 'Innloggingstjenesten oppga ingen bruker-ID.');
  const access = mapClaims(cfg.roleMap, claims);
  if (!access)
    throw refused('oidc_no_role', 'Brukeren din har ingen rolle i styr. Be administrator om tilgang.');
  const { user, org } = await provision(deps, issuer, subject, claims, access);
  return {
    session: await startSession(deps, user.id),
    principal: principalFor(user, org),
    returnTo: pending.return_to,
  };
}

function displayNameOf(claims: Record<string, unknown>, fallback: string): string {
  for (const k of ['name', 'preferred_username', 'email'])
    if (typeof claims[k] === 'string' && claims[k].trim()) return claims[k].trim().slice(0, 200);
  return fallback;
}

/** A login name from the claims; on a clash with another account, a suffix from the issuer and subject. */
async function freeUsername(
  deps: AuthDeps,
  claims: Record<string, unknown>,
  issuer: string,
  subject: string,
) {
  const raw = [claims.preferred_username, claims.email, subject].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  const base =
    (raw ?? 'oidc')
      .toLowerCase()
      .replace(/[^a-z0-9._@-]/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 50) || 'oidc';
  const name = base.length >= 2 ? base : `${base}-oidc`;
  if (!(await userByUsername(deps.db, name))) return name;
  return `${name}-${sha256(`${issuer}\n${subject}`).slice(0, 8)}`;
}

async function organisationFor(deps: AuthDeps, access: MappedAccess, now: string): Promise<OrganisationRow> {
  const org = await organisationByName(deps.db, access.organisation);
  if (org) return org;
  if (!access.side)
    throw refused(
      'oidc_unknown_organisation',
      `Organisasjonen «${access.organisation}» finnes ikke i styr. Be administrator legge den til.`,
    );
  return insertOrganisation(deps.db, { name: access.organisation, side: access.side, now });
}

/** The user is the actor of their own provisioning: no administrator was involved. */
function auditProvisioning(
  db: AuthDeps['db'],
  action: 'user_create' | 'user_update',
  user: UserRow,
  org: OrganisationRow,
  access: MappedAccess,
  now: string,
): Promise<void> {
  return audit(db, [
    {
      at: now,
      actor: user.username,
      action,
      entity: 'app_user',
      entityId: user.id,
      details: {
        username: user.username,
        via: 'oidc',
        organisation: org.name,
        roles: access.roles,
        exemptAccess: access.exemptAccess,
      },
    },
  ]);
}

async function provision(
  deps: AuthDeps,
  issuer: string,
  subject: string,
  claims: Record<string, unknown>,
  access: MappedAccess,
): Promise<{ user: UserRow; org: OrganisationRow }> {
  const now = deps.clock().toISOString();
  const existing = await userByOidc(deps.db, issuer, subject);
  if (existing?.disabled) throw refused('user_disabled', 'Brukeren er deaktivert. Kontakt administrator.');
  const username = existing?.username ?? (await freeUsername(deps, claims, issuer, subject));
  return deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    const org = await organisationFor(tx, access, now);
    if (!existing) {
      const user = await insertUser(trx, {
        username,
        displayName: displayNameOf(claims, username),
        organisationId: org.id,
        department: access.department,
        roles: access.roles,
        exemptAccess: access.exemptAccess,
        passwordHash: null,
        oidc: { issuer, subject },
        now,
      });
      await auditProvisioning(trx, 'user_create', user, org, access, now);
      return { user, org };
    }
    const changed =
      existing.organisation_id !== org.id ||
      existing.department !== access.department ||
      existing.exempt_access !== access.exemptAccess ||
      rolesOf(existing.roles).join() !== access.roles.join();
    if (!changed) return { user: existing, org };
    const user = await updateUser(trx, existing.id, {
      organisationId: org.id,
      department: access.department,
      roles: access.roles,
      exemptAccess: access.exemptAccess,
    });
    if (!user) throw refused('oidc_failed', 'Innloggingen kunne ikke fullføres.');
    await auditProvisioning(trx, 'user_update', user, org, access, now);
    return { user, org };
  });
}
