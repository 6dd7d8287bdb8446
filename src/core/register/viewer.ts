/**
 * Who is asking. Assignments exempt from public access (Offl. § 22) must never reach a reader who may
 * not see them; every register query takes a viewer so the CLI, the API and exports enforce it alike.
 */
export interface Viewer {
  canSeeConfidential: boolean;
}

export const INTERNAL_VIEWER: Viewer = { canSeeConfidential: true };
export const PUBLIC_VIEWER: Viewer = { canSeeConfidential: false };

/** Clock injected into everything that derives from "today". */
export type Clock = () => Date;
