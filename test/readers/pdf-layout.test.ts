/** PDF layout rules on hand-placed text runs (no pdfjs), and reading order of a real two-column PDF. */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/adapters/readers/index.js';
import { layoutPages, type PageText } from '../../src/adapters/readers/pdf/layout.js';
import type { TextRun } from '../../src/adapters/readers/pdf/rows.js';
import { makeTwoColumnPdf } from '../helpers/make-documents.js';

/** A run of 10 pt Helvetica-ish text: 5 pt per character. */
function run(text: string, x: number, y: number, size = 10): TextRun {
  return { text, x, y, width: text.length * size * 0.5, size };
}

function page(runs: TextRun[], height = 842): PageText {
  return { width: 595, height, runs };
}

describe('rows and cells', () => {
  it('joins runs on one baseline, a word gap as a space, a wide gap as a tab', () => {
    const { lines } = layoutPages([
      page([
        run('Frist:', 50, 100),
        run('1. mars 2025', 83, 100),
        run('Kap.', 50, 112),
        run('Post', 100, 112),
        run('Navn', 150, 112),
      ]),
    ]);
    expect(lines).toEqual([' Frist: 1. mars 2025', 'Kap.\tPost\tNavn']);
  });

  it('keeps a raised footnote mark on its line and orders runs by x, not by drawing order', () => {
    const { lines } = layoutPages([
      page([run('omsorgstjenester', 98, 200), run('1', 178, 197, 6), run('helse- og', 50, 200)]),
    ]);
    expect(lines).toEqual([' helse- og omsorgstjenester1']);
  });

  it('puts a blank line where the vertical gap shows a paragraph break', () => {
    const { lines } = layoutPages([
      page([run('Første avsnitt.', 50, 100), run('Andre avsnitt.', 50, 130), run('fortsetter', 50, 142)]),
    ]);
    expect(lines).toEqual([' Første avsnitt.', '', 'Andre avsnitt.', 'fortsetter']);
  });

  it('places table rows with missing cells on the column grid', () => {
    const { lines } = layoutPages([
      page([
        run('Kap.', 50, 100),
        run('Post', 90, 100),
        run('Navn', 130, 100),
        run('Beløp', 300, 100),
        run('740', 50, 112),
        run('01', 90, 112),
        run('Driftsutgifter', 130, 112),
        run('1 538 891', 300, 112),
        // "Same chapter as above": the chapter cell is empty.
        run('21', 90, 124),
        run('Spesielle driftsutgifter', 130, 124),
        run('123 091', 310, 124),
        // A comment continuing in the last column only.
        run('fortsettelse', 300, 136),
      ]),
    ]);
    expect(lines).toEqual([
      ' Kap.\tPost\tNavn\tBeløp',
      '740\t01\tDriftsutgifter\t1 538 891',
      '\t21\tSpesielle driftsutgifter\t123 091',
      '\t\t\tfortsettelse',
    ]);
  });
});

describe('running headers, footers and page numbers', () => {
  const pages = [1, 2, 3].map((n) =>
    page([
      run('Tildelingsbrev 2025 – Helsedirektoratet', 50, 30, 8),
      run(`Tekst på side ${n}.`, 50, 120),
      run(`Mer tekst på side ${n}.`, 50, 132),
      run(`Side ${n} av 3`, 280, 810, 8),
    ]),
  );

  it('drops text repeated at the same place on most pages, and page numbers', () => {
    const { lines, pages: pageOf } = layoutPages(pages);
    expect(lines).toEqual([
      ' Tekst på side 1.',
      'Mer tekst på side 1.',
      ' Tekst på side 2.',
      'Mer tekst på side 2.',
      ' Tekst på side 3.',
      'Mer tekst på side 3.',
    ]);
    expect(pageOf).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('drops a bare page number at the bottom even of a single page, but keeps numbers in the text', () => {
    const { lines } = layoutPages([
      page([run('Beløp i tusen kroner:', 50, 100), run('2025', 50, 112), run('7', 290, 815)]),
    ]);
    expect(lines).toEqual([' Beløp i tusen kroner:', '2025']);
  });

  it('drops bare numbers that count the pages, not a year that happens to end a page', () => {
    const { lines } = layoutPages(
      [2, 3, 4].map((n) =>
        page([
          run(`Tekst på side ${n}.`, 50, 120),
          ...(n === 3 ? [run('2022', 50, 760)] : []),
          run(String(n), 290, 815),
        ]),
      ),
    );
    expect(lines).toEqual([' Tekst på side 2.', ' Tekst på side 3.', '', '2022', ' Tekst på side 4.']);
  });

  it('drops a header that changes with the chapter when it carries the page number', () => {
    const chapter = (n: number) => (n <= 2 ? 'Kapittel 2: Mål' : 'Kapittel 3: Budsjett');
    const { lines } = layoutPages(
      [1, 2, 3, 4].map((n) =>
        page([run(chapter(n), 50, 30, 8), run(String(n + 4), 500, 30, 8), run(`Innhold ${n}.`, 50, 120)]),
      ),
    );
    expect(lines).toEqual([' Innhold 1.', ' Innhold 2.', ' Innhold 3.', ' Innhold 4.']);
  });

  it('drops lower-case roman page numbers of front matter', () => {
    const { lines } = layoutPages([page([run('Forord', 50, 100), run('iii', 290, 815)])]);
    expect(lines).toEqual([' Forord']);
  });

  it('marks a page that starts with an empty table cell with a form feed', () => {
    const { lines } = layoutPages([
      page([run('740', 50, 100), run('01', 90, 100), run('Drift', 130, 100)]),
      page([
        run('21', 90, 100),
        run('Spesielle', 130, 100),
        run('740', 50, 112),
        run('01', 90, 112),
        run('Drift', 130, 112),
      ]),
    ]);
    expect(lines).toEqual([' 740\t01\tDrift', '\f\t21\tSpesielle', '740\t01\tDrift']);
  });
});

describe('two-column pages', () => {
  const left = [
    'Helsedirektoratet skal i 2025 videreutvikle',
    'arbeidet med nasjonale faglige retningslinjer',
    'og sørge for at disse er oppdatert og lett',
    'tilgjengelige for tjenestene. Direktoratet skal',
    'rapportere på fremdriften i årsrapporten for',
    'VENSTRE SLUTT på spalten her og nå ferdig.',
  ];
  const right = [
    'HØYRE START på den andre spalten med tekst',
    'som fortsetter nedover siden og beskriver',
    'oppdraget om digital samhandling mellom',
    'kommuner og sykehus. Frist for leveransen er',
    '1. oktober 2025, og direktoratet skal involvere',
    'relevante aktører i arbeidet på en god måte.',
  ];

  it('reads the left column to the end before the right column', async () => {
    const bytes = await makeTwoColumnPdf('3.4 Digitalisering og samhandling', left, right);
    const { rawLines } = await readDocument(bytes, 'spalter.pdf');
    expect(rawLines).toEqual([' 3.4 Digitalisering og samhandling', '', ...left, ...right]);
  });

  it('does not mistake a two-column table of short labels for text columns', () => {
    const labels = ['Kap.', 'Post', 'Navn', 'Beløp', 'Merknad', 'Sum'];
    const runs = labels.flatMap((label, i) => [
      run(label, 50, 100 + i * 12),
      run(`Verdi nummer ${i} i tabellen med en lang forklaring`, 320, 100 + i * 12),
    ]);
    const { lines } = layoutPages([page(runs)]);
    expect(lines[0]).toBe(' Kap.\tVerdi nummer 0 i tabellen med en lang forklaring');
    expect(lines).toHaveLength(6);
  });
});
