/**
 * Reports from a register with a real allocation letter imported (the 2025 seed letter): concrete
 * rows of the status appendix (also read back from DOCX and PDF), the meeting brief's period from the
 * letter's own steering calendar, and next year's draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/adapters/reports/docx.js';
import { renderPdf } from '../../src/adapters/reports/pdf.js';
import type { Db } from '../../src/adapters/store/open.js';
import { importResults } from '../../src/adapters/store/import.js';
import { runUseCase } from '../../src/app/app.js';
import { localPrincipal } from '../../src/app/principal.js';
import type { Report } from '../../src/core/reports/model.js';
import { seed } from '../helpers/seeds.js';
import { freshDb } from '../store/harness.js';
import { rowsOf } from './fixtures.js';
import { docxText, pdfLines } from './read-back.js';

const clock = () => new Date('2025-06-01T10:00:00Z');
let store: Db;
const report = (input: Record<string, unknown>) =>
  runUseCase({ store, clock }, localPrincipal('tester'), 'report', input) as Promise<Report>;

beforeAll(async () => {
  store = await freshDb('pglite');
  await importResults(store.db, [{ file: '003', result: seed('tb2025') }], { actor: 'import', clock });
}, 120_000);
afterAll(async () => store?.close());

describe('reports from the 2025 seed letter', () => {
  it('status appendix: every assignment of the year, with deadlines and derived status', async () => {
    const r = await report({ kind: 'oppdrag', year: 2025 });
    const rows = rowsOf(r);
    expect(rows.length).toBeGreaterThanOrEqual(72);
    expect(rows).toContain(
      'TB2025-2 | Vaksinasjonsprogram for voksne og risikogrupper | 14. mars 2025 | ny (forfalt) |  | –',
    );
    expect(rows).toContain(
      'TB2025-49 | Informasjonsforvaltning, kodeverk og terminologi | 15. juni 2025 | ny |  | –',
    );
    const docx = await docxText(await renderDocx(r));
    expect(docx).toContain('Vaksinasjonsprogram for voksne og risikogrupper');
    const pdf = await pdfLines(await renderPdf(r));
    expect(pdf).toContain(
      'TB2025-49\tInformasjonsforvaltning, kodeverk og terminologi\t15. juni 2025\tny\t\t–',
    );
  });

  it('meeting brief: the period starts at the previous steering meeting in the letter’s calendar', async () => {
    const r = await report({ kind: 'motegrunnlag', year: 2025 });
    expect(r.blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'Perioden er fra 3. april 2025 til 1. juni 2025.',
    });
    expect(rowsOf(r)).toContain(
      'TB2025-2 | Vaksinasjonsprogram for voksne og risikogrupper | 14. mars 2025 | ny',
    );
  });

  it('next year’s draft: calendar a year on, budget as a starting point, open assignments carried over', async () => {
    const r = await report({ kind: 'neste-brev', year: 2025 });
    const rows = rowsOf(r);
    expect(rows).toContain('3. april 2026 | Etatsstyringsmøte (Hos Helsedirektoratet) | Må bekreftes');
    expect(rows).toContain('701 | 21 | Spesielle driftsutgifter | 30 000 000 kr | ');
    expect(rows.filter((x) => x.endsWith('| Videreføres')).length).toBeGreaterThanOrEqual(70);
  });
});
