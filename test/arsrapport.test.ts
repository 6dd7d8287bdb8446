import { describe, expect, it } from 'vitest';
import { extractGoals } from '../src/core/extract/goals.js';
import { seedText } from './helpers/seeds.js';
import { stageContext } from './helpers/stage-context.js';

const { ctx, warnings } = stageContext(seedText('ar2023'));
const { document, sections } = ctx;
const goals = extractGoals(ctx);

describe('annual report 2023', () => {
  it('is an årsrapport for 2023 from Helsedirektoratet to its ministry', () => {
    expect(document).toMatchObject({
      type: 'arsrapport',
      year: 2023,
      title: 'Årsrapport 2023',
      issuer: 'Helsedirektoratet',
      recipient: 'Helse- og omsorgsdepartementet',
      supplements: [],
    });
  });
  it('has the parts I–VI and the extra part 7 as sections, not their TOC lines', () => {
    expect(sections.map((s) => [s.number, s.title, s.lines])).toEqual([
      ['1', 'Leders beretning', [81, 207]],
      ['2', 'Introduksjon til virksomheten og hovedtall', [209, 538]],
      ['3', 'Årets resultater og aktiviteter', [540, 2062]],
      ['4', 'Styring og kontroll i virksomheten', [2064, 2217]],
      ['5', 'Vurdering av framtidsutsikter', [2219, 2251]],
      ['6', 'Årsregnskap', [2253, 2953]],
      ['7', 'Etatstyrers vurdering av underliggende etater', [2955, 3165]],
    ]);
    expect(warnings.filter((w) => w.code === 'section_gap')).toEqual([]);
  });
  it('reports on 13 goal areas', () => {
    expect(goals).toHaveLength(13);
    expect(goals.every((g) => g.section === '3')).toBe(true);
    expect(goals[0]).toEqual({
      number: '1',
      title: 'Folkehelsearbeidet er kunnskapsbasert og tverrsektorielt',
      section: '3',
      criteria: [
        { text: 'Hvordan Helsedirektoratet bidrar til systematisk folkehelsearbeid lokalt', line: 554 },
      ],
      steeringParameters: [],
      keyFigures: [
        {
          text: 'Andel kommuner som har etablert et systematisk folkehelsearbeid i henhold til folkehelseloven',
          line: 558,
        },
        {
          text: 'Andel kommuner som iverksetter tiltak rettet mot psykososiale påvirkningsfaktorer på helse',
          line: 562,
        },
        {
          text: 'Andel kommuner som iverksetter tiltak innenfor program for folkehelsearbeid i kommunene',
          line: 566,
        },
      ],
      lines: [542, 584],
    });
    expect(goals[12]!.title).toBe('Helseaktører og innbyggere får rett ytelse til rett tid');
    expect(goals[12]!.lines).toEqual([1944, 2062]);
  });
  it('reads the label variants "Vurderingskriterier 2 Hvordan", "Styringsparameter - …", "Nøkkeltall 4- …"', () => {
    expect(goals[4]!.criteria[1]).toMatchObject({ line: 1034 });
    expect(goals[4]!.criteria[1]!.text).toMatch(/^Hvordan Helsedirektoratet bidrar til å støtte kommunene/);
    expect(goals[4]!.steeringParameters).toEqual([
      { text: 'Andelen helsefelleskap som mottar tilskudd til sekretariatsfunksjon', line: 1048 },
    ]);
    expect(goals[9]!.keyFigures[3]).toMatchObject({ line: 1563 });
    expect(goals[9]!.keyFigures[3]!.text).toMatch(/^Ubesatte helsepersonellstillinger i helseregionene/);
    expect(goals[10]!.steeringParameters).toEqual([
      { text: 'Andel av tilskuddsordninger med høy måloppnåelse', line: 1765 },
    ]);
    // "Nøkkeltall 1: Andel innbyggere uten fastlege:" loses its trailing colon.
    expect(goals[3]!.keyFigures[0]).toEqual({ text: 'Andel innbyggere uten fastlege', line: 898 });
  });
  it('counts the indicators per goal area', () => {
    expect(goals.map((g) => [g.criteria.length, g.steeringParameters.length, g.keyFigures.length])).toEqual([
      [1, 0, 3],
      [0, 0, 5],
      [3, 0, 2],
      [3, 0, 5],
      [2, 1, 0],
      [2, 1, 4],
      [1, 2, 2],
      [2, 0, 2],
      [4, 0, 0],
      [2, 2, 6],
      [2, 1, 3],
      [3, 1, 4],
      [2, 4, 8],
    ]);
  });
});
