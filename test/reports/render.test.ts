/**
 * The DOCX and PDF renderers print the same report model: read each file back and find the rows, the
 * headings, the table of contents, repeated header rows, the document language and page numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/adapters/reports/docx.js';
import { renderPdf, winAnsi } from '../../src/adapters/reports/pdf.js';
import { buildReport } from '../../src/core/reports/build.js';
import type { Report } from '../../src/core/reports/model.js';
import { fact, facts } from './fixtures.js';
import { docxHtml, docxPart, docxText, pdfLines, pdfPageTexts } from './read-back.js';

/** Enough assignments in one department for the table to run over several pages. */
const report: Report = buildReport(
  'oppdrag',
  facts({
    assignments: [
      ...Array.from({ length: 45 }, (_, i) =>
        fact(`TB2026-${i + 1}`, {
          title: `Utrede tiltak nr. ${i + 1} for økt åpenhet – Ærlig og sårbar`,
          deadlines: [`2026-0${(i % 9) + 1}-15`],
        }),
      ),
      fact('TB2026-99', {
        departments: ['SHA'],
        status: 'levert',
        deadlines: ['2026-03-01'],
        answers: [{ text: 'Rapporten er oversendt', at: '2026-02-27T10:00:00Z' }],
        statusEvents: [{ from: 'ny', to: 'levert', at: '2026-02-27T10:00:00Z', reason: 'Levert' }],
      }),
    ],
  }),
);

let docx: Uint8Array;
let pdf: Uint8Array;
beforeAll(async () => {
  docx = await renderDocx(report);
  pdf = await renderPdf(report);
});

describe('DOCX', () => {
  it('has the rows, with Norwegian dates, and the headings as Word headings', async () => {
    const html = await docxHtml(docx);
    expect(html).toMatch(/<h1>(<a id="_Toc\d+"><\/a>)?Avdeling FHA<\/h1>/);
    expect(html).toMatch(/<h1>(<a id="_Toc\d+"><\/a>)?Avdeling SHA<\/h1>/);
    expect(html).toMatch(
      /<td><p>TB2026-99<\/p><\/td><td><p>Oppdrag TB2026-99<\/p><\/td><td><p>1\. mars 2026<\/p><\/td><td><p>levert<\/p><\/td><td><p>Rapporten er oversendt<\/p><\/td><td><p>27\. februar 2026<\/p><\/td>/,
    );
    const text = await docxText(docx);
    expect(text).toContain('Utrede tiltak nr. 45 for økt åpenhet – Ærlig og sårbar');
    expect(text).toContain('Rapportering på oppdrag');
  });

  it('marks header rows to repeat (mammoth reads them as <th>) and writes the TOC from the headings', async () => {
    const html = await docxHtml(docx);
    expect(html.match(/<thead><tr><th><p><strong>ID<\/strong><\/p><\/th>/g)).toHaveLength(2);
    const body = docxPart(docx, 'word/document.xml');
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    // The table of contents is written filled in, with the headings it lists.
    expect(body).toMatch(/Avdeling SHA<\/w:t>/);
    const footer = docxPart(docx, 'word/footer1.xml');
    expect(footer).toMatch(/side <\/w:t>.*PAGE.*av <\/w:t>.*NUMPAGES/s);
  });

  it('declares the language nb-NO in the styles', () => {
    const styles = docxPart(docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:lang w:val="nb-NO"/);
    expect(styles).toMatch(/w:styleId="Heading1"/);
  });
});

describe('PDF', () => {
  it('has the same rows, read back with the PDF reader', async () => {
    const lines = await pdfLines(pdf);
    expect(lines).toContain(
      'TB2026-99\tOppdrag TB2026-99\t1. mars 2026\tlevert\tRapporten er oversendt\t27. februar 2026',
    );
    expect(
      lines.some((l) => l.startsWith('TB2026-45\tUtrede tiltak nr. 45 for økt åpenhet – Ærlig og')),
    ).toBe(true);
  });

  it('repeats the table header on every page the table runs over, and numbers the pages', async () => {
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, p] of pages.entries()) {
      expect(p).toMatch(/ID\s+Oppdrag\s+Frist\s+Status\s+Virksomhetens svar\s+Levert/);
      expect(p).toContain(`side ${i + 1} av ${pages.length}`);
    }
  });

  it('is a tagged PDF in nb-NO with a structure tree and bookmarks for the headings', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('/Lang (nb-NO)');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/S /TH');
    expect(raw).toContain('/S /H1');
    expect(raw).toContain('/Outlines');
  });

  it('maps characters the standard font lacks, keeping æøå and dashes', () => {
    expect(winAnsi('Bø – 5 ≥ 3 ‐ à\u202fx → y ✓')).toBe('Bø – 5 >= 3 - à x -> y ?');
  });
});
