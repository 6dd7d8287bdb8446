/**
 * Markdown input: the same letter as .txt and as .md (written the way PDF converters write it) must give
 * the same records. The Markdown editions are built from the seed text in test/helpers/make-documents.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectFormat, readDocument } from '../../src/adapters/readers/index.js';
import { markdownToLines } from '../../src/adapters/readers/markdown.js';
import { extract } from '../../src/core/extract/extract.js';
import type { ExtractionResult } from '../../src/core/model/extraction.js';
import { splitRawLines, toLines } from '../../src/core/text/lines.js';
import { makeMarkdown } from '../helpers/make-documents.js';
import { withoutProvenance } from '../helpers/provenance.js';
import { SEED, type SeedKey, seedText } from '../helpers/seeds.js';

/** Every record and warning code, without provenance: line numbers differ between formats. */
function content(result: ExtractionResult): unknown {
  const { schemaVersion: _v, source: _s, warnings, ...records } = result;
  return withoutProvenance({ ...records, warnings: warnings.map((w) => w.code) });
}

function textResult(text: string, name: string): ExtractionResult {
  return extract({
    name,
    format: 'txt',
    rawLines: splitRawLines(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  });
}

describe('Markdown reader, line by line', () => {
  it('unwraps headings, emphasis, links, escapes and bullets; drops images, comments and rules', () => {
    const md = [
      '# 1 Innledning',
      '## 2.1 Folkehelse ##',
      'Departementet viser til **Prop. 1 S** og *Innst. 11 S*, se [regjeringen.no](https://www.regjeringen.no/x_(y)).',
      '![Logo](media/logo.png)',
      '<!-- PageHeader="Tildelingsbrev 2026" -->',
      '- Første punkt med `kode`',
      '* Andre punkt',
      '> Sitert tekst',
      '1\\. Ikke en liste \\*stjerne\\* og \\_under\\_',
      '---',
      'Overskrift',
      '====',
      'Se <https://lovdata.no> og e-post &amp; telefon.',
    ].join('\n');
    expect(markdownToLines(md).lines).toEqual([
      '1 Innledning',
      '2.1 Folkehelse',
      'Departementet viser til Prop. 1 S og Innst. 11 S, se regjeringen.no.',
      '',
      '',
      '• Første punkt med kode',
      '• Andre punkt',
      'Sitert tekst',
      '1. Ikke en liste *stjerne* og _under_',
      '',
      'Overskrift',
      '',
      'Se https://lovdata.no og e-post & telefon.',
    ]);
  });

  it('reads a pipe table as tab-separated rows, the header next to the first row', () => {
    const md = [
      'Alle tall i hele tusen kroner',
      '',
      '| Kap. | Post | Navn på post | Tildeling 2026 |',
      '|-----:|:----:|--------------|---------------:|',
      '| 0741 | 01 | **Driftsutgifter** | 512 300 |',
      '|  | 21 | Spesielle driftsutgifter,<br>kan overføres | 14 250 |',
      '| | 70 | Tilskudd \\| ordninger | 3 000 |',
    ].join('\n');
    const { lines } = markdownToLines(md);
    expect(lines).toEqual([
      'Alle tall i hele tusen kroner',
      '',
      '',
      'Kap.\tPost\tNavn på post\tTildeling 2026',
      '0741\t01\tDriftsutgifter\t512 300',
      '\t21\tSpesielle driftsutgifter, kan overføres\t14 250',
      '\t70\tTilskudd | ordninger\t3 000',
    ]);
  });

  it('blanks an empty header row and reads tables written without outer pipes', () => {
    const md = ['|  |  |  |', '|---|---|---|', '| ID | Avdeling | Tittel |', '', 'a | b', '--|--', '1 | 2'];
    expect(markdownToLines(md.join('\n')).lines).toEqual([
      '',
      '',
      'ID\tAvdeling\tTittel',
      '',
      '',
      'a\tb',
      '1\t2',
    ]);
  });

  it('turns page markers into page starts and gives each line its page', () => {
    const md = [
      'Første side',
      '<!-- PageBreak -->',
      'Andre side',
      '{2}------------------------------------------------',
      '|  | 21 | Drift |',
    ];
    const read = markdownToLines(md.join('\n'));
    expect(read.lines).toEqual(['Første side', '', ' Andre side', '', '\f\t21\tDrift']);
    expect(read.pages).toEqual([1, 1, 2, 2, 3]);
    expect(
      toLines(read.lines)
        .filter((l) => l.pageStart)
        .map((l) => l.text),
    ).toEqual(['Andre side', '\t21\tDrift']);
  });

  it('reads an HTML table inside Markdown, a row on the line of its <tr>', () => {
    const md = [
      'Alle tall i hele tusen kroner',
      '<table>',
      '<tr><th>Kap.</th><th>Post</th><th>Betegnelse</th><th>Tildeling</th></tr>',
      '<tr><td>3350</td><td>21</td><td>Spesielle driftsutgifter,<br>kan overføres</td>',
      '<td><b>8 750</b></td></tr>',
      '</table>',
      '<table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table>',
      'Neste avsnitt',
    ];
    expect(markdownToLines(md.join('\n')).lines).toEqual([
      'Alle tall i hele tusen kroner',
      '',
      'Kap.\tPost\tBetegnelse\tTildeling',
      '3350\t21\tSpesielle driftsutgifter, kan overføres\t8 750',
      '',
      '',
      'A\t1',
      'B\t2',
      'Neste avsnitt',
    ]);
  });

  it('keeps the text of a fenced block as it is', () => {
    expect(markdownToLines('```\n# ikke overskrift\n```').lines).toEqual(['', '# ikke overskrift', '']);
  });
});

describe('choosing the Markdown reader', () => {
  const md = new TextEncoder().encode('# Tittel\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
  it('picks it by extension and by content, and never for plain letters', async () => {
    expect(detectFormat(md, 'brev.md')).toBe('md');
    expect(detectFormat(md, 'brev.markdown')).toBe('md');
    expect((await readDocument(md, 'brev.txt')).format).toBe('md');
    expect((await readDocument(md, 'brev')).format).toBe('md');
    for (const key of Object.keys(SEED) as SeedKey[]) {
      const bytes = new TextEncoder().encode(seedText(key));
      expect((await readDocument(bytes, SEED[key])).format).toBe('txt');
    }
  });
});

describe('the seeds as Markdown give the same records as the text', () => {
  for (const key of Object.keys(SEED) as SeedKey[]) {
    it(`${key}`, async () => {
      const text = seedText(key);
      const md = await readDocument(makeMarkdown(splitRawLines(text)), `${key}.md`);
      expect(md.format).toBe('md');
      const want = textResult(text, `${key}.txt`);
      const got = extract(md);
      expect(got.assignments.length + got.budgetLines.length).toBeGreaterThan(50);
      expect(content(got)).toEqual(content(want));
    });
  }
});
