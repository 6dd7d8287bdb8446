import { describe, expect, it } from 'vitest';
import { extractCalendar } from '../src/core/extract/calendar.js';
import { extractGoals } from '../src/core/extract/goals.js';
import { seedText } from './helpers/seeds.js';
import { stageContext } from './helpers/stage-context.js';

const { ctx, warnings } = stageContext(seedText('tb2014'));
const { sections } = ctx;
const goals = extractGoals(ctx);
const calendar = extractCalendar(ctx);

describe('2014 letter: sections', () => {
  it('lists the upper-case top-level sections and the goal subsections', () => {
    expect(sections.filter((s) => s.level === 1).map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 INNLEDNING',
      '2 MÅL OG RESULTATKRAV ETTER VIRKSOMHETSOMRÅDER',
      '3 MÅL OG RESULTATKRAV FOR TVERRGÅENDE OMRÅDER',
      '4 ØVRIGE ØKONOMISKE RAMMER',
      '5 ADMINISTRATIVE RUTINER',
      '6 STYRINGSDIALOGEN',
    ]);
    // "2.1.1 Langsiktige mål:" keeps no colon; "5.2 … nye krav til" + "årsrapport :" is joined.
    expect(sections.find((s) => s.number === '2.1.1')).toEqual({
      number: '2.1.1',
      title: 'Langsiktige mål',
      level: 3,
      lines: [161, 173],
    });
    expect(sections.find((s) => s.number === '5.2')!.title).toBe(
      'Nytt reglement for økonomistyring i staten, herunder nye krav til årsrapport',
    );
    expect(sections.find((s) => s.number === '6.6')).toMatchObject({
      title: 'Innspill til budsjettprosessen',
      lines: [2779, 2849],
    });
    expect(warnings.filter((w) => w.code === 'section_gap')).toEqual([]);
  });
});

describe('2014 letter: long-term goals per area', () => {
  it('reads every "Langsiktige mål" bullet (or paragraph) as a goal', () => {
    expect(goals).toHaveLength(39);
    expect(goals.map((g) => g.number)).toEqual(Array.from({ length: 39 }, (_, i) => String(i + 1)));
    expect(goals[0]).toMatchObject({
      title: 'God forankring av folkehelsearbeidet på tvers av sektorer og forvaltningsnivåer',
      section: '2.1.1',
      lines: [163, 163],
      criteria: [],
      keyFigures: [],
    });
    expect(goals[4]).toMatchObject({
      title: 'Psykisk helse og trivsel skal integreres som en likeverdig del av folkehelsearbeidet',
      lines: [171, 173],
    });
  });
  it("lists an area's steering parameters once, on the area's first goal", () => {
    expect(goals[0]!.steeringParameters).toHaveLength(5);
    expect(goals[0]!.steeringParameters[0]).toEqual({
      text: 'Antall kommuner som har forankret folkehelsearbeidet i planer etter plan- og bygningsloven',
      line: 177,
    });
    // Goals 2–5 of 2.1.1 share the section with goal 1 and carry no copy of the area's parameters.
    expect(goals.slice(1, 5).map((g) => [g.section, g.steeringParameters.length])).toEqual([
      ['2.1.1', 0],
      ['2.1.1', 0],
      ['2.1.1', 0],
      ['2.1.1', 0],
    ]);
    // The letter prints 29 parameters: 2.1.2 (5), 2.2.2.2 (5), 2.2.3.2 (2), 2.2.4.2 (3), 2.3.2 (2),
    // 3.2.2 (2), 3.3.2 (1), 3.4.2 (7), 3.8.2 (2).
    expect(goals.reduce((n, g) => n + g.steeringParameters.length, 0)).toBe(29);
    expect(
      goals
        .filter((g) => g.steeringParameters.length > 0)
        .map((g) => [g.section, g.steeringParameters[0]!.line]),
    ).toEqual([
      ['2.1.1', 177],
      ['2.2.2.1', 850],
      ['2.2.3.1', 1294],
      ['2.2.4.1', 1464],
      ['2.3.1', 1513],
      ['3.2.1', 1735],
      ['3.3.1', 1774],
      ['3.4.1', 1904],
      ['3.8.1', 2282],
    ]);
    expect(warnings.filter((w) => w.code === 'goal_parameters_orphaned')).toEqual([]);
    // 2.2.1 Omsorgstjenesten has no steering parameters.
    expect(goals[5]).toMatchObject({ section: '2.2.1.1', steeringParameters: [] });
    // 2.3.2: a parameter wrapped after "gjennom" before a capitalised word.
    const g = goals.find((x) => x.title === 'Relevant og pålitelig styringsinformasjon')!;
    expect(g.steeringParameters.map((p) => p.text)).toEqual([
      'Kort saksbehandlingstid på enkeltsaker',
      'Maks. 12 måneders saksbehandlingstid på søknader fremmet gjennom Stortingets rettferdsvederlagsordning og som reiser spørsmål av helsefaglig karakter',
    ]);
    // 3.4.2 groups its parameters under sub-labels ("Saksbehandling:", "Brukerservice:", …).
    const fin = goals.find((x) => x.section === '3.4.1')!;
    expect(fin.steeringParameters.map((p) => p.line)).toEqual([1904, 1908, 1916, 1918, 1924, 1930, 1932]);
  });
  it('takes a paragraph as the goal when the area prints no bullets (3.2.1)', () => {
    const g = goals.find((x) => x.section === '3.2.1')!;
    expect(g.lines).toEqual([1721, 1731]);
    expect(g.title).toMatch(/^Direktoratet skal følge opp samhandlingsreformens mål .* i dette brev\.$/);
    expect(g.steeringParameters.map((p) => p.text)).toEqual([
      'Antall reinnleggelser',
      'Antallet innleggelser/liggedøgn øyeblikkelig hjelp døgntilbud i kommunene',
    ]);
  });
});

describe('2014 letter: calendar in "6.6 Innspill til budsjettprosessen"', () => {
  it('reads the dated bullets, undated ones taking the date above or their own', () => {
    expect(calendar.map((e) => [e.date, e.lines[0]])).toEqual([
      ['2014-02-15', 2781],
      ['2014-04-01', 2783],
      ['2014-05-01', 2789],
      ['2014-05-01', 2793],
      ['2014-05-01', 2797],
      ['2014-05-01', 2799],
      ['2014-05-01', 2803],
      ['2014-08-01', 2807],
      ['2014-09-15', 2813],
      ['2014-12-01', 2817],
      ['2014-12-01', 2819],
      ['2014-12-01', 2823],
    ]);
    expect(calendar[0]).toEqual({
      date: '2014-02-15',
      time: null,
      text: 'Eventuelle innspill til RNB-2014',
      note: null,
      lines: [2781, 2781],
    });
    expect(calendar[4]!.text).toBe('Oversikt over disponering av tilskuddsmidler for 2014.');
    expect(calendar[8]!.text).toBe(
      'Tidsfrist for innspill til Omgrupperingsproposisjonen vil bli fastsatt siden. Tentativt 15.9.14.',
    );
    expect(calendar[11]!.lines).toEqual([2823, 2831]);
  });
});
