/** The Kudos client against the local stub: paging, validation, throttling, timeouts, backoff. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KudosClient, KudosError } from '../../src/adapters/kudos/client.js';
import { KudosDocument } from '../../src/adapters/kudos/schemas.js';
import { RECORDED, type KudosStub, startKudosStub, stubDocs } from '../support/kudos-stub.js';

let stub: KudosStub;
beforeAll(async () => {
  stub = await startKudosStub(stubDocs(120));
});
afterAll(() => stub.close());

const client = (o: Partial<ConstructorParameters<typeof KudosClient>[0]> = {}) =>
  new KudosClient({ baseUrl: stub.url, intervalMs: 0, timeoutMs: 2000, retries: 3, backoffMs: 10, ...o });

describe('Kudos client', () => {
  it('reads the recorded document shape: org numbers normalised, dates as days, unknown fields ignored', () => {
    const d = KudosDocument.parse(RECORDED).data;
    expect(d.publish_date).toBe('2026-01-15');
    expect(d.publishers[0]?.org_number).toBe('999000001');
    expect(d.recipients[0]?.org_number).toBe('999000002');
    expect(d.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(d)).not.toContain('extra_field_kudos_may_add');
  });

  it('pages newest first, 50 a page, with the query as parameters', async () => {
    stub.requests.length = 0;
    const p1 = await client().listDocuments({ type: 'Tildelingsbrev', from: 2020, to: 2025 }, 1);
    expect(p1.meta).toMatchObject({ current_page: 1, last_page: 3, per_page: 50, total: 120 });
    expect(p1.data[0]?.uuid).toBe('00000000-0000-4000-8000-000000000119');
    expect(stub.requests[0]).toContain('per_page=50');
    expect(stub.requests[0]).toContain('sort=-publish_date');
    expect(stub.requests[0]).toContain('concerned_year_from=2020');
    const doc = await client().document(p1.data[0]!.uuid);
    expect(doc.recipients[0]?.org_number).toMatch(/^\d{9}$/);
    expect(await client().contents(doc.uuid)).toContain('Tildelingsbrev til');
  });

  it('retries after a hang (timeout), a 500 and a dropped connection, then succeeds', async () => {
    stub.faults.push(
      { match: /000000000007$/, kind: 'hang', times: 1 },
      { match: /000000000007$/, kind: '500', times: 1 },
      { match: /000000000007$/, kind: 'reset', times: 1 },
    );
    stub.requests.length = 0;
    const d = await client({ timeoutMs: 300 }).document('00000000-0000-4000-8000-000000000007');
    expect(d.uuid).toBe('00000000-0000-4000-8000-000000000007');
    expect(stub.requests).toHaveLength(4);
  });

  it('gives up after its retries with a Norwegian reason, and does not retry a wrong shape', async () => {
    stub.faults.push({ match: /000000000008$/, kind: '500', times: 10 });
    await expect(client({ retries: 2 }).document('00000000-0000-4000-8000-000000000008')).rejects.toThrow(
      /Kudos svarte 500/,
    );
    stub.faults.length = 0;
    stub.faults.push({ match: /000000000009$/, kind: 'garbage', times: 5 });
    stub.requests.length = 0;
    const e = await client()
      .document('00000000-0000-4000-8000-000000000009')
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KudosError);
    expect((e as KudosError).message).toMatch(/Uventet svar fra Kudos/);
    expect(stub.requests).toHaveLength(1);
    stub.faults.length = 0;
    await expect(client().document('00000000-0000-4000-8000-999999999999')).rejects.toThrow(/404/);
  });

  it('spaces requests by the interval, also when callers run concurrently', async () => {
    const c = client({ intervalMs: 100 });
    const t0 = Date.now();
    await Promise.all([1, 2, 3, 4].map((p) => c.listDocuments({}, (p % 3) + 1)));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });
});
