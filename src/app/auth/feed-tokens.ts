/**
 * Calendar feed tokens: the secret in an iCalendar subscription URL (`/api/calendar/<token>.ics`),
 * `styrcal_` + 32 random bytes, shown once, stored as SHA-256, revocable; creation and revocation are
 * audited. A personal feed reads as its user (their scope and exempt grant, as they are at each
 * fetch); an organisation feed as a reader of the organisation without the exempt grant (policy.ts).
 */
import { audit } from '../../adapters/store/audit.js';
import {
  type CalendarFeedRow,
  calendarFeedByHash,
  calendarFeedById,
  insertCalendarFeed,
  listCalendarFeeds,
  revokeCalendarFeed,
  touchCalendarFeed,
} from '../../adapters/store/accounts/calendar-feeds.js';
import { organisationById } from '../../adapters/store/accounts/organisations.js';
import { userById } from '../../adapters/store/accounts/users.js';
import { AppError } from '../errors.js';
import { organisationFeedPrincipal } from '../policy.js';
import type { Principal } from '../principal.js';
import { parseInput } from '../validate.js';
import type { AuthDeps } from './deps.js';
import { organisationRef, principalFor } from './principal.js';
import { canManageOrganisation, requireSignedIn } from './roles.js';
import { CreateCalendarFeedInput } from './schemas.js';
import { randomSecret, sha256 } from './secrets.js';

export const FEED_TOKEN_PREFIX = 'styrcal_';
const TOUCH_AFTER_MS = 60_000;

export interface CalendarFeedView {
  id: number;
  name: string;
  scope: 'user' | 'organisation';
  userId: number | null;
  organisationId: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function view(f: CalendarFeedRow): CalendarFeedView {
  return {
    id: f.id,
    name: f.name,
    scope: f.user_id !== null ? 'user' : 'organisation',
    userId: f.user_id,
    organisationId: f.organisation_id,
    createdAt: f.created_at,
    lastUsedAt: f.last_used_at,
    revokedAt: f.revoked_at,
  };
}

/** The path of a feed below the server's URL. */
export function feedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

/**
 * Create a feed for the caller (or, at the local command line, for `userId`), or for the caller's
 * organisation when `organisation` is set (its administrators; the local owner names `organisationId`).
 */
export async function createCalendarFeed(
  deps: AuthDeps,
  actor: Principal | null,
  input: unknown,
  target: { userId?: number; organisationId?: number } = {},
): Promise<CalendarFeedView & { token: string; path: string }> {
  const who = requireSignedIn(actor);
  const { name, organisation } = parseInput(CreateCalendarFeedInput, input);
  let userId: number | null = null;
  let organisationId: number | null = null;
  let subject: string;
  if (organisation || target.organisationId !== undefined) {
    organisationId = target.organisationId ?? who.organisation?.id ?? null;
    if (organisationId === null)
      throw new AppError(
        'validation',
        'feed_organisation_required',
        'Oppgi hvilken organisasjon kalenderen gjelder.',
      );
    const org = await organisationById(deps.db, organisationId);
    if (!org) throw new AppError('not_found', 'organisation_not_found', 'Fant ikke organisasjonen.');
    if (who.kind !== 'local' && !canManageOrganisation(who, org.id))
      throw new AppError(
        'forbidden',
        'feed_forbidden',
        'Bare organisasjonens administrator kan lage en kalender for hele organisasjonen.',
      );
    subject = `organisasjon ${org.name}`;
  } else {
    userId = target.userId ?? who.userId;
    if (userId === null)
      throw new AppError('validation', 'feed_user_required', 'Oppgi hvilken bruker kalenderen gjelder.');
    const user = await userById(deps.db, userId);
    if (!user) throw new AppError('not_found', 'user_not_found', 'Fant ikke brukeren.');
    // Like API tokens: over the API a feed is only ever one's own; the local owner may make one for anyone.
    if (user.id !== who.userId && who.kind !== 'local')
      throw new AppError('forbidden', 'feed_forbidden', 'Du kan bare lage kalenderabonnement for deg selv.');
    subject = `bruker ${user.username}`;
  }
  const token = FEED_TOKEN_PREFIX + randomSecret();
  const now = deps.clock().toISOString();
  const row = await deps.db.transaction().execute(async (trx) => {
    const r = await insertCalendarFeed(trx, {
      tokenHash: sha256(token),
      name,
      userId,
      organisationId,
      createdBy: who.username,
      now,
    });
    await audit(trx, [
      {
        at: now,
        actor: who.username,
        action: 'calendar_feed_create',
        entity: 'calendar_feed',
        entityId: r.id,
        details: { name, for: subject },
      },
    ]);
    return r;
  });
  return { ...view(row), token, path: feedPath(token) };
}

/** The principal a feed reads as, or null for an unknown or revoked token (or a disabled user). */
export async function resolveCalendarFeed(deps: AuthDeps, token: string): Promise<Principal | null> {
  if (!token.startsWith(FEED_TOKEN_PREFIX)) return null;
  const row = await calendarFeedByHash(deps.db, sha256(token));
  if (!row || row.revoked_at !== null) return null;
  let principal: Principal | null = null;
  if (row.user_id !== null) {
    const user = await userById(deps.db, row.user_id);
    if (!user || user.disabled) return null;
    const org = user.organisation_id === null ? null : await organisationById(deps.db, user.organisation_id);
    principal = principalFor(user, org, 'token');
  } else if (row.organisation_id !== null) {
    const org = await organisationById(deps.db, row.organisation_id);
    if (!org) return null;
    principal = organisationFeedPrincipal(organisationRef(org), row.name);
  }
  const now = deps.clock();
  if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_AFTER_MS)
    await touchCalendarFeed(deps.db, row.id, now.toISOString());
  return principal;
}

/** The caller's feeds, and their organisation's if they administer it (never the secrets). */
export async function listOwnCalendarFeeds(
  deps: AuthDeps,
  actor: Principal | null,
): Promise<CalendarFeedView[]> {
  const who = requireSignedIn(actor);
  if (who.kind === 'local' || (who.organisation === null && who.roles.includes('administrator')))
    return (await listCalendarFeeds(deps.db)).map(view);
  const orgId = who.organisation?.id ?? null;
  const orgs = orgId !== null && canManageOrganisation(who, orgId) ? [orgId] : [];
  return (await listCalendarFeeds(deps.db, { userId: who.userId, organisationIds: orgs })).map(view);
}

/** Revoke a feed: its user, or an administrator of the organisation it belongs to. */
export async function revokeCalendarFeedAs(
  deps: AuthDeps,
  actor: Principal | null,
  id: number,
): Promise<void> {
  const who = requireSignedIn(actor);
  const row = await calendarFeedById(deps.db, id);
  let allowed = false;
  if (row && who.kind === 'local') allowed = true;
  else if (row?.user_id !== null && row?.user_id !== undefined) {
    const owner = await userById(deps.db, row.user_id);
    allowed = !!owner && (owner.id === who.userId || canManageOrganisation(who, owner.organisation_id));
  } else if (row?.organisation_id !== null && row?.organisation_id !== undefined)
    allowed = canManageOrganisation(who, row.organisation_id);
  // A feed the caller may not manage is reported as missing: its existence is not theirs to know.
  if (!row || !allowed) throw new AppError('not_found', 'feed_not_found', 'Fant ikke kalenderabonnementet.');
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await revokeCalendarFeed(trx, id, now))) return;
    await audit(trx, [
      {
        at: now,
        actor: who.username,
        action: 'calendar_feed_revoke',
        entity: 'calendar_feed',
        entityId: id,
        details: { name: row.name },
      },
    ]);
  });
}
