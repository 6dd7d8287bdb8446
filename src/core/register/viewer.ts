/**
 * Who is asking. Assignments exempt from public access (Offl. § 22) must never reach a reader who may
 * not see them, and an organisation sees only its own letters; every register query takes a viewer so
 * the CLI, the API and exports enforce it alike. The rules that turn a signed-in person into a viewer
 * live in src/app/policy.ts; the store applies a viewer in one place (store/visibility.ts).
 */

/** The two sides of the steering dialogue. */
export const SIDES = ['departement', 'virksomhet'] as const;
export type Side = (typeof SIDES)[number];

/** Roles per organisation; access to exempt content is a separate grant, not a role. */
export const ROLES = ['leser', 'saksbehandler', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Whose documents a viewer may read. A ministry sees the letters it issued (to all its agencies); an
 * agency sees the letters addressed to it. Undefined scope = the whole register (its owner at the
 * command line, or an administrator of the installation).
 */
export type ViewerScope =
  | { side: 'departement'; ministryIds: readonly number[] }
  | { side: 'virksomhet'; agencyIds: readonly number[] };

export interface Viewer {
  canSeeConfidential: boolean;
  scope?: ViewerScope;
}

export const INTERNAL_VIEWER: Viewer = { canSeeConfidential: true };
export const PUBLIC_VIEWER: Viewer = { canSeeConfidential: false };

/** Clock injected into everything that derives from "today". */
export type Clock = () => Date;
