/**
 * The same text as .txt, .pdf, .docx and .html must give the same lines and the same records.
 * The PDF, DOCX and HTML files are built here from seed text (test/helpers/make-documents.ts).
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentInput } from '../../src/adapters/readers/index.js';
import { readDocument } from '../../src/adapters/readers/index.js';
import { extract } from '../../src/core/extract/extract.js';
import type { ExtractionResult } from '../../src/core/model/extraction.js';
import { splitRawLines, toLines } from '../../src/core/text/lines.js';
import { makeDocx, makeHtml, makePdf } from '../helpers/make-documents.js';
import { withoutProvenance } from '../helpers/provenance.js';
import { seedText } from '../helpers/seeds.js';

const HEADER = 'Tildelingsbrev 2025 – Helsedirektoratet (testutgave)';

/** Line texts as the pipeline sees them; blank lines and empty trailing cells (a PDF cannot show them) left out. */
function texts(rawLines: readonly string[]): string[] {
  return toLines(rawLines)
    .map((l) => l.text.replace(/\t+$/, ''))
    .filter((t) => t !== '');
}

/** Records without provenance: line numbers differ between formats, the content must not. */
function content(result: ExtractionResult): unknown {
  return withoutProvenance({
    document: result.document,
    sections: result.sections,
    assignments: result.assignments,
    budgetLines: result.budgetLines,
  });
}

function textInput(text: string, name: string): DocumentInput {
  return {
    name,
    format: 'txt',
    rawLines: splitRawLines(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

interface Editions {
  txt: DocumentInput;
  pdf: DocumentInput;
  docx: DocumentInput;
  html: DocumentInput;
}

async function editions(lines: readonly string[], name: string, maxRowsPerPage?: number): Promise<Editions> {
  const [pdf, docx] = await Promise.all([
    makePdf(lines, { header: HEADER, ...(maxRowsPerPage ? { maxRowsPerPage } : {}) }),
    makeDocx(lines),
  ]);
  return {
    txt: textInput(lines.join('\n'), `${name}.txt`),
    pdf: await readDocument(pdf, `${name}.pdf`),
    docx: await readDocument(docx, `${name}.docx`),
    html: await readDocument(makeHtml(lines, name), `${name}.html`),
  };
}

describe('2025 letter, first 600 lines (11 pages, prose, bullets, assignments)', () => {
  const source = splitRawLines(seedText('tb2025')).slice(0, 600);
  let e: Editions;
  beforeAll(async () => {
    e = await editions(source, 'tb2025');
  });

  it('reads the same line texts from every format', () => {
    const want = texts(e.txt.rawLines);
    expect(want).toHaveLength(269);
    expect(want[0]).toBe('1. Innledning');
    expect(texts(e.pdf.rawLines)).toEqual(want);
    expect(texts(e.docx.rawLines)).toEqual(want);
    expect(texts(e.html.rawLines)).toEqual(want);
  });

  it('drops the PDF running header and page numbers', () => {
    expect(e.pdf.rawLines.some((l) => l.includes('testutgave'))).toBe(false);
    expect(e.pdf.rawLines.filter((l) => /^\s*\d+\s*$/.test(l))).toEqual([]);
  });

  it('keeps PDF page provenance: one space opens each page, pages[] names the page of each line', () => {
    const { rawLines, pages } = e.pdf;
    expect(pages).toHaveLength(rawLines.length);
    const starts = rawLines.filter((_, i) => i === 0 || pages![i] !== pages![i - 1]);
    // The seed opens pages with one space at lines 1, 42, 127, 170, 255, 334, 401, 414, 492, 501, 584.
    expect(starts.map((l) => l.trim().replace(/\s+/g, ' ').slice(0, 20))).toEqual([
      '1. Innledning',
      '2. Overordnede mål o',
      '• Videreutvikling av',
      '3. Hovedmål, styring',
      '3.1. Folkehelsearbei',
      '3.2. Befolkningen ha',
      'TB2025-3 Avd. HOD: F',
      'portefølje av tiltak',
      'I tillegg bes Helsed',
      '3. Forslag til pilot',
      'rammeverk for barn o',
    ]);
    expect(starts.every((l) => /^ \S/.test(l))).toBe(true);
    expect(Math.max(...pages!)).toBe(11);
    const lines = toLines(rawLines);
    expect(lines.filter((l) => l.pageStart)).toHaveLength(11);
  });

  it('has no page side information for DOCX and HTML', () => {
    expect(e.docx.pages).toBeUndefined();
    expect(e.html.pages).toBeUndefined();
  });

  it('extracts the same records from every format', () => {
    // The excerpt holds the assignments TB2025-1 … TB2025-7 (TB2025-3 opens a page, line 401).
    const ids = ['TB2025-1', 'TB2025-2', 'TB2025-3', 'TB2025-4', 'TB2025-5', 'TB2025-6', 'TB2025-7'];
    for (const input of [e.txt, e.pdf, e.docx, e.html])
      expect(extract(input).assignments.map((a) => a.id)).toEqual(ids);
    const want = content(extract(e.txt));
    expect(content(extract(e.pdf))).toEqual(want);
    expect(content(extract(e.docx))).toEqual(want);
    expect(content(extract(e.html))).toEqual(want);
  });

  it('turns DOCX bullet lists into "• item" lines', () => {
    expect(e.docx.rawLines).toContain(
      '• Meld. St. 15 (2022–2023) Folkehelsemeldingen – Nasjonal strategi for utjamning av',
    );
  });
});

describe('2024 letter, budget table (tab-separated rows with empty cells)', () => {
  // Lines 1120–1240 of the seed: "5.1 Budsjetttildelinger" and its table. The excerpt starts a page.
  const source = splitRawLines(seedText('tb2024')).slice(1119, 1240);
  source[0] = ` ${source[0]}`;
  let e: Editions;
  beforeAll(async () => {
    // 60 rows a page: the table goes over three pages, each with the running header to drop.
    e = await editions(source, 'tb2024-budsjett', 60);
  });

  it('reads the same cells from every format', () => {
    const want = texts(e.txt.rawLines);
    expect(want).toContain('Kap.\tPost\tNavn på post\tTildeling 2024\tKommentar');
    expect(texts(e.pdf.rawLines)).toEqual(want);
    expect(texts(e.docx.rawLines)).toEqual(want);
    expect(texts(e.html.rawLines)).toEqual(want);
  });

  it('puts a PDF row without chapter on the column grid: the empty first cell stays', () => {
    expect(e.pdf.rawLines).toContain(
      '\t21\tSpesielle driftsutgifter\t21 400\tØvrige oppgaver innen digitalisering',
    );
    // Row 1143: chapter and amount empty, the comment in the last column.
    expect(e.pdf.rawLines).toContain(
      '\t71\tTilskudd beredskapslagring smittevernustyr, kan overføres, kan nyttes under post 22\t\tAvvikles og overføres til 732.',
    );
  });

  it('keeps empty trailing cells of DOCX and HTML table rows', () => {
    expect(e.docx.rawLines).toContain('733\t21\tSpesielle driftsutgifter, kan nyttes under post 79\t\t');
    expect(e.html.rawLines).toContain('733\t21\tSpesielle driftsutgifter, kan nyttes under post 79\t\t');
  });

  it('extracts the same budget lines from every format', () => {
    // "Alle tall i hele tusen": the first row "701⇥21⇥Spesielle driftsutgifter⇥20 000" is 20 million kroner.
    for (const input of [e.txt, e.pdf, e.docx, e.html]) {
      expect(extract(input).budgetLines[0]).toMatchObject({
        chapter: '701',
        post: '21',
        amounts: [20_000_000],
      });
    }
    const want = content(extract(e.txt));
    expect(content(extract(e.pdf))).toEqual(want);
    expect(content(extract(e.docx))).toEqual(want);
    expect(content(extract(e.html))).toEqual(want);
  });
});
