/** HTML and DOCX structure → raw lines: blocks, lists, tables, entities, hidden content. */
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { htmlToLines, orderedMarker } from '../../src/adapters/readers/html-lines.js';
import { readDocument } from '../../src/adapters/readers/index.js';

const html = (s: string) => htmlToLines(s, { whitespace: 'html' });

describe('HTML', () => {
  it('gives one line per block and drops scripts, styles and the head', () => {
    expect(
      html(`<!doctype html><html><head><title>Tittel</title><style>p{color:red}</style></head><body>
        <h1>1. Innledning</h1>
        <script>document.write('<p>skjult</p>')</script>
        <p>Helse- og omsorgsdepartementet
           viser til <b>Prop. 1 S</b> (2024&ndash;2025).</p>
        <div>Første<br>andre linje</div>
        <noscript>Slå på JavaScript</noscript>
      </body></html>`),
    ).toEqual([
      '1. Innledning',
      'Helse- og omsorgsdepartementet viser til Prop. 1 S (2024–2025).',
      'Første',
      'andre linje',
    ]);
  });

  it('skips menus, buttons and hidden elements of a web page', () => {
    expect(
      html(`<body><nav><ul><li>Forsiden</li><li>Dokumenter</li></ul></nav>
        <main><button>Skriv ut</button><h1>Tildelingsbrev 2025</h1>
        <div hidden><p>Skjult</p><div>dypere</div></div><p style="display: none">Også skjult</p>
        <span aria-hidden="true">ikon</span><p>Synlig tekst</p></main></body>`),
    ).toEqual(['Tildelingsbrev 2025', 'Synlig tekst']);
  });

  it('drops the back-links of footnotes the way mammoth writes them', () => {
    expect(
      html(
        '<p>Ouch<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p><ol><li id="footnote-1"><p>En fotnote. <a href="#footnote-ref-1">↑</a></p></li></ol>',
      ),
    ).toEqual(['Ouch[1].', '1. En fotnote.']);
  });

  it('decodes named and numeric entities', () => {
    expect(
      html('<p>Bl&aring;b&aelig;r &amp; &#248;l &#x2013; &lt;p&gt; &quot;sitat&quot;&nbsp;her</p>'),
    ).toEqual(['Blåbær & øl – <p> "sitat"\u00a0her']);
  });

  it('writes list items the way letters print them', () => {
    expect(
      html(`<ul><li>Ventetidene skal ned</li><li>Bedre samhandling<ol><li>kommunene</li><li>sykehusene</li></ol></li></ul>
        <ol start="3"><li>Tredje</li><li value="7">Sjuende</li></ol>
        <ol type="a"><li>første</li><li>andre</li></ol>`),
    ).toEqual([
      '• Ventetidene skal ned',
      '• Bedre samhandling',
      '1. kommunene',
      '2. sykehusene',
      '3. Tredje',
      '7. Sjuende',
      'a) første',
      'b) andre',
    ]);
  });

  it('writes ordered markers by nesting: 1. then a) then i.', () => {
    expect([
      orderedMarker(2, '', 1),
      orderedMarker(2, '', 2),
      orderedMarker(4, '', 3),
      orderedMarker(28, 'a', 1),
    ]).toEqual(['2.', 'b)', 'iv.', 'ab)']);
  });

  it('turns each table row into one tab-separated line, merged cells kept as empty cells', () => {
    expect(
      html(`<p>Tabell 1</p><table><thead><tr><th>Kap.</th><th>Post</th><th>Navn</th><th>Beløp</th></tr></thead>
        <tbody><tr><td>740</td><td>01</td><td><p>Driftsutgifter</p><p>(kan overføres)</p></td><td>1 538 891</td></tr>
        <tr><td></td><td>21</td><td>Spesielle driftsutgifter</td><td>123 091</td></tr>
        <tr><td colspan="3">Sum</td><td>1 661 982</td></tr></tbody></table><p>Etter tabellen</p>`),
    ).toEqual([
      'Tabell 1',
      'Kap.\tPost\tNavn\tBeløp',
      '740\t01\tDriftsutgifter (kan overføres)\t1 538 891',
      '\t21\tSpesielle driftsutgifter\t123 091',
      'Sum\t\t\t1 661 982',
      'Etter tabellen',
    ]);
  });

  it('flattens a nested table into its cell', () => {
    expect(
      html('<table><tr><td>A</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>'),
    ).toEqual(['A\tx y']);
  });

  it('keeps the lines of <pre>, without indentation (a leading space would mean a new page)', () => {
    expect(html('<pre>Kap. 740\n  post 01</pre>')).toEqual(['Kap. 740', 'post 01']);
  });

  it('reads a Windows-1252 page (æøå as single bytes)', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<html><body><p>Bl'),
      0xe5,
      ...new TextEncoder().encode('b'),
      0xe6,
      ...new TextEncoder().encode('r</p></body></html>'),
    ]);
    expect((await readDocument(bytes, 'side.html')).rawLines).toEqual(['Blåbær']);
  });
});

describe('DOCX', () => {
  async function docx(children: (Paragraph | Table)[]): Promise<Uint8Array> {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'nummerert',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
            ],
          },
        ],
      },
      sections: [{ children }],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  it('reads paragraphs, numbered lists, tabs and tables', async () => {
    const bytes = await docx([
      new Paragraph({ text: '3.2 Oppdrag', heading: 'Heading2' }),
      new Paragraph({ children: [new TextRun('Helsedirektoratet skal:')] }),
      new Paragraph({ text: 'utrede ordningen', numbering: { reference: 'nummerert', level: 0 } }),
      new Paragraph({ text: 'for kommunene', numbering: { reference: 'nummerert', level: 1 } }),
      new Paragraph({ text: 'for sykehusene', numbering: { reference: 'nummerert', level: 1 } }),
      new Paragraph({ text: 'rapportere', numbering: { reference: 'nummerert', level: 0 } }),
      new Paragraph({ children: [] }),
      new Paragraph({ children: [new TextRun('Frist:'), new TextRun({ text: '1. mars 2025', break: 0 })] }),
      new Paragraph({ children: [new TextRun('Kap.'), new TextRun({ children: ['\t', 'Post'] })] }),
      new Table({
        rows: [
          new TableRow({
            children: ['740', '01', 'Driftsutgifter'].map(
              (t) => new TableCell({ children: [new Paragraph(t)] }),
            ),
          }),
          new TableRow({
            children: ['', '21', 'Spesielle'].map((t) => new TableCell({ children: [new Paragraph(t)] })),
          }),
        ],
      }),
    ]);
    const { rawLines, format } = await readDocument(bytes, 'brev.docx');
    expect(format).toBe('docx');
    expect(rawLines).toEqual([
      '3.2 Oppdrag',
      'Helsedirektoratet skal:',
      '1. utrede ordningen',
      'a) for kommunene',
      'b) for sykehusene',
      '2. rapportere',
      '',
      'Frist:1. mars 2025',
      'Kap.\tPost',
      '740\t01\tDriftsutgifter',
      '\t21\tSpesielle',
    ]);
  });
});
