/**
 * Reports and access: through the HTTP route and the use case, for personas with and without the
 * exempt grant. No confidential assignment (its ID in any spelling, or its text) reaches a viewer
 * without the grant in any report or format, also not through another assignment's text (a title, a
 * deadline-change reason, a status reason) that names it; a viewer with the grant gets it, marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS } from '../../src/core/reports/model.js';
import {
  buildWorld,
  CONFIDENTIAL_IDS,
  CONFIDENTIAL_TEXT,
  FHI_TEXT,
  idSpellings,
  type World,
} from '../http/world.js';
import { docxText, pdfLines } from './read-back.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 300_000);
afterAll(async () => w?.close());

function leaks(text: string): string[] {
  return [
    ...CONFIDENTIAL_IDS.filter((id) => idSpellings(id).test(text)),
    ...CONFIDENTIAL_TEXT.filter((t) => text.includes(t)),
  ];
}

async function get(persona: string, path: string): Promise<Response> {
  return w.request(path, { headers: w.persona(persona).headers });
}

describe('GET /api/reports/{kind}', () => {
  it('returns DOCX and PDF with their content type and a file name', async () => {
    const docx = await get('hdir-leser', '/api/reports/oppdrag?year=2026');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers.get('content-disposition')).toBe('attachment; filename="rapport-oppdrag-2026.docx"');
    const text = await docxText(new Uint8Array(await docx.arrayBuffer()));
    expect(text).toContain('Offentlig kartlegging av fastleger');

    const pdf = await get('hdir-leser', '/api/reports/avvik?year=2026&format=pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="rapport-avvik-2026.pdf"');
    const lines = await pdfLines(new Uint8Array(await pdf.arrayBuffer()));
    // TB2026-3's deadline (15 January) has passed on 1 March and it is not delivered.
    expect(lines).toContain('TB2026-3\tOffentlig kartlegging av fastleger\t15. januar 2026\tpågår');
  });

  it('asks for a login, and rejects an unknown kind or format in Norwegian', async () => {
    expect((await w.request('/api/reports/oppdrag?year=2026')).status).toBe(401);
    const kind = await get('hdir-leser', '/api/reports/statistikk?year=2026');
    expect(kind.status).toBe(400);
    expect(await kind.text()).toContain('Ukjent rapport');
    const format = await get('hdir-leser', '/api/reports/oppdrag?format=xlsx');
    expect(format.status).toBe(400);
    expect(await format.text()).toContain('Format må være docx, pdf eller json');
  });

  it.each(['dep-leser', 'hdir-saksbehandler', 'hdir-integrasjon', 'fhi-administrator'])(
    '%s (without the exempt grant) gets no confidential assignment in any report',
    async (persona) => {
      for (const kind of REPORT_KINDS) {
        const res = await get(persona, `/api/reports/${kind}?year=2026&format=json`);
        expect(res.status, kind).toBe(200);
        const body = await res.text();
        expect(leaks(body), `${persona} ${kind}`).toEqual([]);
        expect(body).toContain('Oppdrag unntatt offentlighet er ikke tatt med.');
      }
    },
  );

  it('keeps hidden IDs out of the printed files, also where public text names them', async () => {
    for (const kind of REPORT_KINDS) {
      for (const format of ['docx', 'pdf'] as const) {
        const res = await get('hdir-leser', `/api/reports/${kind}?year=2026&format=${format}`);
        const bytes = new Uint8Array(await res.arrayBuffer());
        const text = format === 'docx' ? await docxText(bytes) : (await pdfLines(bytes)).join('\n');
        expect(leaks(text), `${kind} ${format}`).toEqual([]);
        for (const t of FHI_TEXT) expect(text, `${kind} ${format}`).not.toContain(t);
      }
    }
    // The public assignments whose text names confidential ones are there, with the IDs redacted.
    const json = await (await get('hdir-leser', '/api/reports/oppdrag?year=2026&format=json')).text();
    expect(json).toContain('Følge opp [unntatt offentlighet] og [unntatt offentlighet]');
    const deviations = await (await get('hdir-leser', '/api/reports/avvik?year=2026&format=json')).text();
    expect(deviations).toContain('Flyttet på grunn av [unntatt offentlighet]');
  });

  it('gives a viewer with the grant the confidential assignments, marked', async () => {
    const res = await get('hdir-leser-unntatt', '/api/reports/oppdrag?year=2026&format=pdf');
    const lines = await pdfLines(new Uint8Array(await res.arrayBuffer()));
    expect(lines.join('\n')).toMatch(/TB2026-5\tHemmelig beredskapsplan Alfa \(unntatt offentlighet\)/);
    const json = await (await get('hdir-leser-unntatt', '/api/reports/oppdrag?year=2026&format=json')).text();
    expect(json).toContain('Oppdrag unntatt offentlighet er tatt med og merket (unntatt offentlighet).');
    expect(json).not.toContain('Foxtrot');
  });

  it('limits a ministry report to one agency with org', async () => {
    const json = await (
      await get('dep-leser', '/api/reports/oppdrag?year=2026&org=Folkehelse&format=json')
    ).text();
    expect(json).toContain('Foxtrot');
    expect(json).not.toContain('fastleger');
  });
});
