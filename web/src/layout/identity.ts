/** The signed-in user's role, side and organisation as one Norwegian line, always shown in the header. */
import type { Principal } from '../api/client';
import { layoutTexts as t } from './texts';

export function describePrincipal(p: Principal): string {
  const roles = p.roles.map((r) => t.roles[r]).join(', ');
  const org = p.organisation ? `${p.organisation.name} (${t.sides[p.organisation.side]})` : t.noOrganisation;
  const dept = p.department ? `, ${p.department}` : '';
  return `${roles} · ${org}${dept}`;
}

export function isAdministrator(p: Principal): boolean {
  return p.roles.includes('administrator');
}

/** May change the register (status, notes, owners, deadlines, imports): case officers and administrators. */
export function canEdit(p: Principal): boolean {
  return p.roles.includes('saksbehandler') || p.roles.includes('administrator');
}
