/**
 * The second example: Tillegg nr. 1 to the fictional 2026 letter, an HTML page in a layout of its own
 * (a new TTB assignment with its department after the body, an unnumbered clarification
 * "Presisering av oppdrag TB2026-02 …", a withdrawal "Oppdrag TB2026-03 trekkes tilbake" and a budget
 * change whose labels and amounts sit in table cells). Values below are read from the example itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/adapters/readers/index.js';
import { extract } from '../src/core/extract/extract.js';
import type { ExtractionResult } from '../src/core/model/extraction.js';
import { EXAMPLES_DIR, extractText } from './helpers/seeds.js';

const FILE = join(EXAMPLES_DIR, 'tillegg-1-2026-friluftsdirektoratet.html');

describe('Tillegg nr. 1 til tildelingsbrev 2026 (example, HTML)', () => {
  let r: ExtractionResult;
  beforeAll(async () => {
    r = extract(await readDocument(new Uint8Array(readFileSync(FILE)), FILE));
  });

  it('reads the document as a supplementary letter of 2026 from the ministry to the agency', () => {
    expect(r.source.format).toBe('html');
    expect(r.document).toMatchObject({
      type: 'tillegg',
      year: 2026,
      date: '2026-03-14',
      issuer: 'Klima- og friluftsdepartementet',
      recipient: 'Friluftsdirektoratet',
      reference: '26/1234-19',
      title: 'Tillegg nr. 1 til tildelingsbrev 2026 – Friluftsdirektoratet',
    });
    expect(r.warnings).toEqual([]);
  });

  it('reads the new assignment TTB2026-1 with its department after the body and its deadline', () => {
    const a = r.assignments.find((x) => x.id === 'TTB2026-1');
    expect(a).toMatchObject({
      kind: 'supplement',
      departments: ['KLA'],
      title: 'Skredvarsling langs merkede vinterruter',
      references: [],
      lines: [10, 15],
    });
    expect(a?.deadlines.map((d) => [d.date, d.part, d.line])).toEqual([['2026-09-15', null, 14]]);
  });

  it('reads the clarification of TB2026-02 with the postponed deadline of sub-task b', () => {
    const a = r.assignments.find((x) => x.id === 'TB2026-02');
    expect(a).toMatchObject({
      kind: 'supplement',
      title: 'Veileder om tilrettelegging for personer med nedsatt funksjonsevne',
      references: [{ id: 'TB2026-02', relation: 'clarifies' }],
      lines: [17, 18],
    });
    expect(a?.deadlines.map((d) => [d.date, d.part, d.line])).toEqual([['2026-10-01', 'b', 18]]);
  });

  it('reads the withdrawal of TB2026-03, ending before the budget heading', () => {
    const a = r.assignments.find((x) => x.id === 'TB2026-03');
    expect(a).toMatchObject({
      kind: 'supplement',
      title: '',
      statusText: 'Oppdrag TB2026-03 trekkes tilbake',
      references: [{ id: 'TB2026-03', relation: 'changes' }],
      deadlines: [],
      lines: [19, 20],
    });
    expect(r.assignments.map((x) => x.id)).toEqual(['TTB2026-1', 'TB2026-02', 'TB2026-03']);
  });

  it('reads the budget change for kap. 1420 post 21 from the table cells', () => {
    expect(r.budgetLines.map((b) => [b.chapter, b.post, b.columns, b.amounts, b.lines])).toEqual([
      [
        '1420',
        '21',
        ['Tidligere tildeling', 'Ny tildeling', 'Sum tildelt'],
        [12_300_000, 2_500_000, 14_800_000],
        [22, 25],
      ],
    ]);
    expect(r.budgetLines[0]?.flags).toEqual(['kan_overfores']);
  });
});

describe('restating headers in other wordings', () => {
  const letter = (body: string[]) =>
    extractText(['Tillegg nr. 2 til tildelingsbrev 2026 for Prøvedirektoratet', '', ...body].join('\n'));

  it('"Endring i oppdrag …" changes; "Oppdrag … <tittel> utgår" withdraws with its title', () => {
    const r = letter([
      'Endring i oppdrag TB2026-04 Kartlegging av tilsynsbehovet',
      'Frist: 1. november 2026.',
      '',
      'Oppdrag TB2026-05 Revisjon av forskriften utgår.',
      'Departementet følger opp saken selv.',
    ]);
    expect(r.assignments.map((a) => [a.id, a.kind, a.title, a.references, a.statusText])).toEqual([
      [
        'TB2026-04',
        'supplement',
        'Kartlegging av tilsynsbehovet',
        [{ id: 'TB2026-04', relation: 'changes' }],
        null,
      ],
      [
        'TB2026-05',
        'supplement',
        'Revisjon av forskriften',
        [{ id: 'TB2026-05', relation: 'changes' }],
        'Oppdrag TB2026-05 Revisjon av forskriften utgår.',
      ],
    ]);
  });

  it('does not take a sentence about a clarification for a header', () => {
    const r = letter([
      'TTB2026-7 Tilsyn med badeplasser',
      'Presisering av oppdrag TB2026-02 er gitt i eget brev, og',
      'oppdraget gjelder ellers uendret.',
    ]);
    expect(r.assignments.map((a) => a.id)).toEqual(['TTB2026-7']);
  });
});
