/**
 * Annual report 2023 (Helsedirektoratet): counts of assignments stated in prose, what the report says about
 * the status of assignments, and each goal area's assessment of goal attainment. Expected values are read
 * from the seed file's lines.
 */
import { describe, expect, it } from 'vitest';
import { figuresIn } from '../src/core/extract/annual-report/reported-figures.js';
import { sentencesOf } from '../src/core/extract/annual-report/sentences.js';
import { idsIn } from '../src/core/extract/annual-report/status-notes.js';
import { extractText, seed } from './helpers/seeds.js';

const ar = seed('ar2023');

describe('reported figures', () => {
  it('reads "83 spesielle oppdrag og 78 tilleggsoppdrag" (line 2068) as two counts', () => {
    expect(ar.reportedFigures).toEqual([
      { label: 'spesielle oppdrag', value: 83, unit: null, text: '83 spesielle oppdrag', line: 2068 },
      { label: 'tilleggsoppdrag', value: 78, unit: null, text: '78 tilleggsoppdrag', line: 2068 },
    ]);
  });

  it('reads counts by layout, not by these words: number words, shares, compounds', () => {
    expect(
      figuresIn('Direktoratet mottok 12 nye oppdrag og to tilleggsoppdrag i 2024.', 1).map((f) => [
        f.label,
        f.value,
      ]),
    ).toEqual([
      ['nye oppdrag', 12],
      ['tilleggsoppdrag', 2],
    ]);
    expect(figuresIn('Om lag 90 prosent av oppdragene ble levert innen fristen.', 3)).toMatchObject([
      { label: 'oppdragene', value: 90, unit: '%' },
    ]);
  });

  it('does not read IDs, years, amounts or other nouns as counts', () => {
    expect(
      figuresIn('herunder leveransen av oppdrag 81 (Finansiering) i tildelingsbrev for 2023', 1),
    ).toEqual([]);
    expect(figuresIn('I 2023 oppdrag fra departementet ble fulgt opp.', 1)).toEqual([]);
    expect(figuresIn('Det ble brukt 3 mill. kroner på oppdrag om kosthold.', 1)).toEqual([]);
    expect(figuresIn('BrukerRoP hadde 7 møter med i alt 14 saker og deltok i mange oppdrag.', 1)).toEqual([]);
    expect(figuresIn('Virksomheten har 1 samfunnsoppdrag og 2 oppdragsavtaler.', 1)).toEqual([]);
  });
});

describe('status notes', () => {
  const at = (line: number) => ar.statusNotes.filter((n) => n.lines[0] === line);

  it('links sentences about assignments being delivered, finished, continued or delayed to their lines', () => {
    expect(at(1090)[0]!.text).toBe(
      'Sluttrapport på oppdraget ble levert desember 2023 og RCT-studie av effekten på veiledet digital behandling vil publiseres av FHI i 2024.',
    );
    expect(at(1603)[0]!.text).toBe('Svar på oppdraget leveres ultimo januar 2024.');
    expect(at(722)[0]!.text).toMatch(
      /^Oppdrag om å avholde rådslag .* er gjennomført og oppsummeringsrapporter vil ferdigstilles/,
    );
    expect(at(1505)[0]!.text).toBe(
      'Oppdrag og forventninger til direktoratet anses i all hovedsak å være oppfylt.',
    );
    expect(at(1832)[0]!.text).toBe(
      'Det er levert på alle oppdrag til Helse- og omsorgsdepartementet innen fristene som er satt.',
    );
    expect(at(2311)[0]!.text).toMatch(/mindreforbruk grunnet forsinkelser oppdragene Digi ung/);
  });

  it('keeps the report on the assignment portfolio: 83 + 78 received, earlier ones continued', () => {
    expect(at(2068).map((n) => n.text)).toEqual([
      'Tildelingsbrevet for 2023 besto av 83 spesielle oppdrag og 78 tilleggsoppdrag ble mottatt gjennom året.',
      'I tillegg har direktoratet hatt en rekke oppdrag fra tidligere år med varighet inn i 2023 som er videreført.',
    ]);
  });

  it('leaves out how the agency handles assignments: a process, not the state of any assignment', () => {
    // "… bedre samlet oversikt over oppdrag, …, økt forståelse for oppdragenes livsløp, mv."
    expect(at(2088)).toEqual([]);
  });

  it('names the assignment "oppdrag 81 … i tildelingsbrev for 2023" as TB2023-81', () => {
    expect(at(1356)).toMatchObject([{ ids: ['TB2023-81'], lines: [1356, 1356] }]);
    expect(ar.statusNotes.filter((n) => n.ids.length > 0)).toHaveLength(1);
  });

  it('leaves out work others did for the agency ("på oppdrag fra Helsedirektoratet") and indicator labels', () => {
    expect(at(181)).toEqual([]);
    expect(at(1216)).toEqual([]);
  });

  it('reads IDs in any spelling and status table rows in a report of another layout', () => {
    expect(idsIn('Oppdragene TB2024-07 og TTB 2024-3 er levert; jf. TB-2023-45.')).toEqual([
      'TB2024-07',
      'TTB2024-3',
      'TB2023-45',
    ]);
    const r = extractText(
      [
        'Årsrapport 2024',
        '',
        'Status for oppdrag',
        '',
        'Oppdrag\tTittel\tStatus',
        'TB2024-12\tNasjonal plan for beredskap\tLevert 15.03.2024',
        'TB2024-13\tVeileder om ernæring\tForsinket, ny frist 1. mai',
        '',
        'Oppdraget TB2024-14 er utsatt til 2025 etter dialog med departementet.',
      ].join('\n'),
    );
    expect(r.statusNotes.map((n) => [n.ids, n.lines[0]])).toEqual([
      [['TB2024-12'], 6],
      [['TB2024-13'], 7],
      [['TB2024-14'], 9],
    ]);
    expect(r.statusNotes[0]!.text).toBe('TB2024-12 – Nasjonal plan for beredskap – Levert 15.03.2024');
  });

  it('splits sentences but not at abbreviations or ordinal dates', () => {
    expect(sentencesOf('Oppdraget, jf. kap. 3, ble levert 1. mars. Det neste er utsatt.')).toEqual([
      'Oppdraget, jf. kap. 3, ble levert 1. mars.',
      'Det neste er utsatt.',
    ]);
  });
});

describe('goal assessments', () => {
  it('reads the "Måloppnåelse" part of each of the 13 goal areas, numbered as the goals are', () => {
    expect(ar.goalAssessments.map((a) => [a.goal, a.lines])).toEqual([
      ['1', [584, 584]],
      ['2', [810, 818]],
      ['3', [872, 872]],
      ['4', [1004, 1010]],
      ['5', [1064, 1066]],
      ['6', [1182, 1188]],
      ['7', [1282, 1284]],
      ['8', [1406, 1422]],
      ['9', [1505, 1507]],
      ['10', [1670, 1716]],
      ['11', [1824, 1838]],
      ['12', [1940, 1942]],
      ['13', [2060, 2062]],
    ]);
    expect(ar.goals.map((g) => g.number)).toEqual(ar.goalAssessments.map((a) => a.goal));
  });

  it('keeps the assessment text as printed, paragraphs on their own lines', () => {
    const [first] = ar.goalAssessments;
    expect(first!.text).toMatch(
      /^Det tverrsektorielle folkehelsearbeidet på regionalt og lokalt nivå ivaretas først og fremst/,
    );
    const nine = ar.goalAssessments.find((a) => a.goal === '9')!;
    expect(nine.text).toMatch(
      /^Målet om at den nasjonale helseberedskapen er robust, samordnet og effektiv ved kriser og katastrofer anses som tilfredsstillende ivaretatt\./,
    );
    expect(nine.text.split('\n')).toHaveLength(2);
    // A paragraph that opens with the word is text, not a heading: "Styringsparameterne viser at Helfo …".
    const thirteen = ar.goalAssessments.find((a) => a.goal === '13')!;
    expect(thirteen.text).toMatch(/^Styringsparameterne viser at Helfo har god måloppnåelse i 2023\./);
    // Goal 10's assessment has sub-headings ("Spesialistgodkjenning", "Autorisasjon") that stay in it.
    const ten = ar.goalAssessments.find((a) => a.goal === '10')!;
    expect(ten.text.split('\n')).toContain('Autorisasjon');
  });

  it('does not take part VII\'s "Måloppnåelse i 2023" about Helfo as a goal area\'s assessment', () => {
    expect(ar.goalAssessments.some((a) => a.lines[0] >= 2955)).toBe(false);
  });
});

describe('letters', () => {
  it.each(['tb2024', 'tb2022', 'tb2025', 'tb2014'] as const)(
    '%s: no reported figures, status notes or goal assessments',
    (key) => {
      const r = seed(key);
      expect(r.reportedFigures).toEqual([]);
      expect(r.statusNotes).toEqual([]);
      expect(r.goalAssessments).toEqual([]);
    },
  );
});
