import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/adapters/http/server.js';
import type { Db } from '../../src/adapters/store/open.js';
import { FIXED_NOW, freshDb } from '../store/harness.js';

const TOKEN = 'local-secret-token';
let db: Db;

async function app() {
  db ??= await freshDb('pglite');
  return createHttpApp({ store: db, clock: () => FIXED_NOW, localToken: TOKEN });
}
const auth = { authorization: `Bearer ${TOKEN}`, 'x-styr-actor': 'kari' };

afterAll(async () => db?.close());

describe('HTTP API smoke', () => {
  it('imports by upload, lists, shows and changes status', async () => {
    const a = await app();
    const form = new FormData();
    for (const f of [
      'tildelingsbrev-2026-friluftsdirektoratet.txt',
      'tillegg-1-2026-friluftsdirektoratet.html',
    ])
      form.append('files', new File([await readFile(`examples/${f}`)], f));
    const up = await a.request('/api/documents', { method: 'POST', body: form, headers: auth });
    expect(up.status).toBe(201);
    const list = await a.request('/api/assignments?limit=2', { headers: auth });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { ref: string }[]; total: number; nextCursor: string };
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    const next = await a.request(`/api/assignments?limit=2&cursor=${body.nextCursor}`, { headers: auth });
    const page2 = (await next.json()) as { items: { ref: string }[] };
    expect(page2.items[0]?.ref).not.toBe(body.items[0]?.ref);
    const show = await a.request('/api/assignments/TB2026-02', { headers: auth });
    expect(show.status).toBe(200);
    const st = await a.request('/api/assignments/TB2026-01/status', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'pågår', reason: 'Startet' }),
    });
    expect(st.status).toBe(200);
    const missing = await a.request('/api/assignments/TB1999-1', { headers: auth });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const unauth = await a.request('/api/assignments');
    expect(unauth.status).toBe(401);
    const doc = await a.request('/api/openapi.json');
    const spec = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/assignments/{id}/status');
  }, 120_000);
});
