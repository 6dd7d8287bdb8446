import { describe, expect, it } from 'vitest';
import { findSections } from '../src/core/extract/sections.js';
import type { Section } from '../src/core/model/extraction.js';
import { toLines } from '../src/core/text/lines.js';
import { extractText, seed } from './helpers/seeds.js';

const top = (s: readonly Section[]) => s.filter((x) => x.level === 1).map((x) => `${x.number} ${x.title}`);
const byNumber = (s: readonly Section[], n: string) => s.filter((x) => x.number === n);

describe('findSections: 2024 letter (table of contents, HTML export)', () => {
  const { sections, warnings } = seed('tb2024');
  it('lists the top-level sections', () => {
    expect(top(sections)).toEqual([
      '1 Innledning',
      '2 Mål, styringsparametere og oppdrag',
      '3 Internasjonalt samarbeid',
      '4 Føringer',
      '5 Budsjetttildelinger og fullmakter',
      '6 Styringsdialog',
    ]);
    expect(sections).toHaveLength(47);
    expect(warnings.filter((w) => w.code === 'section_gap')).toEqual([]);
  });
  it('gives subsections their line ranges', () => {
    expect(byNumber(sections, '2.1.1')).toEqual([
      {
        number: '2.1.1',
        title: 'Mål, vurderingskriterier, styringsparametere og nøkkeltall',
        level: 3,
        lines: [144, 193],
      },
    ]);
    expect(byNumber(sections, '2.1')[0]!.lines).toEqual([142, 325]);
    expect(byNumber(sections, '5.1')[0]).toMatchObject({ title: 'Budsjetttildelinger', lines: [1126, 1231] });
    // The last section stops before the closing "Med hilsen" (line 1373).
    expect(byNumber(sections, '6.2')[0]).toMatchObject({ title: 'Styringskalender', lines: [1359, 1371] });
    expect(byNumber(sections, '4.2.1')[0]!.title).toBe(
      'Virksomheten skal ha kontinuitetsplan for bortfall av strøm, IKT, e-kom og vann',
    );
  });
  it('turns no TOC line, numbered list item or personnel-authorisation item into a section', () => {
    const firstLines = new Set(sections.map((s) => s.lines[0]));
    // TOC "1⇥Innledning⇥3" (26), "2.1.1⇥Mål, … .....⇥4" (32), "6.2⇥Styringskalender.....⇥63" (95)
    for (const l of [26, 32, 95]) expect(firstLines.has(l)).toBe(false);
    // "1. God helse og mestring …" (105), "1. Helsedirektoratet skal utarbeide utkast …" (371),
    // "1. Ansettelser, opprettelse av stillinger …" (1316), "1.1. Ansettelser, fullmakt …" (1318),
    // "2.1 Departementet foretar ansettelser …" (1328)
    for (const l of [105, 371, 1316, 1318, 1328]) expect(firstLines.has(l)).toBe(false);
  });
});

describe('findSections: 2022 bundle (no table of contents, budget rows, appended letters)', () => {
  const { sections, warnings } = seed('tb2022');
  it('lists the top-level sections of the main letter only', () => {
    expect(top(sections)).toEqual([
      '1 Innledning',
      '2 Mål, styringsparametere, bevilgninger og oppdrag per område',
      '3 Øvrige økonomiske rammer',
      '4 Styringsdialogen',
      '5 Føringer',
    ]);
    expect(sections).toHaveLength(47);
    expect(warnings.filter((w) => w.code === 'section_gap')).toEqual([]);
  });
  it('joins a heading wrapped before a capitalised word and gives ranges', () => {
    expect(byNumber(sections, '4.1')[0]).toMatchObject({
      title: 'Føringer for styringsdialogen mellom departementet og Helsedirektoratet',
      lines: [2692, 2735],
    });
    expect(byNumber(sections, '1.4')[0]).toMatchObject({ title: 'Tildelinger 2022', lines: [126, 169] });
    expect(byNumber(sections, '4.4')[0]).toMatchObject({
      title: 'Årshjul for budsjett- og regnskapsprosesser',
      lines: [2785, 2848],
    });
    // The main letter closes with "Med hilsen" at 3014: its last section ends before it.
    expect(byNumber(sections, '5.3')[0]).toMatchObject({
      title: 'Tilskuddsforvaltning',
      lines: [2954, 3004],
    });
  });
  it('turns no budget row or supplement list item into a section', () => {
    const firstLines = new Set(sections.map((s) => s.lines[0]));
    // "21 Spesielle driftsutgifter, kan overføres 38 014 37 665" (134), "61 Vertskommunetilskudd …" (770),
    // "1. Statusrapport" in TTB2022-7 (3364), "1 Dataregistrering I tråd med …" (4520)
    for (const l of [134, 770, 3364, 4520]) expect(firstLines.has(l)).toBe(false);
    expect(sections.every((s) => s.lines[1] < 3014)).toBe(true);
  });
});

describe('findSections: 2025 letter (dotted numbers, double spacing, appendices)', () => {
  const { sections, warnings } = seed('tb2025');
  it('lists the top-level sections and appendices', () => {
    expect(top(sections)).toEqual([
      '1 Innledning',
      '2 Overordnede mål og prioriteringer',
      '3 Hovedmål, styringsparametere, nøkkeltall og oppdrag',
      '4 Budsjettildeling',
      '5 Styring og kontroll i virksomheten',
      '6 Styringsdialog og rapportering',
      'Vedlegg I Styrings- og rapporteringskalender 2025',
      'Vedlegg II Fullmakter',
      'Vedlegg III Særskilt rapportering 2025',
      'Vedlegg IV Oppdrag unntatt offentlighet',
    ]);
    expect(sections.filter((s) => s.level === 2 && s.number.startsWith('3.'))).toHaveLength(13);
    expect(warnings.filter((w) => w.code === 'section_gap')).toEqual([]);
  });
  it('joins headings wrapped over two and three lines', () => {
    expect(byNumber(sections, '3.2')[0]).toEqual({
      number: '3.2',
      title: 'Befolkningen har gode levevaner og god livskvalitet i trygge og helsefremmende lokalsamfunn',
      level: 2,
      lines: [334, 741],
    });
    expect(byNumber(sections, '3.11')[0]!.title).toBe(
      'Finansieringsordningene understøtter samhandling og ønsket faglig utvikling, samt bidrar til likeverdige og effektive helse- og omsorgstjenester av god kvalitet',
    );
    expect(byNumber(sections, '3.1.2')[0]).toMatchObject({
      title: 'Nøkkeltall',
      level: 3,
      lines: [275, 291],
    });
    expect(byNumber(sections, 'Vedlegg I')[0]!.lines).toEqual([5179, 5295]);
  });
  it('does not take the goal lists for sections', () => {
    const firstLines = new Set(sections.map((s) => s.lines[0]));
    // "3. Helse- og omsorgstjenesten er et attraktivt arbeidssted …" (56) follows "2." in section 2;
    // "1. Folkehelsearbeidet er kunnskapsbasert …" (192); "6. Oppgavebeskrivelse av fastlegetjenesten" (1559);
    // footnote "1 Nasjonalt digitalt risikobilde 2023, …" (4799)
    for (const l of [52, 56, 192, 1559, 4799]) expect(firstLines.has(l)).toBe(false);
  });
});

describe('findSections on small inputs', () => {
  const warn = () => undefined;
  it('rejects dates, amounts and budget rows at line start', () => {
    const lines = toLines([
      '1 Innledning',
      '1. juli 2024 trer loven i kraft.',
      '15.03.2025 Frist for årsrapport',
      '740 01 Driftsutgifter',
      '2 Budsjett',
      '21 Spesielle driftsutgifter 38 014',
    ]);
    expect(findSections(lines, warn).map((s) => [s.number, s.lines])).toEqual([
      ['1', [1, 4]],
      ['2', [5, 6]],
    ]);
  });
  it('warns on a gap that suggests a missed heading', () => {
    const warnings: string[] = [];
    const lines = toLines(['1 Innledning', 'Tekst.', '1.1 Bakgrunn', 'Tekst.', '1.3 Oppdrag', 'Tekst.']);
    const s = findSections(lines, (code, _m, line) => warnings.push(`${code}@${line}`));
    expect(s.map((x) => x.number)).toEqual(['1', '1.1', '1.3']);
    expect(warnings).toEqual(['section_gap@5']);
  });
  it('ends a wrapped heading where the paragraph below starts on the same line', () => {
    // Text wrapped anew runs a heading's tail and the paragraph together (from the 2025 letter's 3.5 and
    // 3.6 re-wrapped at 62 characters).
    const lines = toLines([
      '3 Mål',
      '3.1. Pasienter, brukere og pårørende medvirker og blir involvert av',
      'helsepersonell i eget forløp og i utviklingen av tjenestene. I',
      'rapportering og vurdering av måloppnåelse skal Helsedirektoratet',
      '3.2. Pasienter, brukere og pårørende opplever sammenhengende',
      'helse- og omsorgstjenester på tvers av fagområder og',
      'forvaltningsnivå I rapportering og vurdering av måloppnåelse',
      '3.3. Føringer for styringsdialogen mellom departementet og',
      'Helsedirektoratet',
      '3.4. Tilskudd til Helse- og omsorgsdepartementet',
    ]);
    expect(findSections(lines, () => {}).map((s) => s.title)).toEqual([
      'Mål',
      'Pasienter, brukere og pårørende medvirker og blir involvert av helsepersonell i eget forløp og i utviklingen av tjenestene',
      'Pasienter, brukere og pårørende opplever sammenhengende helse- og omsorgstjenester på tvers av fagområder og forvaltningsnivå',
      'Føringer for styringsdialogen mellom departementet og Helsedirektoratet',
      'Tilskudd til Helse- og omsorgsdepartementet',
    ]);
  });
  it('takes nothing from junk: a bare number, an orphan deep number, a cell row, a TOC line', () => {
    expect(extractText('1.\n1 \n9.9.9.9.9.9 X\n\t1\tA\t1\nInnhold\n1 A ..... 2').sections).toEqual([]);
  });
});
