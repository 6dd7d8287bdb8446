/**
 * A local stand-in for the Kudos API (/api/v0) on 127.0.0.1, port 0: Laravel-paginated document
 * lists (newest first, per_page at most 50), document metadata and plain-text contents, in the shape
 * of test/fixtures/kudos/document.json. Faults are injected per path: a hang (the client must time
 * out), a 500, a dropped connection, or a body that is not the promised shape.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { agenciesFor, syntheticLetter } from '../../bench/synthetic-letters.js';

export interface StubDoc {
  meta: Record<string, unknown> & { uuid: string; type: string; publish_date: string };
  contents: string;
}

export interface Fault {
  match: RegExp;
  kind: 'hang' | '500' | 'reset' | 'garbage';
  /** How many matching requests fail; then they succeed. */
  times: number;
}

export interface KudosStub {
  url: string;
  requests: string[];
  faults: Fault[];
  docs: StubDoc[];
  close(): Promise<void>;
}

export const RECORDED = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'kudos', 'document.json'), 'utf8'),
) as { data: StubDoc['meta'] };

/** n fictional tildelingsbrev; document i is published i days after 2014-01-01 (higher i = newer). */
export function stubDocs(n: number): StubDoc[] {
  const agencies = agenciesFor(n);
  return Array.from({ length: n }, (_, i) => {
    const l = syntheticLetter(i, agencies);
    const day = new Date(Date.UTC(2014, 0, 1 + i)).toISOString().slice(0, 10);
    const org = (k: number) => String(900_000_000 + k);
    return {
      meta: {
        ...RECORDED.data,
        uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        title: `Tildelingsbrev til ${l.agency} for ${l.year}`,
        publish_date: `${day}T00:00:00.000000Z`,
        concerned_year_from: l.year,
        concerned_year_to: l.year,
        publishers: [{ name: l.ministry, org_number: org(l.ministry.length) }],
        owners: [],
        recipients: [{ name: l.agency, org_number: org(1000 + (i % agencies)) }],
      },
      contents: l.text,
    };
  });
}

export async function startKudosStub(docs: StubDoc[]): Promise<KudosStub> {
  const stub: Omit<KudosStub, 'url' | 'close'> = { requests: [], faults: [], docs };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    stub.requests.push(url.pathname + url.search);
    const fault = stub.faults.find((f) => f.times > 0 && f.match.test(url.pathname + url.search));
    if (fault) {
      fault.times--;
      if (fault.kind === 'hang') return; // never answers; the socket stays open until close()
      if (fault.kind === 'reset') return req.socket.destroy();
      if (fault.kind === '500') return void res.writeHead(500).end('Server Error');
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": 42}');
    }
    const send = (status: number, body: unknown) =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const m = /^\/api\/v0\/documents(?:\/([^/]+)(\/contents)?)?$/.exec(url.pathname);
    if (!m) return send(404, { message: 'Not Found' });
    if (m[1]) {
      const doc = stub.docs.find((d) => d.meta.uuid === m[1]);
      if (!doc) return send(404, { message: 'Not Found' });
      return send(200, { data: m[2] ? doc.contents : doc.meta });
    }
    const type = url.searchParams.get('type');
    const perPage = Math.min(50, Number(url.searchParams.get('per_page') ?? 15));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const all = stub.docs
      .filter((d) => !type || d.meta.type === type)
      .sort((a, b) => b.meta.publish_date.localeCompare(a.meta.publish_date));
    const data = all.slice((page - 1) * perPage, page * perPage).map((d) => ({
      uuid: d.meta.uuid,
      type: d.meta.type,
      title: d.meta.title,
      publish_date: d.meta.publish_date,
    }));
    send(200, {
      data,
      meta: {
        current_page: page,
        last_page: Math.max(1, Math.ceil(all.length / perPage)),
        per_page: perPage,
        total: all.length,
      },
      links: { first: null, last: null, prev: null, next: null },
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    ...stub,
    url: `http://127.0.0.1:${port}/api/v0`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
