import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractGoals } from '../src/core/extract/goals.js';
import type { Goal, Warning } from '../src/core/model/extraction.js';
import { stageContext } from './helpers/stage-context.js';

/** Runs only the stages goals depend on (document, sections), so this file tests goals alone. */
function goalsOf(file: string): { goals: Goal[]; warnings: Warning[] } {
  return goalsOfText(readFileSync(file, 'utf8'));
}

function goalsOfText(text: string): { goals: Goal[]; warnings: Warning[] } {
  const { ctx, warnings } = stageContext(text);
  return { goals: extractGoals(ctx), warnings };
}
const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe('goals: 2024 letter ("Mål N:" with labelled lists, HTML bullets)', () => {
  const { goals, warnings } = goalsOf(join(SEEDS, '000_3618797248de71de.txt'));
  it('finds the 14 goals in order', () => {
    expect(goals.map((g) => g.number)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(warnings.filter((w) => w.code.startsWith('goal'))).toEqual([]);
  });
  it('reads goal 1 with its criterion and six key figures', () => {
    const g = goals[0]!;
    expect(g).toMatchObject({
      title: 'Folkehelsearbeidet er kunnskapsbasert og tverrsektorielt',
      section: '2.1.1',
      lines: [146, 161],
      steeringParameters: [],
    });
    expect(g.criteria).toEqual([
      {
        text: 'i. Hvordan Helsedirektoratet bidrar til systematisk folkehelsearbeid lokalt og nasjonalt',
        line: 152,
      },
    ]);
    expect(g.keyFigures).toHaveLength(6);
    expect(g.keyFigures[5]).toEqual({ text: 'Andelen med seksuelle overførte sykdommer', line: 161 });
  });
  it('folds the nested "a."–"d." items of goal 9 into their criterion', () => {
    const g = goals[8]!;
    expect(g.section).toBe('2.3.1');
    expect(g.criteria.map((c) => c.line)).toEqual([637, 642, 645]);
    expect(g.criteria[0]!.text).toMatch(
      /^i\. Med utgangspunkt i direktoratets følge-med- og rådgivningsfunksjon, .* oversikt over: a\. Risiko og sårbarhet .* d\. Identifiserte gap mellom forventet og faktisk tilstand innen helse- og omsorgsberedskapen$/,
    );
  });
  it('reads goal 14 with steering parameters and key figures', () => {
    const g = goals[13]!;
    expect(g.title).toBe('Helseaktører og innbyggere får rett ytelse til rett tid');
    expect(texts(g.criteria)).toEqual([
      'i. Helfo og Helsedirektoratets innsats for å bidra til god etterlevelse av refusjonsregelverket',
      'ii. Brukerorientering og digitalisering av tjenestene',
    ]);
    expect(g.steeringParameters).toHaveLength(7);
    expect(g.steeringParameters[2]).toEqual({ text: 'Andel telefonsamtaler besvart (%)', line: 929 });
    expect(g.keyFigures).toHaveLength(6);
    expect(g.keyFigures[4]).toEqual({ text: 'Tilbakekrevd beløp', line: 941 });
  });
  it('keeps goals without lists (goal 6 and 8) and strips the title period of goal 7', () => {
    expect(goals[5]).toMatchObject({
      criteria: [],
      steeringParameters: [],
      keyFigures: [],
      lines: [352, 354],
    });
    expect(goals[6]!.title).toBe(
      'Pasienter, brukere og pårørende medvirker og blir involvert av helsepersonell i eget forløp og i utviklingen av tjenestene',
    );
  });
});

describe('goals: 2022 letter (PDF text, wrapped titles and items)', () => {
  const { goals, warnings } = goalsOf(join(SEEDS, '001_595c027574c5148c.txt'));
  it('finds the 13 goals', () => {
    expect(goals).toHaveLength(13);
    expect(goals.map((g) => g.number).join(',')).toBe('1,2,3,4,5,6,7,8,9,10,11,12,13');
    expect(warnings.filter((w) => w.code.startsWith('goal'))).toEqual([]);
  });
  it('joins wrapped titles and wrapped items', () => {
    expect(goals[1]).toMatchObject({
      title: 'Befolkningen har gode levevaner og god livskvalitet i trygge og helsefremmende lokalsamfunn',
      lines: [210, 221],
      criteria: [],
    });
    expect(goals[1]!.keyFigures).toHaveLength(5);
    expect(goals[0]!.keyFigures[0]).toEqual({
      text: 'Andel kommuner som har etablert et systematisk folkehelsearbeid i henhold til folkehelseloven',
      line: 199,
    });
    // "… som behandles av" + "Helsedirektoratet": a wrap before a capitalised word
    expect(goals[11]!.keyFigures[2]).toEqual({
      text: 'Søknader om data fra NPR og KPR i felles søknadsskjema som behandles av Helsedirektoratet',
      line: 2464,
    });
  });
  it('reads goal 9 criteria with nested lower-case items, and goal 13 lists', () => {
    expect(goals[8]!.criteria.map((c) => c.line)).toEqual([2081, 2086, 2087, 2088]);
    expect(goals[8]!.criteria[0]!.text).toBe(
      'i. Oppdatert og tilgjengeliggjort kunnskap om a. risiko og sårbarhet i helse- og omsorgssektoren b. status for beredskapstiltak og –virkemidler i helse- og omsorgssektoren c. status for forebyggende sikkerhetstiltak',
    );
    expect(goals[8]!.criteria[3]!.text).toBe(
      'iv. Direktoratets egenberedskap og interne sikkerhet for uønskede hendelser som berører sektoren',
    );
    expect(texts(goals[12]!.steeringParameters)).toEqual([
      'Saksbehandlingstid i Helfo',
      'Brukertilfredshet',
      'Tilgjengelighet',
    ]);
    expect(goals[12]!.keyFigures).toHaveLength(5);
    expect(goals[12]!.section).toBe('2.5.1');
  });
});

describe('goals: 2025 letter (numbered hovedmål list, one section per goal)', () => {
  const { goals, warnings } = goalsOf(join(SEEDS, '003_8d4a857d2773e53a.txt'));
  it('finds the 13 main goals and their sections', () => {
    expect(goals).toHaveLength(13);
    expect(goals.map((g) => g.section)).toEqual(Array.from({ length: 13 }, (_, i) => `3.${i + 1}`));
    expect(warnings.filter((w) => w.code.startsWith('goal'))).toEqual([]);
  });
  it('reads goal 1 up to its "Oppdrag" subsection, folding "o" sub-bullets', () => {
    const g = goals[0]!;
    expect(g.title).toBe('Folkehelsearbeidet er kunnskapsbasert og tverrsektorielt');
    expect(g.lines).toEqual([255, 291]);
    expect(g.criteria).toEqual([]);
    expect(g.steeringParameters).toEqual([
      {
        text: 'Helsedirektoratet skal bidra til systematisk folkehelsearbeid lokalt, regionalt og nasjonalt',
        line: 267,
      },
      { text: 'Folkehelsearbeidet skal være etterrettelig, etterprøvbart og dokumentert', line: 271 },
    ]);
    expect(g.keyFigures).toHaveLength(1);
    expect(g.keyFigures[0]!.text).toMatch(
      /^Andel kommuner som har etablert .* herunder: Antall kommuner som har et oversiktsdokument/,
    );
  });
  it('reads the wrapped goal 2 and goal 13', () => {
    expect(goals[1]!.title).toBe(
      'Befolkningen har gode levevaner og god livskvalitet i trygge og helsefremmende lokalsamfunn',
    );
    expect(goals[1]!.keyFigures).toHaveLength(8);
    expect(goals[1]!.keyFigures[7]).toEqual({
      text: 'Antall ammekyndige helsestasjoner og Mor-barn vennlig føde- og barselavdelinger',
      line: 375,
    });
    expect(goals[12]!.steeringParameters).toHaveLength(4);
    expect(goals[12]!.keyFigures).toHaveLength(10);
    expect(goals[12]!.keyFigures[9]).toEqual({
      text: 'Automatiseringsgrad for de ulike tjenesteområdene',
      line: 3085,
    });
  });
  it('keeps a goal whose section has only assignments (goal 8)', () => {
    expect(goals[7]).toMatchObject({
      title: 'Den nasjonale helseberedskapen er motstandsdyktig, samordnet og effektiv ved kriser og krig',
      steeringParameters: [],
      keyFigures: [],
    });
  });
});

describe('goals: example letter and small inputs', () => {
  it('reads the example letter', () => {
    const { goals } = goalsOf(
      join(import.meta.dirname, '..', 'examples', 'tildelingsbrev-2026-friluftsdirektoratet.txt'),
    );
    expect(goals.map((g) => [g.number, g.title, g.section, g.lines])).toEqual([
      ['1', 'Flere bruker nærnaturen jevnlig', '2.1', [21, 31]],
      ['2', 'Forvaltningen bygger på oppdatert kunnskap', '2.2', [50, 53]],
    ]);
    expect(goals[0]!.criteria.map((c) => c.line)).toEqual([24, 25]);
    expect(goals[0]!.keyFigures).toEqual([
      { text: 'Andel av befolkningen som går tur minst en gang i uken (%)', line: 31 },
    ]);
  });
  it("finds a listed goal's section when its heading took in the paragraph or lost its tail", () => {
    const text = [
      '1 Hovedmål',
      'Direktoratet skal nå følgende hovedmål:',
      '1. Pasienter, brukere og pårørende opplever sammenhengende tjenester på tvers av forvaltningsnivå',
      '2. Pasienter, brukere og pårørende medvirker og blir involvert av helsepersonell i eget forløp',
      '1.1. Pasienter, brukere og pårørende opplever sammenhengende tjenester på tvers av',
      'forvaltningsnivå Vurdering av måloppnåelse skal inkludere',
      '1.1.1. Styringsparametere',
      '• Andel kommuner med felles planer',
      '1.2. Pasienter, brukere og pårørende medvirker og blir involvert av',
      'helsepersonell i eget forløp, og mye mer som ikke står i listen over mål',
      '1.2.1. Nøkkeltall',
      '• Antall brukerråd',
    ].join('\n');
    const { goals } = goalsOfText(text);
    expect(goals.map((g) => [g.section, g.steeringParameters.length, g.keyFigures.length])).toEqual([
      ['1.1', 1, 0],
      ['1.2', 0, 1],
    ]);
  });
  it('lists area parameters once and warns about parameters no goal takes (2014 layout)', () => {
    const text = [
      '1 Mål og resultatkrav',
      '1.1 Folkehelse',
      '1.1.1 Langsiktige mål:',
      '• Flere er fysisk aktive',
      '• Færre røyker',
      '1.1.2 Styringsparametere',
      '• Andel voksne som er aktive',
      '• Andel dagligrøykere',
      '1.2 Beredskap',
      '1.2.1 Langsiktige mål:',
      '1.2.2 Styringsparametere',
      '• Antall øvelser',
      '1.3 Personell',
      '1.3.1 Styringsparametere',
      '• Antall årsverk',
    ].join('\n');
    const { goals, warnings } = goalsOfText(text);
    expect(goals.map((g) => [g.number, g.title, g.section, texts(g.steeringParameters)])).toEqual([
      ['1', 'Flere er fysisk aktive', '1.1.1', ['Andel voksne som er aktive', 'Andel dagligrøykere']],
      ['2', 'Færre røyker', '1.1.1', []],
    ]);
    expect(warnings.filter((w) => w.code.startsWith('goal_')).map((w) => `${w.code}@${w.line}`)).toEqual([
      'goal_list_empty@10',
      'goal_parameters_orphaned@11',
      'goal_parameters_orphaned@14',
    ]);
  });
});
