/**
 * The access-control matrix of issue 7: every read endpoint (taken from the generated OpenAPI document,
 * so a new route cannot be left out) × every role of a ministry and two agencies, with and without
 * the exempt grant, plus an anonymous client and a token-authenticated integration. It asserts the
 * status codes, that nothing of a confidential assignment reaches a viewer without the grant (IDs in
 * any spelling, text, revealing counts, internal ids, error messages), and that an agency never sees
 * the other agency's letters while the ministry sees both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USE_CASES } from '../../src/app/app.js';
import {
  buildWorld,
  hdirExampleLetter,
  CONFIDENTIAL_IDS,
  CONFIDENTIAL_TEXT,
  FHI_TEXT,
  HDIR_TEXT,
  idSpellings,
  type Persona,
  type World,
} from './world.js';

let w: World;
let letterForHdir: Uint8Array;

beforeAll(async () => {
  w = await buildWorld();
  letterForHdir = await hdirExampleLetter();
}, 300_000);
afterAll(async () => w?.close());

interface Probe {
  method: 'GET' | 'POST';
  path: string;
  body?: () => FormData | string;
  json?: unknown;
}

type Expect = (p: Persona) => number;

const signedIn = (p: Persona) => p.via !== 'none';
const isInstallation = (p: Persona) => p.via !== 'none' && p.org === null;
const isAdmin = (p: Persona) => p.role === 'administrator';
const canWrite = (p: Persona) => p.role === 'saksbehandler' || p.role === 'administrator';
const read: Expect = (p) => (signedIn(p) ? 200 : 401);
const adminOnly: Expect = (p) => (!signedIn(p) ? 401 : isAdmin(p) ? 200 : 403);
const installationOnly: Expect = (p) => (!signedIn(p) ? 401 : isInstallation(p) ? 200 : 403);

/** Which agency owns each assignment of the fixture, and whether it is confidential. */
const ASSIGNMENTS: Record<string, { agency: 'hdir' | 'fhi'; confidential: boolean }> = {
  'TB2026-1': { agency: 'hdir', confidential: false },
  'TB2026-3': { agency: 'hdir', confidential: false },
  'TB2026-6': { agency: 'hdir', confidential: false },
  'TB2026-5': { agency: 'hdir', confidential: true },
  'TTB2026-2': { agency: 'hdir', confidential: true },
  'RTB2025-3': { agency: 'hdir', confidential: true },
  'OPP2026-7': { agency: 'hdir', confidential: true },
  'TB2026-11': { agency: 'hdir', confidential: true },
  'TB2026-8': { agency: 'fhi', confidential: false },
  'TB2026-9': { agency: 'fhi', confidential: true },
};

function mayShow(p: Persona, id: string): boolean {
  const a = ASSIGNMENTS[id];
  if (!a) return false;
  const inScope = p.org === null || p.org === 'dep' || p.org === a.agency;
  return inScope && (!a.confidential || p.exempt);
}
const show =
  (id: string): Expect =>
  (p) =>
    !signedIn(p) ? 401 : mayShow(p, id) ? 200 : 404;

/** Dry-run upload: needs saksbehandler, and the organisation must be a party to the letter. */
const dryRun: Expect = (p) => (!signedIn(p) ? 401 : !canWrite(p) ? 403 : p.org === 'fhi' ? 403 : 200);

const get = (path: string): Probe => ({ method: 'GET', path });
const useCase = (name: string, json: unknown): Probe => ({
  method: 'POST',
  path: `/api/use-cases/${name}`,
  json,
});

/** Every GET of the OpenAPI document (plus the upload dry-run), with the probes and expected status. */
const ROUTES: Record<string, { probes: Probe[]; expect: Expect | ((p: Persona, probe: Probe) => number) }> = {
  'GET /api/assignments': {
    probes: [
      get('/api/assignments?limit=1000'),
      get('/api/assignments?text=2026'),
      get('/api/assignments?text=TB2026-5'),
      get('/api/assignments?status=snart%20forfall'),
      get('/api/assignments?owner=RTB'),
      get('/api/assignments?sort=deadline&order=desc&limit=2'),
    ],
    expect: read,
  },
  'GET /api/assignments/{id}': {
    probes: [...Object.keys(ASSIGNMENTS), 'TB1999-1', 'tb 2026-05', 'OPP2026-07', 'opp 2026-007'].map((id) =>
      get(`/api/assignments/${encodeURIComponent(id)}`),
    ),
    expect: (p, probe) => {
      const id = decodeURIComponent(probe.path.split('/').pop() ?? '');
      const canonical: Record<string, string> = {
        'tb 2026-05': 'TB2026-5',
        'OPP2026-07': 'OPP2026-7',
        'opp 2026-007': 'OPP2026-7',
      };
      return show(canonical[id] ?? id)(p);
    },
  },
  'GET /api/documents': { probes: [get('/api/documents')], expect: read },
  'POST /api/documents': {
    probes: [
      {
        method: 'POST',
        path: '/api/documents?dryRun=true',
        body: () => {
          const f = new FormData();
          f.append('files', new File([letterForHdir], 'tb2026-hdir-ny.txt'));
          return f;
        },
      },
    ],
    expect: dryRun,
  },
  'GET /api/search': {
    probes: ['Alfa', 'Echo', 'tb2026 5', 'Foxtrot', 'notat'].map((q) =>
      get(`/api/search?q=${encodeURIComponent(q)}`),
    ),
    expect: read,
  },
  'GET /api/deadlines': {
    probes: [get('/api/deadlines?withinDays=3660'), get('/api/deadlines?overdue=true')],
    expect: read,
  },
  'GET /api/budget': { probes: [get('/api/budget')], expect: read },
  'GET /api/stats': { probes: [get('/api/stats')], expect: read },
  'GET /api/overview': { probes: [get('/api/overview')], expect: read },
  'GET /api/goals': { probes: [get('/api/goals')], expect: read },
  'GET /api/key-figures': { probes: [get('/api/key-figures')], expect: read },
  'GET /api/calendar': { probes: [get('/api/calendar')], expect: read },
  'GET /api/audit': {
    probes: [get('/api/audit?limit=1000'), get('/api/audit?entity=assignment&limit=1000')],
    expect: adminOnly,
  },
  'GET /api/export': {
    probes: [get('/api/export'), get('/api/export?public=true')],
    expect: installationOnly,
  },
  'GET /api/reports/{kind}': {
    probes: [
      get('/api/reports/oppdrag?year=2026&format=json'),
      get('/api/reports/avvik?year=2026&format=json'),
      get('/api/reports/motegrunnlag?year=2026&format=json'),
      get('/api/reports/neste-brev?year=2026&format=json'),
      get('/api/reports/budsjettavstemming?year=2026&format=json'),
      get('/api/reports/oppdrag?year=2026&format=docx'),
    ],
    expect: read,
  },
  'GET /api/exports/{table}': {
    probes: [
      get('/api/exports/assignments?format=csv'),
      get('/api/exports/assignments?format=csv&text=TB2026-5'),
      get('/api/exports/assignments?format=xlsx'),
      get('/api/exports/budget?format=csv'),
      get('/api/exports/key-figures?format=csv'),
    ],
    expect: read,
  },
  'GET /api/calendar-feeds': { probes: [get('/api/calendar-feeds')], expect: read },
  // The token in the path is the credential: an unknown one is the same 404 for everyone.
  'GET /api/calendar/{token}.ics': {
    probes: [get('/api/calendar/styrcal_ukjent.ics'), get('/api/calendar/styr_ikke-en-kalender.ics')],
    expect: () => 404,
  },
  'GET /api/auth/me': { probes: [get('/api/auth/me')], expect: read },
  // Public: the login screen asks which sign-in methods exist; the answer names no user or data.
  'GET /api/auth/providers': { probes: [get('/api/auth/providers')], expect: () => 200 },
  // OIDC is not configured in this register: the same 404 for everyone.
  'GET /api/auth/oidc/login': { probes: [get('/api/auth/oidc/login')], expect: () => 404 },
  'GET /api/auth/oidc/callback': { probes: [get('/api/auth/oidc/callback')], expect: () => 404 },
  'GET /api/tokens': { probes: [get('/api/tokens')], expect: read },
  'GET /api/users': { probes: [get('/api/users')], expect: adminOnly },
  'GET /api/organisations': { probes: [get('/api/organisations')], expect: adminOnly },
};

/** The read use cases over the CLI transport, with the HTTP expectation of their route. */
const USE_CASE_PROBES: Record<
  string,
  { probes: Probe[]; expect: Expect | ((p: Persona, probe: Probe) => number) }
> = {
  listAssignments: { probes: [useCase('listAssignments', { limit: 1000 })], expect: read },
  showAssignment: {
    probes: ['TB2026-1', 'TB2026-5', 'TB2026-11', 'TB2026-8'].map((id) => useCase('showAssignment', { id })),
    expect: (p, probe) => show((probe.json as { id: string }).id)(p),
  },
  listDocuments: { probes: [useCase('listDocuments', {})], expect: read },
  search: { probes: [useCase('search', { q: 'Alfa' }), useCase('search', { q: 'TB2026-5' })], expect: read },
  deadlines: { probes: [useCase('deadlines', { withinDays: 3660 })], expect: read },
  budget: { probes: [useCase('budget', {})], expect: read },
  budgetYear: { probes: [useCase('budgetYear', {})], expect: read },
  stats: { probes: [useCase('stats', {})], expect: read },
  overview: { probes: [useCase('overview', {})], expect: read },
  dashboard: {
    probes: [useCase('dashboard', {}), useCase('dashboard', { year: 2026 })],
    expect: read,
  },
  goals: { probes: [useCase('goals', {})], expect: read },
  calendar: { probes: [useCase('calendar', {})], expect: read },
  keyFigures: { probes: [useCase('keyFigures', {})], expect: read },
  exportRegister: { probes: [useCase('exportRegister', { public: true })], expect: installationOnly },
  deadlineCalendar: {
    probes: [useCase('deadlineCalendar', {}), useCase('deadlineCalendar', { baseUrl: 'https://styr.test' })],
    expect: read,
  },
  exportTable: {
    probes: [useCase('exportTable', { table: 'assignments' }), useCase('exportTable', { table: 'budget' })],
    expect: read,
  },
  auditLog: { probes: [useCase('auditLog', { limit: 1000 })], expect: adminOnly },
  verifyAudit: { probes: [useCase('verifyAudit', {})], expect: installationOnly },
  report: {
    probes: [
      useCase('report', { kind: 'oppdrag', year: 2026 }),
      useCase('report', { kind: 'avvik', year: 2026, date: '2026-06-01' }),
    ],
    expect: read,
  },
};

async function call(p: Persona, probe: Probe): Promise<{ status: number; text: string; type: string }> {
  const headers: Record<string, string> = { ...(probe.method === 'GET' ? p.headers : p.writeHeaders) };
  let body: FormData | string | undefined;
  if (probe.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(probe.json);
  } else if (probe.body) body = probe.body();
  const res = await w.request(probe.path, { method: probe.method, headers, ...(body ? { body } : {}) });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

/** Object keys that carry an internal sequential id of an assignment. */
function internalIdKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => internalIdKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = Object.keys(o)
    .filter(
      (k) =>
        /^assignment_?id$/i.test(k) ||
        // An assignment object (it has a ref or a status and a title) carries no numeric id.
        (k === 'id' && typeof o[k] === 'number' && ('ref' in o || ('status' in o && 'title' in o))),
    )
    .map((k) => `${path}.${k}`);
  return [...own, ...Object.entries(o).flatMap(([k, v]) => internalIdKeys(v, `${path}.${k}`))];
}

function leaksIn(p: Persona, text: string): string[] {
  const found: string[] = [];
  const hidesConfidential = !p.exempt;
  if (hidesConfidential) {
    for (const id of CONFIDENTIAL_IDS) if (idSpellings(id).test(text)) found.push(id);
    for (const t of CONFIDENTIAL_TEXT) if (text.includes(t)) found.push(t);
  }
  // A derived ID is shown as the ID styr derived, never as its internal SYN key, to anyone.
  if (text.includes('SYN:')) found.push('SYN:');
  if (p.org === 'hdir') for (const t of FHI_TEXT) if (text.includes(t)) found.push(t);
  if (p.org === 'fhi') {
    for (const t of HDIR_TEXT) if (text.includes(t)) found.push(t);
    for (const id of CONFIDENTIAL_IDS) if (idSpellings(id).test(text)) found.push(id);
    for (const t of CONFIDENTIAL_TEXT.filter((x) => x !== 'Golf' && x !== 'Hemmelig notat'))
      if (text.includes(t)) found.push(t);
  }
  return found;
}

describe('the route table covers the API', () => {
  it('every GET in /api/openapi.json (and the upload) has probes', async () => {
    const res = await w.request('/api/openapi.json');
    const spec = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const reads = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m === 'get' || (m === 'post' && path === '/api/documents'))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(reads.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('every read use case has probes over POST /api/use-cases/{name}', () => {
    const readOnly = Object.entries(USE_CASES)
      .filter(([, uc]) => uc.readOnly)
      .map(([n]) => n);
    expect(readOnly.sort()).toEqual(Object.keys(USE_CASE_PROBES).sort());
  });
});

const PERSONAS = [
  'anonym',
  ...['dep', 'hdir', 'fhi'].flatMap((o) =>
    ['leser', 'saksbehandler', 'administrator'].flatMap((r) => [`${o}-${r}`, `${o}-${r}-unntatt`]),
  ),
  'hdir-integrasjon',
  'installasjon-admin',
];

describe.each(PERSONAS)('%s', (name) => {
  it('gets the expected status and sees nothing it may not, on every read endpoint', async () => {
    const p = w.persona(name);
    const failures: string[] = [];
    for (const [route, def] of [...Object.entries(ROUTES), ...Object.entries(USE_CASE_PROBES)]) {
      for (const probe of def.probes) {
        const r = await call(p, probe);
        const want = def.expect(p, probe);
        const label = `${route}: ${probe.method} ${probe.path}${probe.json ? ` ${JSON.stringify(probe.json)}` : ''}`;
        if (r.status !== want)
          failures.push(`${label}: status ${r.status}, expected ${want}: ${r.text.slice(0, 200)}`);
        if (r.status >= 400 && !r.type.includes('application/problem+json'))
          failures.push(`${label}: error without problem+json (${r.type})`);
        // The client's own words echoed back (the ID it asked for, in `detail` and `instance`) are no leak.
        const asked = decodeURIComponent(probe.path.split('/').pop() ?? '');
        const echo = (probe.json as { id?: string } | undefined)?.id ?? asked;
        let seen = r.text.replaceAll(echo, '').replaceAll(encodeURIComponent(echo), '');
        // The full backup carries the register's own keys, SYN ones included, so a restore rebuilds it.
        if (probe.path === '/api/export' && isInstallation(p)) seen = seen.replaceAll('SYN:', '');
        const leaks = leaksIn(p, seen);
        if (leaks.length > 0) failures.push(`${label}: leaks ${leaks.join(', ')}`);
        // A whole-register backup for the installation's administrator is the one place internal ids belong.
        // An import's assignment counts and lineage in the audit log would count the hidden assignments.
        if (!p.exempt && /audit/i.test(probe.path) && /"lineage"|"assignments":\{/.test(r.text))
          failures.push(`${label}: import counts of assignments in the audit log`);
        // Audit sequence numbers count the entries in between: only the whole log's reader gets them.
        if (r.text.includes('"seq":') && !(isInstallation(p) && p.exempt))
          failures.push(`${label}: audit sequence numbers`);
        if (r.type.includes('json') && !isInstallation(p)) {
          const ids = internalIdKeys(JSON.parse(r.text));
          if (ids.length > 0) failures.push(`${label}: internal ids at ${ids.slice(0, 3).join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

interface ListBody {
  items: { ref: string; status: string; derived: string | null; title: string }[];
  total: number;
}
interface StatsRow {
  assignmentsNew: number;
  assignmentsCarriedOver: number;
  assignmentsSupplement: number;
  perDepartment: Record<string, number>;
}
interface OverviewBody {
  assignments: number;
  byStatus: Record<string, number>;
  overdue: number;
  dueSoon: number;
  documents: { assignments: number }[];
}

describe.each(PERSONAS.filter((n) => n !== 'anonym'))('%s: counts', (name) => {
  it('totals, byStatus and stats are those of the visible assignments', async () => {
    const p = w.persona(name);
    const getJson = async <T>(path: string) => {
      const res = await w.request(path, { headers: p.headers });
      expect(res.status, path).toBe(200);
      return (await res.json()) as T;
    };
    const list = await getJson<ListBody>('/api/assignments?limit=1000');
    const refs = list.items.map((i) => i.ref).sort();
    const expected = Object.keys(ASSIGNMENTS)
      .filter((id) => mayShow(p, id))
      .sort();
    expect(refs).toEqual(expected);
    expect(list.total).toBe(expected.length);

    const byStatus: Record<string, number> = {};
    for (const i of list.items) byStatus[i.status] = (byStatus[i.status] ?? 0) + 1;
    const ov = await getJson<OverviewBody>('/api/overview');
    expect(ov.assignments).toBe(expected.length);
    expect(ov.byStatus).toEqual(byStatus);
    expect(ov.overdue).toBe(list.items.filter((i) => i.derived === 'forfalt').length);
    expect(ov.dueSoon).toBe(list.items.filter((i) => i.derived === 'snart forfall').length);
    expect(ov.documents.reduce((s, d) => s + d.assignments, 0)).toBe(expected.length);

    const st = await getJson<StatsRow[]>('/api/stats');
    const perStats = st.reduce(
      (s, r) => s + r.assignmentsNew + r.assignmentsCarriedOver + r.assignmentsSupplement,
      0,
    );
    expect(perStats).toBe(expected.length);
    const perDep = st.reduce((s, r) => s + Object.values(r.perDepartment).reduce((a, b) => a + b, 0), 0);
    expect(perDep).toBe(expected.length);

    const docs = await getJson<{ agency: string }[]>('/api/documents');
    const agencies = docs.map((d) => d.agency).sort();
    expect(agencies).toEqual(
      p.org === 'hdir'
        ? ['Helsedirektoratet']
        : p.org === 'fhi'
          ? ['Folkehelseinstituttet']
          : ['Folkehelseinstituttet', 'Helsedirektoratet'],
    );
  }, 120_000);
});

describe('no oracle: a filter or search on a hidden ID finds nothing through public text', () => {
  it.each(['hdir-leser', 'dep-administrator', 'hdir-integrasjon'])(
    '%s',
    async (name) => {
      const p = w.persona(name);
      const total = async (path: string) => {
        const res = await w.request(path, { headers: p.headers });
        expect(res.status, path).toBe(200);
        const body = (await res.json()) as { total?: number } | unknown[];
        return Array.isArray(body) ? body.length : (body.total ?? -1);
      };
      // TB2026-3's owner is «Kari (også RTB‑2025‑3)»; TB2026-1's body names «tb2026 − 5».
      expect(await total(`/api/assignments?owner=${encodeURIComponent('RTB‑2025')}`)).toBe(0);
      expect(await total('/api/assignments?owner=Kari')).toBe(1);
      expect(await total(`/api/search?q=${encodeURIComponent('RTB2025-3')}`)).toBe(0);
      expect(await total(`/api/search?q=${encodeURIComponent('TB2026-5')}`)).toBe(0);
      const exempt = w.persona('hdir-leser-unntatt');
      const res = await w.request(`/api/assignments?owner=${encodeURIComponent('RTB‑2025')}`, {
        headers: exempt.headers,
      });
      expect(((await res.json()) as { total: number }).total).toBe(1);
    },
    120_000,
  );
});
