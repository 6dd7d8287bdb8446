/**
 * "Statsbudsjettet 2026 – tildelingsbrev til Statens kystled" (fictional), in an older layout:
 * "Virksomhetsmål 1: …" with "Styringsparametre: a) …" each followed by its "Prestasjonskrav: …", and
 * "Resultatmål:"; confidentiality markings in five wordings; a report's date and a recalled deadline that
 * are no deadlines, an impossible deadline, an early deadline the text sets itself; prose budget notes
 * headed "Kap. 554, post 1" (post 01) with nested earmarks ("… hvorav … hvorav …"); an authorisation on
 * "kap. 554 post 01" against "kap. 3554, post 2".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../src/core/model/extraction.js';
import {
  codes,
  extractLetter,
  letterText,
  readBuilt,
  readLetter,
  records,
  replaced,
  withCode,
} from './helpers/letters.js';

const TXT = 'statsbudsjettet-2026-kystled.txt';
const HTML = 'statsbudsjettet-2026-kystled.html';

describe('Statsbudsjettet 2026 – tildelingsbrev til Statens kystled (text)', () => {
  let r: ExtractionResult;
  beforeAll(async () => {
    r = await readLetter(TXT);
  });

  it('takes type, year and recipient from the "Statsbudsjettet 2026 – tildelingsbrev til …" title', () => {
    expect(r.document).toMatchObject({
      type: 'tildelingsbrev',
      year: 2026,
      date: '2026-01-08',
      issuer: 'Kyst- og samferdselsdepartementet',
      recipient: 'Statens kystled',
      reference: '25/4402-31',
    });
  });

  it('reads "Virksomhetsmål" with their steering parameters, targets and result goals', () => {
    expect(
      r.goals.map((g) => [
        g.number,
        g.title,
        g.criteria.map((c) => c.text),
        g.steeringParameters.map((p) => p.text),
      ]),
    ).toEqual([
      [
        '1',
        'Trygg ferdsel i farledene',
        [],
        [
          'a) Antall grunnstøtinger med fartøy over 24 meter – Prestasjonskrav: Færre enn 40 i 2026.',
          'b) Andel losoppdrag startet til avtalt tid – Prestasjonskrav: Minst 97 prosent.',
        ],
      ],
      [
        '2',
        'Effektiv og miljøvennlig sjøtransport',
        [
          'Farledsprosjektene i Nasjonal transportplan gjennomføres etter vedtatt plan.',
          'Nye fyrlykter og merker bruker fornybar energi.',
        ],
        ['a) Gjennomsnittlig saksbehandlingstid for farledsbevis (dager) – Prestasjonskrav: Under 20 dager.'],
      ],
    ]);
  });

  it('reads every confidentiality wording, on a title or as the only text after an ID', () => {
    expect(r.assignments.map((a) => [a.id, a.title, a.confidential])).toEqual([
      ['TB2026-1', 'Tilstandsvurdering av fyrstasjoner', false],
      ['TB2026-2', 'Sårbarhetsanalyse for farledene inn til Bergen (U.off.)', true],
      ['TB2026-3', 'Digitale losbestillinger', false],
      ['TB2026-4', '', true],
      ['TB2026-5', '', true],
      ['TB2026-6', '', true],
      ['TB2026-7', '', true],
    ]);
  });

  it('keeps report dates and recalled deadlines out, warns about an impossible one', () => {
    expect(r.assignments.flatMap((a) => a.deadlines.map((d) => [a.id, d.date, d.precision]))).toEqual([
      ['TB2026-1', '2026-10-01', 'day'],
      ['TB2026-2', null, 'day'],
      // Before the letter's date (8 January), but the text sets it with "innen".
      ['TB2026-3', '2026-01-01', 'day'],
      ['TB2026-3', '2026-09-15', 'day'],
    ]);
    expect(codes(r)).toEqual([['deadline_date_invalid', 49]]);
  });

  it('reads the budget, its prose notes under "Kap. 554, post 1" and the nested earmarks', () => {
    expect(r.budgetLines.map((b) => [b.chapter, b.post, b.amounts, b.earmarks.map((e) => e.amount)])).toEqual(
      [
        ['554', '01', [1_184_600_000], []],
        ['554', '30', [412_000_000], [40_000_000, 20_000_000]],
        ['3554', '02', [312_500_000], []],
      ],
    );
    expect(r.budgetLines[0]?.comment).toBe(
      'Bevilgningen dekker lønn og drift av losstasjonene og trafikksentralene.',
    );
    expect(r.coverage.sums).toEqual({ found: 1, footing: 1, mismatched: 0, unchecked: 0 });
  });

  it('reads the authorisation on "kap. 554 post 01"', () => {
    expect(r.authorisations.map((x) => [x.kind, x.chapter, x.post])).toEqual([
      ['merinntektsfullmakt', '554', '01'],
    ]);
  });
});

describe('the same letter in other editions', () => {
  let text: ExtractionResult;
  beforeAll(async () => {
    text = await readLetter(TXT);
  });

  it('HTML (div letterhead, ordered lists with <br>, bold note headings) gives the same records', async () => {
    const html = await readLetter(HTML);
    expect(records(html)).toEqual(records(text));
    expect(html.warnings.map((w) => w.code)).toEqual(['deadline_date_invalid']);
  });

  it.each(['docx', 'pdf'] as const)('%s built from the text gives the same records', async (format) => {
    expect(records(await readBuilt(TXT, format))).toEqual(records(text));
  });
});

describe('damaged copies of the letter are reported', () => {
  const text = letterText(TXT);

  it('a nested earmark larger than its own parent', () => {
    const r = extractLetter(
      replaced(text, 'hvorav 5 mill. kroner til mudring', 'hvorav 15 mill. kroner til mudring'),
    );
    const w = withCode(r, 'earmarks_nested_mismatch');
    expect(w.map((x) => x.line)).toEqual([69]);
    expect(w[0]?.message).toContain('«12 mill. kroner til innseilingen til Bodø');
    expect(w[0]?.message).toContain('15 000 000 kr');
  });

  it('sibling earmarks that add up to more than their parent', () => {
    const r = extractLetter(replaced(text, '6 mill. kroner til Lofoten', '16 mill. kroner til Lofoten'));
    const w = withCode(r, 'earmarks_nested_mismatch');
    expect(w.map((x) => x.line)).toEqual([69]);
    expect(w[0]?.message).toContain('24 000 000 kr');
  });

  it('a chapter sum retyped: the rows of that chapter are named', () => {
    const r = extractLetter(replaced(text, '\t1 596 600', '\t1 569 600'));
    expect(withCode(r, 'budget_sum_mismatch').map((w) => w.message)).toEqual([
      '«Sum kap. 554», kolonne «Tildeling 2026» oppgir 1 569 600 000 kr, men radene over (kap. 554 post 01, 30) summerer til 1 596 600 000 kr (differanse -27 000 000 kr).',
    ]);
  });

  it('an exempt ID whose hyphen became a space is reported', () => {
    const r = extractLetter(replaced(text, 'TB2026-5 – Ikke', 'TB2026 5 – Ikke'));
    expect(r.assignments.map((a) => a.id)).not.toContain('TB2026-5');
    expect(withCode(r, 'assignment_id_unreadable').map((w) => w.line)).toEqual([57]);
  });
});

describe('"Virksomhetsmål" as a heading over unnumbered goals', () => {
  it("reads each bullet as a goal, the area's steering parameters on the first", () => {
    const r = extractLetter(
      [
        'Tildelingsbrev til Prøvetilsynet for 2026',
        '',
        '1 Innledning',
        '',
        'Brevet gir mål og rammer.',
        '',
        '2 Mål og resultatkrav',
        '',
        '2.1 Virksomhetsmål',
        '',
        '• Tilsynet bidrar til trygge produkter i markedet.',
        '• Tilsynet er kjent blant forbrukerne.',
        '',
        '2.2 Styringsparametre',
        '',
        '• Antall gjennomførte tilsyn',
        '• Andel saker behandlet innen fire uker',
      ].join('\n'),
    );
    expect(r.goals.map((g) => [g.number, g.title, g.section, g.steeringParameters.length])).toEqual([
      ['1', 'Tilsynet bidrar til trygge produkter i markedet.', '2.1', 2],
      ['2', 'Tilsynet er kjent blant forbrukerne.', '2.1', 0],
    ]);
  });
});
