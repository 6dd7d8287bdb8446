/**
 * The demo's organisations and logins: the ministry and the agency of the example letters, one
 * account per role and side, so a visitor can try the two-sided workflow at once. Created only in the
 * demo's own data folder, and only when missing.
 */
import type { AuthDeps } from '../../../app/auth/deps.js';
import { createOrganisationAs } from '../../../app/auth/organisations.js';
import { createUserAs } from '../../../app/auth/users.js';
import { localPrincipal } from '../../../app/principal.js';
import type { Role, Side } from '../../../core/register/viewer.js';
import { organisationByName } from '../../store/accounts/organisations.js';
import { userByUsername } from '../../store/accounts/users.js';

export const DEMO_PASSWORD = 'styr-demo-passord';

interface DemoLogin {
  username: string;
  name: string;
  org: { name: string; side: Side } | null;
  roles: Role[];
  exempt: boolean;
  about: string;
}

export function demoLogins(ministry: string, agency: string): DemoLogin[] {
  const dep = { name: ministry, side: 'departement' as const };
  const vir = { name: agency, side: 'virksomhet' as const };
  return [
    {
      username: 'admin',
      name: 'Registeradministrator',
      org: null,
      roles: ['administrator'],
      exempt: true,
      about: 'administrator for hele registeret',
    },
    {
      username: 'dep.saksbehandler',
      name: 'Dina Departement',
      org: dep,
      roles: ['saksbehandler'],
      exempt: true,
      about: `saksbehandler i ${ministry}, ser unntatt innhold`,
    },
    {
      username: 'dep.leser',
      name: 'Lars Leser',
      org: dep,
      roles: ['leser'],
      exempt: false,
      about: `leser i ${ministry}`,
    },
    {
      username: 'vir.saksbehandler',
      name: 'Vera Virksomhet',
      org: vir,
      roles: ['saksbehandler'],
      exempt: true,
      about: `saksbehandler i ${agency}, ser unntatt innhold`,
    },
    {
      username: 'vir.leser',
      name: 'Viktor Visning',
      org: vir,
      roles: ['leser'],
      exempt: false,
      about: `leser i ${agency}`,
    },
  ];
}

export async function ensureDemoAccounts(deps: AuthDeps, logins: readonly DemoLogin[]): Promise<void> {
  const owner = localPrincipal('demo');
  for (const l of logins) {
    let orgId: number | null = null;
    if (l.org) {
      const existing = await organisationByName(deps.db, l.org.name);
      orgId = existing ? existing.id : (await createOrganisationAs(deps, owner, l.org)).id;
    }
    if (await userByUsername(deps.db, l.username)) continue;
    await createUserAs(deps, owner, {
      username: l.username,
      displayName: l.name,
      organisationId: orgId,
      roles: l.roles,
      exemptAccess: l.exempt,
      password: DEMO_PASSWORD,
    });
  }
}
