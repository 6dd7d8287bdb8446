/**
 * Synthetic allocation letters as text, for the ingest bench and the Kudos stub: whole letters that go
 * through the reader and the extractor like real ones. Letter i varies deterministically in year,
 * ministry, agency, ID scheme (TB, TTB, RTB, OPP and bare numbers), size (4 to 262 assignments, 90 on average)
 * and departments; a third of the assignments carry a deadline, some are carried over from last year's
 * letter by its ID. Fictional names only.
 */
import { MONTH_NAMES } from '../src/core/format/norwegian.js';
const MINISTRIES = [
  ['Klima- og friluftsdepartementet', 'KLIMA- OG FRILUFTSDEPARTEMENTET', ['FRA', 'KLA', 'NAT']],
  ['Helse- og omsorgsdepartementet', 'HELSE- OG OMSORGSDEPARTEMENTET', ['FHA', 'SHA', 'KTA']],
  ['Kunnskapsdepartementet', 'KUNNSKAPSDEPARTEMENTET', ['UHA', 'BLA', 'KOA']],
  ['Samferdselsdepartementet', 'SAMFERDSELSDEPARTEMENTET', ['VEG', 'LUF', 'BAN']],
] as const;

const AGENCY_STEMS = [
  'Frilufts',
  'Helse',
  'Kompetanse',
  'Vei',
  'Kyst',
  'Mattilsyn',
  'Statistikk',
  'Miljø',
  'Forsknings',
  'Lege',
  'Luftfarts',
  'Kultur',
  'Arkiv',
  'Beredskaps',
  'Data',
];
const AGENCY_SUFFIX = ['direktoratet', 'tilsynet', 'etaten', 'rådet', 'senteret'];
const REGIONS = ['Nordland', 'Troms', 'Vestland', 'Agder', 'Innlandet', 'Viken', 'Rogaland', 'Trøndelag'];

const TOPICS = [
  ['Kartlegge merkede turstier', 'kartlegge hvor mange kilometer merket sti kommunene forvalter'],
  ['Veileder om universell utforming', 'utarbeide en veileder om tilrettelegging for alle'],
  ['Evaluering av tilskuddsordningen', 'evaluere tilskuddsordningen og foreslå forenklinger'],
  ['Digitalisering av søknadsbehandlingen', 'digitalisere søknadsbehandlingen og måle effekten'],
  ['Beredskapsplan for digitale tjenester', 'oppdatere beredskapsplanen for digitale tjenester'],
  ['Kunnskapsgrunnlag om psykisk helse', 'sammenstille kunnskap om psykisk helse blant barn og unge'],
  ['Tiltak mot tobakk og alkohol', 'foreslå tiltak som reduserer bruken av tobakk og alkohol'],
  ['Samarbeid med kommunene', 'styrke samarbeidet med kommunene om forebygging'],
  ['Statistikk over ressursbruk', 'publisere statistikk over ressursbruk og resultater'],
  ['Forenkling av regelverket', 'gjennomgå regelverket og foreslå forenklinger'],
] as const;

export type IdScheme = 'TB' | 'TTB' | 'RTB' | 'OPP' | 'bare';
const SCHEMES: readonly IdScheme[] = ['TB', 'TB', 'TTB', 'RTB', 'OPP', 'bare'];

export interface SyntheticLetter {
  name: string;
  text: string;
  year: number;
  ministry: string;
  agency: string;
  scheme: IdScheme;
  assignments: number;
}

/** A small deterministic PRNG, so letter i is the same letter in every run. */
function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** Agency k: 75 national bodies, then regional ones ("Kysttilsynet i Troms"), 675 names in all. */
export function agencyName(k: number): string {
  const base = `${AGENCY_STEMS[k % AGENCY_STEMS.length]}${AGENCY_SUFFIX[Math.floor(k / AGENCY_STEMS.length) % AGENCY_SUFFIX.length]}`;
  const region = Math.floor(k / (AGENCY_STEMS.length * AGENCY_SUFFIX.length));
  return region === 0 ? base : `${base} i ${REGIONS[(region - 1) % REGIONS.length]}`;
}

/** Enough agencies that no two of `total` letters are the same agency's letter for the same year. */
export function agenciesFor(total: number): number {
  return Math.max(25, Math.ceil(total / YEARS));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function assignmentId(scheme: IdScheme, year: number, n: number): string {
  const nn = String(n).padStart(2, '0');
  return scheme === 'bare' ? '' : `${scheme}${year}-${nn}`;
}

const YEARS = 13;

/** Letter i of a corpus of `agencies` agencies: years 2014–2026, 4 to 262 assignments (90 on average). */
export function syntheticLetter(i: number, agencies = 75): SyntheticLetter {
  const r = rng(i + 1);
  const agencyNo = i % agencies;
  const [ministry, ministryCaps, departments] = MINISTRIES[agencyNo % MINISTRIES.length]!;
  const agency = agencyName(agencyNo);
  const year = 2014 + (Math.floor(i / agencies) % YEARS);
  const scheme = SCHEMES[Math.floor(r() * SCHEMES.length)]!;
  // Sizes are skewed like real letters: most have a few dozen assignments, some well over a hundred.
  const count = Math.max(4, Math.round(4 + 258 * r() ** 2));
  const lines: string[] = [
    ministryCaps,
    '',
    agency,
    `Postboks ${100 + agencyNo} Sentrum`,
    '0032 OSLO',
    '',
    `Vår ref: ${String(year).slice(2)}/${1000 + i}-${1 + (i % 9)}`,
    `Dato: ${1 + (i % 27)}. januar ${year}`,
    '',
    `Tildelingsbrev til ${agency} for ${year}`,
    '',
    '1. Innledning',
    '',
    `${ministry} viser til Prop. 1 S (${year - 1}–${year}) og Stortingets vedtak av`,
    `16. desember ${year - 1}. Dette brevet gir ${agency} mål, oppdrag og budsjettrammer for ${year}.`,
    '',
    '2. Mål, styringsparametere og oppdrag',
    '',
  ];
  const perSection = Math.max(4, Math.ceil(count / 4));
  let n = 0;
  for (let s = 1; n < count; s++) {
    const topic = TOPICS[(i + s) % TOPICS.length]!;
    lines.push(`2.${s} ${topic[0]}`, '', `Mål ${s}: ${topic[0]} gir bedre resultater`, '');
    lines.push('Styringsparametere', `• Antall tiltak gjennomført innen ${topic[0].toLowerCase()}`, '');
    lines.push(`2.${s}.1 Oppdrag`, '');
    for (let k = 0; k < perSection && n < count; k++) {
      n++;
      const t = TOPICS[(i * 7 + n) % TOPICS.length]!;
      const dept = departments[(n + s) % departments.length]!;
      const id = assignmentId(scheme, year, n);
      // Each scheme in the layout letters print it in: a headed block, a tab-separated header row
      // (OPP), or, before IDs were printed, a bulleted task under an "Oppdrag" heading.
      if (scheme === 'bare') lines.push(`• ${capitalise(t[1])} (${n}), i samarbeid med berørte aktører.`);
      else if (scheme === 'OPP') lines.push(`${id}\tAvd. ${dept}: ${dept}\t${t[0]} ${n}`);
      else lines.push(`Oppdrag ${id} (ansvarlig avdeling: ${dept})`, `${t[0]} ${n}`);
      if (scheme !== 'bare')
        lines.push(
          `${agency} skal ${t[1]}. Arbeidet skal skje i samarbeid med berørte aktører, og`,
          `resultatene skal rapporteres i årsrapporten for ${year}.`,
        );
      if (n % 3 === 0) lines.push(`Frist: ${1 + (n % 28)}. ${MONTH_NAMES[n % 12]} ${year}.`);
      if (scheme === 'TB' && n % 10 === 0 && year > 2014)
        lines.push(`Oppdraget viderefører oppdrag TB${year - 1}-${String(n).padStart(2, '0')}.`);
      lines.push('');
    }
  }
  lines.push('3. Budsjett', '', '3.1 Tildeling', '', 'Alle tall i hele tusen kroner.', '');
  const chapter = 1400 + agencyNo;
  lines.push(`Kap.\tPost\tBetegnelse\tTildeling ${year}`);
  lines.push(`${chapter}\t01\tDriftsutgifter\t${80 + (i % 50)} ${String(100 + (i % 900)).padStart(3, '0')}`);
  lines.push(`${chapter}\t21\tSpesielle driftsutgifter, kan overføres\t${10 + (i % 20)} 300`);
  lines.push('', '4. Styringskalender', '', 'Dato\tAktivitet');
  lines.push(`15. mars ${year}\tÅrsrapport for ${year - 1}`, `1. juni ${year}\tEtatsstyringsmøte`);
  lines.push('', 'Med hilsen', '', 'Kari Nordmann (e.f.)', 'ekspedisjonssjef', '');
  return {
    name: `tildelingsbrev-${year}-${agency.toLowerCase()}-${i}.txt`,
    text: lines.join('\n'),
    year,
    ministry,
    agency,
    scheme,
    assignments: count,
  };
}
