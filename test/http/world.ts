/**
 * One register shared by the HTTP tests of a file: a ministry (side departement) steering two agencies
 * (side virksomhet), each with public and confidential assignments in several ID schemes, and public
 * text (titles, bodies, notes, status reasons, owners, deadline-change reasons) that writes the
 * confidential IDs in varied case, spacing and hyphen characters. Users for every organisation × role ×
 * exempt grant sign in with sessions made directly (no scrypt per user); one integration uses a token.
 */
import { readFile } from 'node:fs/promises';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { withAccounts } from '../../src/adapters/http/accounts.js';
import type { HttpEnv } from '../../src/adapters/http/env.js';
import { createHttpApp } from '../../src/adapters/http/server.js';
import { insertOrganisation, type OrganisationRow } from '../../src/adapters/store/accounts/organisations.js';
import { insertUser } from '../../src/adapters/store/accounts/users.js';
import { importResults } from '../../src/adapters/store/import.js';
import type { Db } from '../../src/adapters/store/open.js';
import { runUseCase, type UseCaseInput, type UseCaseName } from '../../src/app/app.js';
import { createApiToken } from '../../src/app/auth/api-tokens.js';
import type { AuthDeps } from '../../src/app/auth/deps.js';
import { hashPassword } from '../../src/app/auth/passwords.js';
import { principalFor } from '../../src/app/auth/principal.js';
import { SESSION_COOKIE, startSession } from '../../src/app/auth/sessions.js';
import { localPrincipal } from '../../src/app/principal.js';
import type { ExtractionResult } from '../../src/core/model/extraction.js';
import { ROLES, type Role, type Side } from '../../src/core/register/viewer.js';
import { CHEAP, PASSWORD } from '../accounts/harness.js';
import { assignment, budgetLine, deadline, goal, letter } from '../register/fixtures.js';
import { freshDb } from '../store/harness.js';

export const MINISTRY = 'Helse- og omsorgsdepartementet';
export const HDIR = 'Helsedirektoratet';
export const FHI = 'Folkehelseinstituttet';
/** 1 March 2026: deadlines in March are "snart forfall", January ones "forfalt". */
export const NOW = new Date('2026-03-01T09:00:00Z');

function forAgency(r: ExtractionResult, agency: string, revision: string): ExtractionResult {
  return {
    ...r,
    source: { ...r.source, name: `${revision}.txt` },
    document: { ...r.document, recipient: agency, issuer: MINISTRY },
  };
}

export const hdirLetter = forAgency(
  letter({
    year: 2026,
    revision: 'hdir',
    budgetLines: [budgetLine('740', '01', 1_300_000_000)],
    goals: [goal('1', 'Bedre folkehelse')],
    assignments: [
      assignment('TB2026-1', {
        title: 'Følge opp tb 2026‑05 og TTB2026–02',
        body: 'Direktoratet skal se RTB-2025-3, Opp 2026—7 og tb2026 − 5 i sammenheng.',
        deadlines: [deadline('2026-03-10')],
        departments: ['FHA'],
        lines: [10, 12],
      }),
      assignment('TB2026-3', {
        title: 'Offentlig kartlegging av fastleger',
        body: 'Kartleggingen er åpen.',
        deadlines: [deadline('2026-01-15')],
        lines: [14, 16],
      }),
      assignment('TB2026-6', {
        title: 'Åpen rapport om ventetider',
        body: 'Se også ttb 2026 ‐ 2 og rtb2025‑03.',
        lines: [17, 18],
      }),
      assignment('TB2026-5', {
        title: 'Hemmelig beredskapsplan Alfa',
        body: 'Sikkerhetsgradert tiltak Alfa for legemidler.',
        confidential: true,
        departments: ['SHA'],
        deadlines: [deadline('2026-03-05')],
        lines: [20, 24],
      }),
      assignment('TTB2026-2', {
        title: 'Lukket tilleggsoppdrag Bravo',
        body: 'Bravo er unntatt offentlighet.',
        confidential: true,
        kind: 'supplement',
        lines: [25, 27],
      }),
      assignment('RTB2025-3', {
        title: 'Skjult rapportoppdrag Charlie',
        body: 'Charlie gjelder sårbarheter.',
        confidential: true,
        deadlines: [deadline('2026-01-10')],
        lines: [28, 30],
      }),
      assignment('OPP2026-7', {
        title: 'Fortrolig utredning Delta',
        body: 'Delta-utredningen er gradert.',
        confidential: true,
        lines: [31, 33],
      }),
      assignment('TB2026-11', {
        synthetic: true,
        title: 'Avledet hemmelighet Echo',
        body: 'Echo har ingen trykt ID.',
        confidential: true,
        lines: [34, 36],
      }),
    ],
  }),
  HDIR,
  'tb2026-hdir',
);

const fhiLetter = forAgency(
  letter({
    year: 2026,
    revision: 'fhi',
    assignments: [
      assignment('TB2026-8', {
        title: 'Folkehelse offentlig Foxtrot',
        body: 'Foxtrot gjelder registre.',
        lines: [10, 12],
      }),
      assignment('TB2026-9', {
        title: 'Folkehelse hemmelig Golf',
        body: 'Golf er unntatt.',
        confidential: true,
        lines: [14, 16],
      }),
    ],
  }),
  FHI,
  'tb2026-fhi',
);

/** Every way the fixture's confidential assignments (of Helsedirektoratet) can be told apart. */
export const CONFIDENTIAL_IDS = ['TB2026-5', 'TTB2026-2', 'RTB2025-3', 'OPP2026-7', 'TB2026-11'];
export const CONFIDENTIAL_TEXT = [
  'Alfa',
  'Bravo',
  'Charlie',
  'Delta',
  'Echo',
  'beredskapsplan',
  'Sikkerhetsgradert',
  'sårbarheter',
  'Golf',
  'Hemmelig notat',
];
/** Text that only Folkehelseinstituttet's letter (or its edits) contains. */
export const FHI_TEXT = ['Foxtrot', 'Golf', 'TB2026-8', 'TB2026-9'];
/** Text that only Helsedirektoratet's letter (or its edits) contains. */
export const HDIR_TEXT = ['fastleger', 'ventetider', 'TB2026-1"', 'TB2026-3', 'TB2026-6'];

/**
 * A regex for every spelling of an ID: any case, up to three spaces/hyphen-like characters between
 * its letter and number runs, leading zeros. Not anchored on the right beyond digits, so TB2026-5 does
 * not match TB2026-50 but does match «tb 2026 ‐ 05».
 */
export function idSpellings(id: string): RegExp {
  const runs = id.match(/\p{L}+|\p{N}+/gu) ?? [];
  const sep = '[\\s\\-‐‑‒–—―−_/.:]{0,3}';
  const src = runs.map((r) => (/^\d+$/.test(r) ? `0*${r.replace(/^0+(?=\d)/, '')}` : r)).join(sep);
  return new RegExp(`(?<![\\p{L}\\p{N}])${src}(?![\\p{N}])`, 'iu');
}

export type OrgKey = 'dep' | 'hdir' | 'fhi';
export interface Persona {
  name: string;
  org: OrgKey | null;
  side: Side | null;
  role: Role | null;
  exempt: boolean;
  via: 'session' | 'token' | 'none';
  headers: Record<string, string>;
  /** Headers for a write (session: CSRF token added). */
  writeHeaders: Record<string, string>;
}

export interface World {
  store: Db;
  auth: AuthDeps;
  app: OpenAPIHono<HttpEnv>;
  orgs: Record<OrgKey, OrganisationRow>;
  personas: Persona[];
  persona(name: string): Persona;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Run a use case as the register's local owner (sets up edits). */
  asOwner<N extends UseCaseName>(name: N, input: UseCaseInput<N>): Promise<unknown>;
  close(): Promise<void>;
}

export async function buildWorld(): Promise<World> {
  const store = await freshDb('pglite');
  const clock = () => NOW;
  const auth: AuthDeps = { db: store.db, clock, scrypt: CHEAP };
  const now = NOW.toISOString();
  const orgs: Record<OrgKey, OrganisationRow> = {
    dep: await insertOrganisation(store.db, { name: MINISTRY, side: 'departement', now }),
    hdir: await insertOrganisation(store.db, { name: HDIR, side: 'virksomhet', now }),
    fhi: await insertOrganisation(store.db, { name: FHI, side: 'virksomhet', now }),
  };
  await importResults(
    store.db,
    [
      { file: 'tb2026-hdir.txt', result: hdirLetter },
      { file: 'tb2026-fhi.txt', result: fhiLetter },
    ],
    { actor: 'import', clock },
  );
  const deps = { store, clock };
  const owner = localPrincipal('redaktør');
  const asOwner = <N extends UseCaseName>(name: N, input: UseCaseInput<N>) =>
    runUseCase(deps, owner, name, input);
  // Public edits that name confidential assignments, in every spelling people type.
  await asOwner('addNote', { id: 'TB2026-1', text: 'Må sees sammen med TB 2026 – 05 og opp2026-07.' });
  await asOwner('setOwner', { id: 'TB2026-3', person: 'Kari (også RTB‑2025‑3)' });
  await asOwner('changeDeadline', {
    id: 'TB2026-6',
    date: '2026-06-01',
    reason: 'Flyttet på grunn av ttb2026—2',
  });
  await asOwner('changeStatus', { id: 'TB2026-3', status: 'pågår', reason: 'Venter på Opp‑2026‑7' });
  // Edits on the confidential ones themselves.
  await asOwner('addNote', { id: 'TB2026-5', text: 'Hemmelig notat om Alfa' });
  await asOwner('changeStatus', { id: 'RTB2025-3', status: 'pågår', reason: 'Hemmelig notat Charlie' });
  await asOwner('setOwner', { id: 'OPP2026-7', person: 'Hemmelig notat Delta-eier' });
  await asOwner('addNote', { id: 'TB2026-8', text: 'Foxtrot-notat' });

  const app = createHttpApp({ store, clock, ...withAccounts(auth) });
  const request = (path: string, init: RequestInit = {}) =>
    Promise.resolve(
      app.request(`http://styr.test${path}`, init, {
        incoming: { socket: { remoteAddress: '10.0.0.1' } },
      }),
    );

  const hash = await hashPassword(PASSWORD, CHEAP);
  const personas: Persona[] = [
    {
      name: 'anonym',
      org: null,
      side: null,
      role: null,
      exempt: false,
      via: 'none',
      headers: {},
      writeHeaders: {},
    },
  ];
  const addPersona = async (
    name: string,
    org: OrgKey | null,
    role: Role,
    exempt: boolean,
    via: 'session' | 'token',
  ) => {
    const o = org ? orgs[org] : null;
    const user = await insertUser(store.db, {
      username: name,
      displayName: name,
      organisationId: o?.id ?? null,
      department: null,
      roles: [role],
      exemptAccess: exempt,
      passwordHash: hash,
      oidc: null,
      now,
    });
    let headers: Record<string, string>;
    let writeHeaders: Record<string, string>;
    if (via === 'session') {
      const s = await startSession(auth, user.id);
      headers = { cookie: `${SESSION_COOKIE}=${s.token}` };
      writeHeaders = { ...headers, 'x-csrf-token': s.csrfToken };
    } else {
      const t = await createApiToken(auth, principalFor(user, o), { name: 'integrasjon' });
      headers = { authorization: `Bearer ${t.token}` };
      writeHeaders = headers;
    }
    personas.push({ name, org, side: o?.side ?? null, role, exempt, via, headers, writeHeaders });
  };
  for (const org of ['dep', 'hdir', 'fhi'] as const)
    for (const role of ROLES)
      for (const exempt of [false, true])
        await addPersona(`${org}-${role}${exempt ? '-unntatt' : ''}`, org, role, exempt, 'session');
  await addPersona('hdir-integrasjon', 'hdir', 'saksbehandler', false, 'token');
  await addPersona('installasjon-admin', null, 'administrator', true, 'session');

  return {
    store,
    auth,
    app,
    orgs,
    personas,
    persona: (name) => {
      const p = personas.find((x) => x.name === name);
      if (!p) throw new Error(`no persona ${name}`);
      return p;
    },
    request,
    asOwner,
    close: () => store.close(),
  };
}

/** The example letter, rewritten as one from the ministry to Helsedirektoratet (its party check passes). */
export async function hdirExampleLetter(): Promise<Uint8Array> {
  const text = (await readFile('examples/tildelingsbrev-2026-friluftsdirektoratet.txt', 'utf8'))
    .replaceAll('KLIMA- OG FRILUFTSDEPARTEMENTET', 'HELSE- OG OMSORGSDEPARTEMENTET')
    .replaceAll('Klima- og friluftsdepartementet', 'Helse- og omsorgsdepartementet')
    .replaceAll('Friluftsdirektoratet', 'Helsedirektoratet');
  return new TextEncoder().encode(text);
}
