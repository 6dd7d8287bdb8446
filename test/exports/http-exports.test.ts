/** Exports through the API, read back: what each viewer gets is what the list views would show it. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KRONER_FORMAT } from '../../src/adapters/exports/xlsx.js';
import { importResults } from '../../src/adapters/store/import.js';
import { buildWorld, CONFIDENTIAL_TEXT, hdirLetter, NOW, type World } from '../http/world.js';
import { parseCsv } from './csv-parse.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 300_000);
afterAll(async () => w?.close());

async function csvAs(persona: string, path: string): Promise<string[][]> {
  const res = await w.request(path, { headers: w.persona(persona).headers });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  // Response.text() would drop the byte-order mark: read the bytes.
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
}

async function xlsxAs(persona: string, path: string): Promise<ExcelJS.Worksheet> {
  const res = await w.request(path, { headers: w.persona(persona).headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('assignment exports', () => {
  it('leave confidential assignments out for a viewer without the exempt grant', async () => {
    const rows = await csvAs('hdir-leser', '/api/exports/assignments?format=csv');
    const [head, ...body] = rows;
    expect(head).not.toContain('Unntatt offentlighet');
    expect(body.map((r) => r[0]).sort()).toEqual(['TB2026-1', 'TB2026-3', 'TB2026-6']);
    const all = rows.flat().join('\n');
    for (const t of CONFIDENTIAL_TEXT) expect(all).not.toContain(t);
    const deadlineCol = head?.indexOf('Neste frist') ?? -1;
    expect(body.find((r) => r[0] === 'TB2026-3')?.[deadlineCol]).toBe('15.01.2026');
  });

  it('mark them for a viewer with the grant, and apply the list filters', async () => {
    const [head, ...body] = await csvAs('hdir-leser-unntatt', '/api/exports/assignments?format=csv');
    const col = head?.indexOf('Unntatt offentlighet') ?? -1;
    expect(col).toBeGreaterThan(0);
    expect(body.find((r) => r[0] === 'TB2026-5')?.[col]).toBe('Ja');
    expect(body.find((r) => r[0] === 'TB2026-1')?.[col]).toBe('Nei');
    const sha = await csvAs('hdir-leser-unntatt', '/api/exports/assignments?format=csv&department=SHA');
    expect(sha.slice(1).map((r) => r[0])).toEqual(['TB2026-5']);
  });

  it('write real dates in XLSX, with a frozen header and an autofilter', async () => {
    const ws = await xlsxAs('dep-leser', '/api/exports/assignments?sort=deadline');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:K${ws.rowCount}`); // no «Unntatt offentlighet» column without the grant
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const next = header.indexOf('Neste frist') + 1;
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe('TB2026-3');
    expect(first.getCell(next).value).toEqual(new Date('2026-01-15T00:00:00Z'));
    expect(ws.rowCount).toBe(1 + 4); // TB2026-1, -3, -6 and Folkehelseinstituttet's TB2026-8
  });
});

describe('budget and key figures', () => {
  it('export the budget with amounts as numbers in kroner', async () => {
    const ws = await xlsxAs('hdir-leser', '/api/exports/budget?year=2026');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Kapittel', 'Post', 'Navn', 'Tildelt 2026']);
    const cell = ws.getCell('D2');
    expect(cell.value).toBe(1_300_000_000);
    expect(cell.numFmt).toBe(KRONER_FORMAT);
    const csv = await csvAs('hdir-leser', '/api/exports/budget?format=csv');
    expect(csv[1]?.slice(0, 2)).toEqual(['740', '01']);
    expect(csv[1]?.at(-1)).toBe('1300000000');
  });

  it('refuses an unknown table and an anonymous client', async () => {
    const bad = await w.request('/api/exports/hemmelig', { headers: w.persona('hdir-leser').headers });
    expect(bad.status).toBe(400);
    expect((await w.request('/api/exports/budget')).status).toBe(401);
    const kf = await csvAs('hdir-leser', '/api/exports/key-figures?format=csv');
    expect(kf[0]?.slice(0, 4)).toEqual(['Rapport', 'Tabell', 'Nøkkeltall', 'Enhet']);
  });
});

async function createFeed(persona: string, body: unknown) {
  const p = w.persona(persona);
  return w.request('/api/calendar-feeds', {
    method: 'POST',
    headers: { ...p.writeHeaders, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function feedText(url: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await w.request(new URL(url).pathname);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** VEVENT blocks by UID. */
function eventsOf(ics: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of ics.split('BEGIN:VEVENT').slice(1)) {
    const uid = /UID:(.+)\r\n/.exec(block)?.[1];
    if (uid) out.set(uid, block);
  }
  return out;
}

describe('calendar feeds', () => {
  it('serve a personal feed without a session, in Europe/Oslo, all-day, with a reminder', async () => {
    const res = await createFeed('hdir-leser', { name: 'Min kalender' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { token: string; url: string; scope: string };
    expect(created.token).toMatch(/^styrcal_/);
    expect(created.scope).toBe('user');
    const feed = await feedText(created.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    expect(feed.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo');
    expect(feed.text).toContain('DTSTART;VALUE=DATE:20260310'); // TB2026-1
    expect(feed.text).toContain('BEGIN:VALARM');
    expect(feed.text).toContain('/oppdrag/TB2026-1');
    // Without the exempt grant: nothing of TB2026-5 (5 March), RTB2025-3 or their text.
    expect(feed.text).not.toContain('20260305');
    for (const t of CONFIDENTIAL_TEXT) expect(feed.text).not.toContain(t);
    expect(feed.text).not.toContain('Foxtrot'); // the other agency's letter
  });

  it('give the exempt grant its confidential deadlines, but never in an organisation feed', async () => {
    const own = (await (await createFeed('hdir-administrator-unntatt', { name: 'Min' })).json()) as {
      url: string;
    };
    expect((await feedText(own.url)).text).toContain('Alfa');
    const orgRes = await createFeed('hdir-administrator-unntatt', { name: 'Felles', organisation: true });
    expect(orgRes.status).toBe(201);
    const org = (await orgRes.json()) as { url: string; scope: string };
    expect(org.scope).toBe('organisation');
    const orgFeed = (await feedText(org.url)).text;
    expect(orgFeed).toContain('DTSTART;VALUE=DATE:20260310');
    for (const t of CONFIDENTIAL_TEXT) expect(orgFeed).not.toContain(t);
    expect((await createFeed('hdir-leser', { name: 'Felles', organisation: true })).status).toBe(403);
  });

  it('answer 404 for an unknown or revoked token, and audit creation and revocation', async () => {
    expect((await w.request('/api/calendar/styrcal_finnesikke.ics')).status).toBe(404);
    const p = w.persona('hdir-saksbehandler');
    const created = (await (await createFeed('hdir-saksbehandler', { name: 'Kortvarig' })).json()) as {
      id: number;
      url: string;
    };
    expect((await feedText(created.url)).status).toBe(200);
    const del = await w.request(`/api/calendar-feeds/${created.id}`, {
      method: 'DELETE',
      headers: p.writeHeaders,
    });
    expect(del.status).toBe(204);
    expect((await feedText(created.url)).status).toBe(404);
    const other = await w.request(`/api/calendar-feeds/${created.id}`, {
      method: 'DELETE',
      headers: w.persona('fhi-administrator').writeHeaders,
    });
    expect(other.status).toBe(404);
    const actions = await w.store.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity', '=', 'calendar_feed')
      .where('entity_id', '=', String(created.id))
      .orderBy('id')
      .execute();
    expect(actions).toEqual([
      { action: 'calendar_feed_create', actor: 'hdir-saksbehandler' },
      { action: 'calendar_feed_revoke', actor: 'hdir-saksbehandler' },
    ]);
  });

  it('keep each event’s UID when a new version of the letter moves the deadline', async () => {
    const created = (await (await createFeed('dep-leser', { name: 'Dep' })).json()) as { url: string };
    const before = eventsOf((await feedText(created.url)).text);
    const [uid, block] = [...before].find(([, b]) => b.includes('TB2026-1 ')) ?? [];
    expect(block).toContain('DTSTART;VALUE=DATE:20260310');
    const changed = {
      ...hdirLetter,
      source: { ...hdirLetter.source, name: 'tb2026-hdir-v2.txt' },
      document: { ...hdirLetter.document, sha256: 'f'.repeat(64) },
      assignments: hdirLetter.assignments.map((a) =>
        a.id === 'TB2026-1'
          ? {
              ...a,
              title: 'Følge opp ny plan',
              deadlines: [{ ...a.deadlines[0], date: '2026-04-20' } as never],
            }
          : a,
      ),
    };
    const r = await importResults(w.store.db, [{ file: 'tb2026-hdir-v2.txt', result: changed }], {
      actor: 'import',
      clock: () => NOW,
    });
    expect(r.map((x) => x.outcome)).toEqual(['new_version']);
    const after = eventsOf((await feedText(created.url)).text);
    expect(after.size).toBe(before.size);
    expect(after.get(uid ?? '')).toContain('DTSTART;VALUE=DATE:20260420');
    expect(after.get(uid ?? '')).toContain('Følge opp ny plan');
  });
});
