/**
 * Who may see and do what: the one place that turns a principal into a viewer and decides every
 * action. The store applies the resulting viewer (store/visibility.ts and the confidentiality
 * filters); use cases call `authorize` before they change anything.
 *
 * The workflow follows the steering dialogue: the agency (virksomhet) works on an assignment and
 * delivers it with its answer; the ministry (departement) accepts a delivery as done or sends it back
 * with a reason, and only the ministry withdraws, replaces or carries an assignment over.
 */
import { isStatus, type Status, TRANSITIONS } from '../core/register/status.js';
import type { Role, Side, Viewer } from '../core/register/viewer.js';
import { AppError } from './errors.js';
import type { OrganisationRef, Principal } from './principal.js';

export type Action =
  | 'read'
  | 'edit' // notes, answers, owners, deadline changes
  | 'import'
  | 'remove_version'
  | 'export_backup'
  | 'restore'
  | 'read_audit'
  | 'manage_users';

const NEEDS: Record<Action, Role> = {
  read: 'leser',
  edit: 'saksbehandler',
  import: 'saksbehandler',
  remove_version: 'administrator',
  export_backup: 'administrator',
  restore: 'administrator',
  read_audit: 'administrator',
  manage_users: 'administrator',
};

const RANK: Record<Role, number> = { leser: 0, saksbehandler: 1, administrator: 2 };

export function hasRole(p: Principal, role: Role): boolean {
  return p.roles.some((r) => RANK[r] >= RANK[role]);
}

/** An installation-wide principal: the local owner, or an administrator with no organisation. */
export function isInstallationAdmin(p: Principal): boolean {
  return p.organisation === null && hasRole(p, 'administrator');
}

/** The viewer every read of this principal goes through. */
export function viewerFor(p: Principal): Viewer {
  const org = p.organisation;
  if (!org) return { canSeeConfidential: p.exemptAccess };
  return {
    canSeeConfidential: p.exemptAccess,
    scope:
      org.side === 'departement'
        ? { side: 'departement', ministryIds: org.ministryId === null ? [] : [org.ministryId] }
        : { side: 'virksomhet', agencyIds: org.agencyId === null ? [] : [org.agencyId] },
  };
}

const ACTION_TEXT: Record<Action, string> = {
  read: 'lese registeret',
  edit: 'endre oppdrag',
  import: 'importere dokumenter',
  remove_version: 'fjerne en dokumentversjon',
  export_backup: 'ta ut en full sikkerhetskopi',
  restore: 'gjenopprette registeret',
  read_audit: 'lese revisjonsloggen',
  manage_users: 'administrere brukere',
};

export function authorize(p: Principal, action: Action): void {
  if (!hasRole(p, NEEDS[action]))
    throw new AppError('forbidden', 'role_required', `Du har ikke tilgang til å ${ACTION_TEXT[action]}.`);
  // A whole-register backup or restore crosses every organisation: only the installation's own administrator.
  if ((action === 'export_backup' || action === 'restore') && !isInstallationAdmin(p))
    throw new AppError(
      'forbidden',
      'installation_admin_required',
      `Bare registerets administrator kan ${ACTION_TEXT[action]}.`,
    );
}

/**
 * Transitions each side may make (within the legal transitions of core/register/status.ts).
 * `local` and installation principals act for both sides.
 */
const SIDE_TRANSITIONS: Record<Side, Partial<Record<Status, readonly Status[]>>> = {
  virksomhet: {
    ny: ['pågår', 'levert'],
    pågår: ['levert'],
    videreført: ['pågår', 'levert'],
  },
  departement: {
    ny: ['videreført', 'trukket', 'erstattet'],
    pågår: ['videreført', 'trukket', 'erstattet'],
    levert: ['ferdig', 'pågår'],
    videreført: ['ferdig', 'trukket', 'erstattet'],
  },
};

export function sideOf(p: Principal): Side | null {
  return p.organisation?.side ?? null;
}

/** Throws unless this principal's side may move an assignment from `from` to `to`. */
export function authorizeTransition(p: Principal, from: string, to: string): void {
  authorize(p, 'edit');
  const side = sideOf(p);
  if (side === null) return;
  const allowed = SIDE_TRANSITIONS[side][from as Status] ?? [];
  if (!allowed.includes(to as Status))
    throw new AppError(
      'forbidden',
      'side_not_allowed',
      side === 'virksomhet'
        ? `Virksomheten kan ikke sette status «${to}» fra «${from}». Virksomheten setter «pågår» og «levert»; departementet godkjenner, sender tilbake og trekker.`
        : `Departementet kan ikke sette status «${to}» fra «${from}». Virksomheten setter «pågår» og «levert».`,
    );
}

/**
 * Who an organisation's calendar feed reads as: a reader of that organisation without the exempt
 * grant. The feed's URL is shared by everyone in the organisation (and may be pasted into a shared
 * calendar), so content exempt from public access never goes into it; a personal feed reads as its user.
 */
export function organisationFeedPrincipal(org: OrganisationRef, feedName: string): Principal {
  return {
    kind: 'token',
    userId: null,
    username: `kalender:${org.name}`,
    displayName: feedName,
    organisation: org,
    department: null,
    roles: ['leser'],
    exemptAccess: false,
  };
}

/**
 * The statuses this principal may move an assignment to from `from`: the legal transitions narrowed
 * to the principal's side, none for a reader. The web app shows exactly these as workflow buttons, so
 * the browser never keeps its own copy of the table.
 */
export function allowedTransitions(p: Principal, from: string): Status[] {
  if (!hasRole(p, NEEDS.edit) || !isStatus(from)) return [];
  const legal = TRANSITIONS[from];
  const side = sideOf(p);
  if (side === null) return [...legal];
  const mine = SIDE_TRANSITIONS[side][from] ?? [];
  return legal.filter((s) => mine.includes(s));
}
