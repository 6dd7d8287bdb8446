import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deadlineSpansLineBreak,
  parseDeadlineLines,
  parseDeadlines,
  parseDeadlinesAcross,
} from '../src/core/extract/deadlines.js';
import { Deadline, type DeadlinePrecision } from '../src/core/model/extraction.js';
import { toLines } from '../src/core/text/lines.js';
import { type SeedKey, seedText } from './helpers/seeds.js';

type Row = [date: string | null, precision: DeadlinePrecision, part: string | null];

function read(text: string, year: number | null, part: string | null = null): Row[] {
  return parseDeadlines(text, 7, { year, part }).map((d) => [d.date, d.precision, d.part]);
}

describe('parseDeadlines: the phrasings of DOMAIN.md', () => {
  it.each<[string, number, Row[]]>([
    ['Frist: 15. september 2024', 2024, [['2024-09-15', 'day', null]]],
    ['Frist 14.03.2025', 2025, [['2025-03-14', 'day', null]]],
    ['Frist: 31.12.25', 2025, [['2025-12-31', 'day', null]]],
    ['Frist: 31.mai 2025', 2025, [['2025-05-31', 'day', null]]],
    ['Frist: 1. juli.', 2025, [['2025-07-01', 'day', null]]],
    ['Frist 1.2.', 2022, [['2022-02-01', 'day', null]]],
    ['Frist: 17.6.2022 kl. 14.', 2022, [['2022-06-17', 'day', null]]],
    ['Helsedirektoratet skal innen 1. desember 2022 gjøre en vurdering', 2022, [['2022-12-01', 'day', null]]],
    ['Videreføres med ny frist: 31. mars 2022', 2022, [['2022-03-31', 'day', null]]],
    ['Ny frist 31.12.2024.', 2024, [['2024-12-31', 'day', null]]],
    [
      'Deloppdrag b) og c) har frist 15. mars 2024.',
      2024,
      [
        ['2024-03-15', 'day', 'b'],
        ['2024-03-15', 'day', 'c'],
      ],
    ],
    [
      'Frist: 15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3',
      2025,
      [
        ['2025-03-15', 'day', '4'],
        ['2025-11-15', 'day', '1'],
        ['2025-11-15', 'day', '2'],
        ['2025-11-15', 'day', '3'],
      ],
    ],
    [
      'Frist: 30.09.25 (mandat) og (samlet rapport) 31.12.2025.',
      2025,
      [
        ['2025-09-30', 'day', 'mandat'],
        ['2025-12-31', 'day', 'samlet rapport'],
      ],
    ],
    ['Frist: Tentativt 1.10.25, men avklares endelig i dialog', 2025, [['2025-10-01', 'day', null]]],
    [
      'Frist: 1. desember 2025. Departementet ber om en midtveisrapport 15. juni 2025.',
      2025,
      [
        ['2025-12-01', 'day', null],
        ['2025-06-15', 'day', null],
      ],
    ],
    ['Frist: mars 2025', 2025, [['2025-03-31', 'month', null]]],
    ['Frist: 1. kvartal 2025', 2025, [['2025-03-31', 'quarter', null]]],
    ['Frist: første kvartal', 2025, [['2025-03-31', 'quarter', null]]],
    ['Frist: Q2 2025', 2025, [['2025-06-30', 'quarter', null]]],
    ['Frist: første halvår 2024', 2024, [['2024-06-30', 'half', null]]],
    ['Frist: andre halvår', 2024, [['2024-12-31', 'half', null]]],
    ['Arbeidet skal være ferdig innen utgangen av året.', 2024, [['2024-12-31', 'year', null]]],
    ['Frist: innen utgangen av 2025', 2025, [['2025-12-31', 'year', null]]],
    ['Arbeidet skal gjennomføres i løpet av 2024.', 2024, [['2024-12-31', 'year', null]]],
    ['Frist: sommeren 2025', 2025, [['2025-08-31', 'quarter', null]]],
    ['Del 1 leveres innen sommeren 2014.', 2014, [['2014-06-30', 'month', 'Del 1']]],
    ['Frist avklares i dialog mellom departementet og direktoratet.', 2024, [[null, 'none', null]]],
    [
      'Helsedirektoratet skal innen 1. februar hvert år legge fram en samlet plan',
      2024,
      [['2024-02-01', 'recurring', null]],
    ],
    [
      'hvert år innen 15. oktober gi departementet en samlet vurdering',
      2022,
      [['2022-10-15', 'recurring', null]],
    ],
    ['innen tre uker etter at rapporten er ferdigstilt.', 2025, [[null, 'relative', null]]],
    ['Frist: 15. febaruar 2025', 2025, [['2025-02-15', 'day', null]]],
    ['Frist for leveranse er 1. mai 2024.', 2024, [['2024-05-01', 'day', null]]],
    ['Rapporten skal leveres innen 1. juni 2024.', 2024, [['2024-06-01', 'day', null]]],
    ['Status rapporteres innen 15. mars.', 2024, [['2024-03-15', 'day', null]]],
    ['Fristen settes til 1. september 2024.', 2024, [['2024-09-01', 'day', null]]],
    ['Arbeidet ferdigstilles innen 1. juni 2024.', 2024, [['2024-06-01', 'day', null]]],
    ['Helsedirektoratet bes levere på deloppdrag 1 innen 1. juni 2022.', 2022, [['2022-06-01', 'day', '1']]],
    ['Frist: Løpende', 2024, [[null, 'none', null]]],
    ['Status skal rapporteres løpende.', 2024, [[null, 'none', null]]],
    ['Frist: 1. tertial', 2024, [[null, 'relative', null]]],
    ['Frist: i forbindelse med årsrapporten', 2024, [[null, 'relative', null]]],
    ['Planen skal oversendes departementet senest 15. mars 2026.', 2025, [['2026-03-15', 'day', null]]],
    ['Utredningen skal foreligge 15.12.22.', 2022, [['2022-12-15', 'day', null]]],
    ['Arbeidet skal ferdigstilles før påske.', 2024, [[null, 'relative', null]]],
  ])('%s', (text, year, expected) => {
    expect(read(text, year)).toEqual(expected);
  });

  it('keeps the phrase as printed, from the trigger through the date', () => {
    const t = (s: string, y = 2025) => parseDeadlines(s, 1, { year: y, part: null }).map((d) => d.text);
    expect(t('Frist: 17.6.2022 kl. 14.')).toEqual(['Frist: 17.6.2022 kl. 14']);
    expect(t('Videreføres med ny frist: 31. mars 2022')).toEqual(['ny frist: 31. mars 2022']);
    expect(t('Rapporten skal leveres innen 1. juni 2024.')).toEqual(['leveres innen 1. juni 2024']);
    expect(t('skal innen 1. februar hvert år legge fram')).toEqual(['innen 1. februar hvert år']);
    expect(t('Frist: 15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3')).toEqual([
      'Frist: 15. mars',
      '15. november 2025',
      '15. november 2025',
      '15. november 2025',
    ]);
    expect(t('Frist avklares i dialog mellom departementet og direktoratet.')).toEqual([
      'Frist avklares i dialog mellom departementet og direktoratet',
    ]);
    expect(parseDeadlines('Frist: 1. mai', 42, { year: 2025, part: null })[0]?.line).toBe(42);
  });

  it('uses the context part when the phrase names none, and its own when it does', () => {
    expect(read('Frist: 1. mai 2025', 2025, 'b')).toEqual([['2025-05-01', 'day', 'b']]);
    expect(read('Deloppdrag a) har frist 1. februar 2024.', 2024, 'x')).toEqual([['2024-02-01', 'day', 'a']]);
    expect(read('- Deloppdrag d) til f) har frist 1. juli 2024.', 2024)).toEqual([
      ['2024-07-01', 'day', 'd'],
      ['2024-07-01', 'day', 'e'],
      ['2024-07-01', 'day', 'f'],
    ]);
  });

  it('completes a missing year from the context, or leaves the date null without one', () => {
    expect(read('Frist: 1. juli.', 2014)).toEqual([['2014-07-01', 'day', null]]);
    expect(read('Frist: 1. juli.', null)).toEqual([[null, 'day', null]]);
    expect(read('Frist: innen utgangen av året', null)).toEqual([[null, 'year', null]]);
  });
});

describe('parseDeadlines: dates that are not deadlines', () => {
  it.each([
    'Under henvisning til brev av 7. november 2013 ber departementet om en vurdering.',
    'jf. lov 24. juni 2011 nr. 30 om kommunale helse- og omsorgstjenester',
    'Det vises til Meld. St. 15 (2022–2023) Folkehelsemeldinga.',
    'fagmiljøet innen amming som overføres til Helsedirektoratet fra FHI per 01.01.24, skal invitere',
    'Det vises til sluttrapport av 15. oktober 2023.',
    'Dette ble drøftet i møtet 12. mars.',
    'Fra 1. januar 2024 overføres oppgavene til Direktoratet for medisinske produkter.',
    'Planen gjelder i perioden 2023–2025.',
    'Oppdraget ble gitt i 2021.',
    'som ble vedtatt av Stortinget 12. des. 2023',
    'tiltak, som ble oversendt departementet 23. april 2021. Disse ligger til grunn for presisering',
    'Strategien er sendt på offentlig høring, med frist i januar 2024.',
    'Oppfølging av Norges handlingsplan for å nå bærekraftsmålene innen 2030',
    '• Andel epikriser sendt fra sykehusene innen en dag etter at pasienten er skrevet ut',
    'Fristbruddsaker ferdigbehandlet av Helfo innen 10 virkedager',
    '17 tilskuddsordninger ble lyst ut med felles søknadsfrist 1. desember 2022',
    'Kvalitetsindikatorer innen psykisk helse publiseres 1. mars.',
    'Frister:',
    'Endringer i frister',
    '',
    '\u0000\uFFFF 1.2.3.4. frist innen innen ..',
  ])('%s', (text) => {
    expect(read(text, 2024)).toEqual([]);
  });

  it('ignores a date before the deadline word and one introduced by a reference in the same clause', () => {
    expect(read('Frist for oppdraget er 1. april 2022, jf. brev av 3. mars 2022.', 2022)).toEqual([
      ['2022-04-01', 'day', null],
    ]);
    expect(
      read(
        'Legeforeningen håndterer utbetaling til gruppeveiledere frem til 1. januar 2025. Frist for oversendelse av utkast til tilskudsregelverk til departementet: 1. oktober 2024.',
        2024,
      ),
    ).toEqual([['2024-10-01', 'day', null]]);
  });

  it('returns valid records for mutated deadline lines and random text', () => {
    const seedsOfText = fc.constantFrom(
      'Frist: 15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3',
      'Frist: 30.09.25 (mandat) og (samlet rapport) 31.12.2025.',
      'innen 1. februar hvert år',
      'Frist utsettes til 15.',
    );
    const mutated = fc
      .tuple(seedsOfText, fc.nat(80), fc.string({ maxLength: 6 }))
      .map(([t, at, ins]) => t.slice(0, at % (t.length + 1)) + ins + t.slice(at % (t.length + 1)));
    fc.assert(
      fc.property(
        fc.oneof(mutated, fc.string({ maxLength: 200 })),
        fc.string({ maxLength: 40 }),
        (text, next) => {
          for (const d of [
            ...parseDeadlines(text, 3, { year: 2024, part: null }),
            ...parseDeadlinesAcross(text, next, 3, { year: null, part: 'a' }),
          ])
            expect(Deadline.safeParse(d).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives hostile input', () => {
    const junk = `${'Frist '.repeat(2000)}${'1.'.repeat(3000)} innen ${'('.repeat(500)}`;
    const start = performance.now();
    expect(() => parseDeadlines(junk, 1, { year: 2024, part: null })).not.toThrow();
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('phrases broken over a line', () => {
  it.each<[string, string, boolean]>([
    ['Frist for', 'denne delen av oppdraget: 1. april.', true],
    ['Frist utsettes til 15.', 'september', true],
    ['Frist for endelig rapport for deloppdrag 2 settes til 1. juni', '2023.', true],
    ['sørge for høring innen april', '2025 og ferdigstillelse innen september 2025', true],
    ['Arbeidet skal oversendes departementet innen', '1. mars 2025.', true],
    ['Frist: 15. september 2024', 'Helsedirektoratet skal', false],
    ['Frister:', '- Deloppdrag a) har frist 1. februar 2024.', false],
    ['Frist: Avtales nærmere med departementet', 'TB2025-4 Avd. HOD: KTA', false],
    ['Frist del 2: Avtales nærmere med departementet', '3.12. Tilgang på relevant og oppdatert', false],
    ['Helsedirektoratet skal utrede saken.', 'september', false],
  ])('%s ⏎ %s → %s', (text, next, spans) => {
    expect(deadlineSpansLineBreak(text, next)).toBe(spans);
  });

  it('reports a joined deadline once, on the line of its trigger', () => {
    const lines = [
      {
        no: 10,
        text: 'Frist: Direktoratene bes om å levere på del 1 innen 31. desember 2022 og del 2 innen 15.',
      },
      { no: 11, text: '' },
      { no: 12, text: 'mars 2023. POD har ansvar for å levere rapport på del 1.' },
    ];
    expect(
      parseDeadlineLines(lines, { year: 2022, part: null }).map((d) => [d.date, d.part, d.line]),
    ).toEqual([
      ['2022-12-31', 'Del 1', 10],
      ['2023-03-15', 'Del 2', 10],
    ]);
  });

  it('follows a phrase over two breaks', () => {
    const d = parseDeadlinesAcross(
      'forsøket skal ta utgangspunkt i helårsvirkning av tildelt inntektspåslag for 2021. Tidsfristen for',
      [
        'å bruke eventuelt ubrukte tilskuddsmidler etter avslutning av forsøket utvides med ett år, til ut',
        '2023. Ubrukte midler skal deretter tilbakebetales.',
      ],
      939,
      { year: 2022, part: null },
    );
    expect(d.map((x) => [x.date, x.precision, x.line])).toEqual([['2023-12-31', 'year', 939]]);
  });
});

/** A logical line of a seed, checked to be printed there, read with the next non-blank line(s). */
function seedLine(key: SeedKey, no: number, text: string, year: number): Row[] {
  const lines = linesOf(key);
  const at = lines.findIndex((l) => l.no === no && l.text === text);
  expect(at, `${key}:${no} «${text}»`).toBeGreaterThanOrEqual(0);
  const next = lines
    .slice(at + 1, at + 8)
    .map((l) => l.text)
    .filter((t) => t.trim() !== '')
    .slice(0, 2);
  return parseDeadlinesAcross(text, next, no, { year, part: null }).map((d) => [d.date, d.precision, d.part]);
}

const cache = new Map<SeedKey, ReturnType<typeof toLines>>();
function linesOf(key: SeedKey) {
  let l = cache.get(key);
  if (!l) {
    l = toLines(seedText(key).split(/\r?\n/u));
    cache.set(key, l);
  }
  return l;
}

describe('real lines of the seed letters', () => {
  // [seed, line, text as normalised, expected deadlines]
  const rows: Array<[SeedKey, number, string, Row[]]> = [
    ['tb2024', 202, 'Frist avklares i dialog mellom departementet og direktoratet.', [[null, 'none', null]]],
    ['tb2024', 222, 'Frist: 15. september 2024', [['2024-09-15', 'day', null]]],
    ['tb2024', 242, '- Deloppdrag a) har frist 1. februar 2024.', [['2024-02-01', 'day', 'a']]],
    [
      'tb2024',
      243,
      '- Deloppdrag b) og c) har frist 15. mars 2024.',
      [
        ['2024-03-15', 'day', 'b'],
        ['2024-03-15', 'day', 'c'],
      ],
    ],
    ['tb2024', 279, 'Frist: innen 1. juli 2024.', [['2024-07-01', 'day', null]]],
    [
      'tb2024',
      452,
      'Departementet ber om at Helsedirektoratet i samarbeid med de andre aktørene leverer sitt forslag til felles plan innen 1. juli 2024.',
      [['2024-07-01', 'day', null]],
    ],
    [
      'tb2024',
      512,
      'Frist: Gjennomføringsplanen skal oversendes departementet innen 1. april 2024.',
      [['2024-04-01', 'day', null]],
    ],
    [
      'tb2024',
      446,
      'Helsedirektoratet skal i samarbeid med de regionale helseforetakene, Direktoratet for medisinske produkter og Folkehelseinstituttet fortsette arbeidet med videreutvikling av Nye metoder i tråd med Strategi for videreutvikling av Nye metoder (2023 – 2028), herunder arbeide for rask implementering av beslutninger i klinisk praksis og bidra i utviklingen av et nytt saksbehandlingssystem (verktøystøtte) som vil bidra til bedre transparens og forenkle mulighetene for innspill. Det skal leveres en felles statusrapport for arbeidet 1. april 2024. Arbeidet ledes av de regionale helseforetakene.',
      [['2024-04-01', 'day', null]],
    ],
    ['tb2025', 1303, 'gjennomføres etter leveransen i mai.', []],
    ['tb2024', 546, 'Frist utkast til ny strategi er 1. juni 2024.', [['2024-06-01', 'day', null]]],
    [
      'tb2024',
      586,
      'Frist for svar på oppdrag er fredag 2. februar 2024. Ev. utsettelse avtales med departementet.',
      [['2024-02-02', 'day', null]],
    ],
    ['tb2024', 614, 'Ny frist 31.12.2024.\t\t', [['2024-12-31', 'day', null]]],
    [
      'tb2024',
      663,
      'Beredskapsplanen skal være ferdigstilt innen utgangen av 2024.\t\t',
      [['2024-12-31', 'year', null]],
    ],
    [
      'tb2024',
      709,
      'Oppdragets del 2 skal ferdigstilles innen 1. juni 2024.',
      [['2024-06-01', 'day', 'Del 2']],
    ],
    [
      'tb2024',
      866,
      '- vurdere kartlagte behov opp mot pågående og nye tiltak, frist innen 14. juni 2024',
      [['2024-06-14', 'day', null]],
    ],
    [
      'tb2024',
      1009,
      'tilføres fra en fremforhandlet ramme for å kunne implementeres. Direktoratet skal lede arbeidsgruppen. Arbeidet i gruppen skal ferdigstilles før påske.',
      [[null, 'relative', null]],
    ],
    [
      'tb2024',
      1021,
      'Fristen for nytt forslag til ny tilskuddsordning er 1. mai 2024.',
      [['2024-05-01', 'day', null]],
    ],
    [
      'tb2022',
      444,
      'Helsedirektoratet skal innen 1. desember 2022 gjøre en vurdering av behov for revisjon for',
      [['2022-12-01', 'day', null]],
    ],
    ['tb2022', 501, 'Videreføres med frist 31.12.2022.', [['2022-12-31', 'day', null]]],
    ['tb2022', 509, 'Videreføres med ny frist: 31. mars 2022.', [['2022-03-31', 'day', null]]],
    ['tb2022', 1082, 'Frist for denne delen av oppdraget: 1. april.', [['2022-04-01', 'day', null]]],
    ['tb2022', 1166, 'Frist for oppdraget settes til 30.4.22.', [['2022-04-30', 'day', null]]],
    [
      'tb2022',
      1374,
      'nødvendig opplæring i berørte tjenester. Fristen for oppdraget er forlenget til 2022.',
      [['2022-12-31', 'year', null]],
    ],
    ['tb2022', 1399, 'Frist innen utgangen av 2022.', [['2022-12-31', 'year', null]]],
    [
      'tb2022',
      1632,
      'Frist 1. april 2022. Delleveranser avklares nærmere med departementet.',
      [['2022-04-01', 'day', null]],
    ],
    ['tb2022', 1652, 'Frist avtales mellom departementet og direktoratet.', [[null, 'none', null]]],
    ['tb2022', 1740, 'landet. Frist 1.2.', [['2022-02-01', 'day', null]]],
    [
      'tb2022',
      2859,
      'sykehusplan 2020-2023 hvert år innen 15. oktober gi departementet en samlet',
      [['2022-10-15', 'recurring', null]],
    ],
    ['tb2022', 3139, 'Frist: 20.mars 2022', [['2022-03-20', 'day', null]]],
    [
      'tb2022',
      3218,
      'Frist for prognose i den grad det lar seg gjøre: Samtidig med årsrapporten for 2021.',
      [[null, 'relative', null]],
    ],
    ['tb2022', 3472, 'Frist: utredningen skal leveres 1. mars 2023.', [['2023-03-01', 'day', null]]],
    [
      'tb2022',
      3871,
      'unge med psykiske plager og begynnende rusproblemer. Frist utsettes til 15.',
      [['2022-09-15', 'day', null]],
    ],
    [
      'tb2022',
      3900,
      '- TB2022-21 Nasjonal alkoholstrategi. Frist for plan for oppfølging utsettes til',
      [['2022-06-30', 'month', null]],
    ],
    ['tb2022', 4189, 'Frist: 01.10.22', [['2022-10-01', 'day', null]]],
    ['tb2022', 4336, 'Frist: innen 1.12.2022', [['2022-12-01', 'day', null]]],
    [
      'tb2022',
      4621,
      'Frist: så snart som mulig. HOD ber om en tilbakemelding på når oppdraget er utført.',
      [[null, 'none', null]],
    ],
    [
      'tb2022',
      4748,
      'Frist: Arbeidsgruppen skal være nedsatt innen 1.07.2022. Arbeidsgruppens vurderinger skal',
      [['2022-07-01', 'day', null]],
    ],
    ['tb2022', 4786, 'Frist: 17.6.2022 kl. 14.', [['2022-06-17', 'day', null]]],
    ['tb2022', 5116, 'Endelig frist for leveransen er 15. juni 2024.', [['2024-06-15', 'day', null]]],
    ['tb2022', 5244, 'Frist for trinn to: desember 2022', [['2022-12-31', 'month', null]]],
    ['tb2022', 3303, '57/2)» ble utsatt til 2022 som følge av pandemihåndtering.', []],
    [
      'tb2022',
      3560,
      'tiltak, som ble oversendt departementet 23. april 2021. Disse ligger til grunn for presisering',
      [],
    ],
    ['tb2025', 399, 'Frist 14.03.2025', [['2025-03-14', 'day', null]]],
    ['tb2025', 442, 'Frist: Se særskilt rapportering.', [[null, 'none', null]]],
    ['tb2025', 741, 'Frist: 31.mai 2025', [['2025-05-31', 'day', null]]],
    [
      'tb2025',
      813,
      'Frist: Rapport som oppsummerer erfaringene innen 1. mai, med forslag til opplegg for styrket',
      [['2025-05-01', 'day', null]],
    ],
    [
      'tb2025',
      948,
      'Frist: 15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3',
      [
        ['2025-03-15', 'day', '4'],
        ['2025-11-15', 'day', '1'],
        ['2025-11-15', 'day', '2'],
        ['2025-11-15', 'day', '3'],
      ],
    ],
    [
      'tb2025',
      1414,
      'Frist: 1.4.2025 for konkretisering av tiltak på kort og mellomlang sikt (pkt. 1). Frist for',
      [
        ['2025-04-01', 'day', '1'],
        [null, 'none', null],
      ],
    ],
    ['tb2025', 1573, 'Frist: 31.12.25', [['2025-12-31', 'day', null]]],
    ['tb2025', 1743, 'innen tre uker etter at rapporten er ferdigstilt.', [[null, 'relative', null]]],
    [
      'tb2025',
      1763,
      'Frist: Tentativt 1.10.25, men avklares endelig i dialog mellom direktoratet og departementet',
      [['2025-10-01', 'day', null]],
    ],
    [
      'tb2025',
      1795,
      'Frist: 30.09.25 (mandat) og (samlet rapport) 31.12.2025.',
      [
        ['2025-09-30', 'day', 'mandat'],
        ['2025-12-31', 'day', 'samlet rapport'],
      ],
    ],
    [
      'tb2025',
      1892,
      'Frist: Undersøkelsen må gjennomføres i 2025 for å kunne følge med på om regjeringens',
      [['2025-12-31', 'year', null]],
    ],
    [
      'tb2025',
      1964,
      'Frist: Arbeidet skal være ferdigstilt i løpet av 2025.',
      [['2025-12-31', 'year', null]],
    ],
    [
      'tb2025',
      2071,
      'Frist: 1. desember 2025. Departementet ber om en midtveisrapport 15. juni 2025.',
      [
        ['2025-12-01', 'day', null],
        ['2025-06-15', 'day', null],
      ],
    ],
    [
      'tb2025',
      2191,
      'Frist: Som en del av direktoratets innspill til rammefordelingsforslaget for 2026-budsjettet.',
      [[null, 'relative', null]],
    ],
    ['tb2025', 2503, 'Frist: mars 2025', [['2025-03-31', 'month', null]]],
    ['tb2025', 2511, 'Frist: 1. juli.', [['2025-07-01', 'day', null]]],
    ['tb2025', 2525, 'Frist: 1. kvartal 2025', [['2025-03-31', 'quarter', null]]],
    ['tb2025', 2545, 'Frister: avtales med departementet.', [[null, 'none', null]]],
    [
      'tb2025',
      2592,
      '• Oppdatere klinisk veileder for kritisk informasjon og sørge for høring innen april',
      [['2025-04-30', 'month', null]],
    ],
    [
      'tb2025',
      2947,
      'Frist del 1: Ny løsning skal kunne tas i bruk 1. januar 2026',
      [['2026-01-01', 'day', 'Del 1']],
    ],
    ['tb2025', 2949, 'Frist del 2: Avtales nærmere med departementet', [[null, 'none', 'Del 2']]],
    [
      'tb2025',
      3018,
      'Frist: Helsedirektoratet skal rapportere på funn fra arbeidet til departementet 1. oktober.',
      [['2025-10-01', 'day', null]],
    ],
    ['tb2025', 4283, 'For 79-poster er fristen 30. april.', [['2025-04-30', 'day', null]]],
    [
      'tb2025',
      5002,
      'Årsrapporten for 2025 skal oversendes departementet senest 15. mars 2026, og publiseres på',
      [['2026-03-15', 'day', null]],
    ],
    [
      'tb2025',
      1943,
      '2025 er det behov for at trafikklysfoilene leveres departementet senest en virkedag før',
      [[null, 'relative', null]],
    ],
    ['tb2014', 483, 'Frist 1. juni 2014.', [['2014-06-01', 'day', null]]],
    ['tb2014', 493, 'til instituttet. Frist 31. mars.', [['2014-03-31', 'day', null]]],
    [
      'tb2014',
      1224,
      'oppdraget ”Status psykisk helse og rus”. Del 1 leveres innen sommeren 2014.',
      [['2014-06-30', 'month', 'Del 1']],
    ],
    [
      'tb2014',
      2789,
      '• Tidsfrist 1.5.14: Budsjettforslag 2015 fra Helsedirektoratet for etatens eget',
      [['2014-05-01', 'day', null]],
    ],
    [
      'tb2014',
      2813,
      '• Tidsfrist for innspill til Omgrupperingsproposisjonen vil bli fastsatt siden.',
      [[null, 'none', null]],
    ],
    [
      'tb2014',
      2847,
      'eventuelle bestillinger/føringer fra HOD. Fristen for disse forslag vil fortsatt være 1.',
      [['2014-12-01', 'day', null]],
    ],
    [
      'tb2014',
      2756,
      'Direktoratet skal innen 20. mai rapportere om eventuelle avvik per 31.04.14. Det skal gjøres',
      [['2014-05-20', 'day', null]],
    ],
    ['tb2014', 1571, '- Arbeidet vedrørende partikkelterapi er ferdigstilt i 2013 og utgår i 2014.', []],
  ];
  const YEAR: Record<string, number> = { tb2014: 2014, tb2022: 2022, tb2024: 2024, tb2025: 2025 };
  it.each(rows)('%s:%i %s', (key, no, text, expected) => {
    expect(seedLine(key, no, text, YEAR[key] ?? 0)).toEqual(expected);
  });
});

describe('every deadline label in the seed letters', () => {
  // A line where a clause opens with "Frist"/"Tidsfrist" must give a deadline (dated, relative or none).
  // Exceptions, each read in the source: a table header, calendar rows whose date stands before the label
  // (the calendar stage reads those).
  const LABEL = /(?:^|[.:;]\s+|^[-•]\s*)(?:Ny |Endelig )?(?:Tids)?[Ff]rist(?:en|er)?(?=[\s:]|$)/u;
  const EXCEPTIONS = ['Frist/hyppighet', 'Frister:', 'Frist for oversendelse av'];
  it.each<[SeedKey, number]>([
    ['tb2024', 2024],
    ['tb2022', 2022],
    ['tb2025', 2025],
    ['tb2014', 2014],
  ])('%s', (key, year) => {
    const lines = linesOf(key);
    const missing: string[] = [];
    let labelled = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (!l || !LABEL.test(l.text) || EXCEPTIONS.some((e) => l.text.includes(e))) continue;
      labelled++;
      const next = lines
        .slice(i + 1, i + 8)
        .map((x) => x.text)
        .filter((t) => t.trim() !== '')
        .slice(0, 2);
      if (parseDeadlinesAcross(l.text, next, l.no, { year, part: null }).length > 0) continue;
      // "Frist: Nærmere innretning … skal avklares nærmere med" ⏎ "departementet innen 15. september.":
      // the date's own trigger is on the next line, which reports it.
      const carried = next[0] === undefined ? [] : parseDeadlines(next[0], l.no + 1, { year, part: null });
      if (carried.length === 0) missing.push(`${l.no}: ${l.text}`);
    }
    expect(labelled).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
