import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleFiles, extractText, type SeedKey, seed } from './helpers/seeds.js';

const documentWarnings = (key: SeedKey) =>
  seed(key)
    .warnings.filter((w) => w.code.startsWith('document_'))
    .map((w) => w.code);
const warningsOf = (text: string) =>
  extractText(text)
    .warnings.filter((w) => w.code.startsWith('document_'))
    .map((w) => `${w.code}@${w.line}`);

describe('detectDocument: 2024 letter (letterhead with label and value columns)', () => {
  const d = seed('tb2024').document;
  it('reads type, year, title, date, reference and parties', () => {
    expect(d.type).toBe('tildelingsbrev');
    expect(d.year).toBe(2024);
    expect(d.title).toBe('Tildelingsbrev til Helsedirektoratet for 2024');
    // "Dato" (line 16) … "30. januar 2024" (line 20); "Vår ref" (line 14) … "24/418-" (line 18)
    expect(d.date).toBe('2024-01-30');
    expect(d.reference).toBe('24/418-');
    // Letterhead "DET KONGELIGE" / "HELSE- OG OMSORGSDEPARTEMENT"
    expect(d.issuer).toBe('Helse- og omsorgsdepartementet');
    expect(d.recipient).toBe('Helsedirektoratet');
    expect(d.lineCount).toBe(1385);
    expect(d.supplements).toEqual([]);
    expect(seed('tb2024').warnings.filter((w) => w.code.startsWith('document_'))).toEqual([]);
  });
});

describe('detectDocument: 2022 bundle of a letter and appended supplementary letters', () => {
  const d = seed('tb2022').document;
  it('stays a tildelingsbrev for 2022 without a printed title, date or reference', () => {
    expect(d.type).toBe('tildelingsbrev');
    expect(d.year).toBe(2022);
    expect(d.title).toBeNull();
    expect(d.date).toBeNull();
    expect(d.reference).toBeNull();
    expect(d.issuer).toBe('Helse- og omsorgsdepartementet');
    expect(d.recipient).toBe('Helsedirektoratet');
    // The letter opens with "1 Innledning"; its closing "Med hilsen" (3014) carries no place and date.
    expect(documentWarnings('tb2022')).toEqual(['document_title_missing', 'document_date_missing']);
  });
  it('finds every appended letter where it starts', () => {
    expect(d.supplements.map((s) => [s.title, s.lines])).toEqual([
      // after the main letter's closing ("Med hilsen" 3014 … "Juliane Mekki" 3021)
      [null, [3022, 3351]],
      // after "seniorrådgiver" (3351): the sector heading "Helse- og omsorgstjenester"
      [null, [3352, 4808]],
      // after "Kopi" / "Riksrevisjonen" (4808)
      ['Oppdragsbrev - videreutvikle verktøyet pårørendeavtaler', [4814, 4930]],
      // letterhead "Postadresse" (4942) above the title "Tillegg til tildelingsbrev" (4966)
      ['Tillegg til tildelingsbrev', [4942, 5257]],
    ]);
    for (const s of d.supplements) {
      expect(s.number).toBeNull();
      expect(s.date).toBeNull();
      expect(s.reference).toBeNull();
    }
  });
});

describe('detectDocument: 2025 letter (public version without letterhead)', () => {
  const d = seed('tb2025').document;
  it('derives year, issuer and recipient from the text', () => {
    expect(d.type).toBe('tildelingsbrev');
    expect(d.year).toBe(2025);
    expect(d.date).toBeNull();
    expect(d.reference).toBeNull();
    expect(d.title).toBeNull();
    expect(d.issuer).toBe('Helse- og omsorgsdepartementet');
    expect(d.recipient).toBe('Helsedirektoratet');
    // "supplerende tildelingsbrev gjennom året" in a sentence is no appended letter
    expect(d.supplements).toEqual([]);
    // The public version starts at "1. Innledning" and ends with the appendices: no date, no signature.
    expect(documentWarnings('tb2025')).toEqual(['document_title_missing', 'document_date_missing']);
  });
});

describe('detectDocument: other seeds and the example', () => {
  it('reads the 2014 title with the definite form "Tildelingsbrevet"', () => {
    const d = seed('tb2014').document;
    expect(d.type).toBe('tildelingsbrev');
    expect(d.year).toBe(2014);
    expect(d.title).toBe('Tildelingsbrevet til Helsedirektoratet for 2014');
    expect(d.recipient).toBe('Helsedirektoratet');
    // "Med vennlig hilsen" / "Cathrine Meland (e.f.)" without a place and date
    expect(d.date).toBeNull();
    expect(documentWarnings('tb2014')).toEqual(['document_date_missing']);
  });
  it('reads an annual report as issued by the agency to its ministry', () => {
    const d = seed('ar2023').document;
    expect(d.type).toBe('arsrapport');
    expect(d.year).toBe(2023);
    expect(d.title).toBe('Årsrapport 2023');
    expect(d.issuer).toBe('Helsedirektoratet');
    expect(d.recipient).toBe('Helse- og omsorgsdepartementet');
    // Signed "Oslo, 1. mars 2024" / "Bjørn Guldvog" / "Helsedirektør" (line 2324)
    expect(d.date).toBe('2024-03-01');
    expect(documentWarnings('ar2023')).toEqual([]);
  });
  it('reads "Vår ref: …" and "Dato: …" printed on one line', () => {
    const file = exampleFiles().find((f) => f.includes('friluftsdirektoratet'))!;
    const d = extractText(readFileSync(file, 'utf8')).document;
    expect(d).toMatchObject({
      type: 'tildelingsbrev',
      year: 2026,
      date: '2026-01-15',
      reference: '26/1234-5',
      issuer: 'Klima- og friluftsdepartementet',
      recipient: 'Friluftsdirektoratet',
      title: 'Tildelingsbrev til Friluftsdirektoratet for 2026',
    });
  });
  it('recognises a supplementary letter on its own and survives junk', () => {
    const t = extractText(
      'HELSE- OG OMSORGSDEPARTEMENTET\n\nVår ref\n\nDato\n\n23/77-4\n\n3. mars 2023\n\nTillegg nr. 4 til tildelingsbrev 2023\n\nTekst.\n',
    ).document;
    expect(t.type).toBe('tillegg');
    expect(t.year).toBe(2023);
    expect(t.date).toBe('2023-03-03');
    expect(t.reference).toBe('23/77-4');
    expect(t.issuer).toBe('Helse- og omsorgsdepartementet');
    expect(extractText('«» Dato 99. foo\nVår ref\n1.\n').document.type).toBe('ukjent');
  });
});

describe('detectDocument: warnings on what it cannot read', () => {
  it('warns when the type is unknown, and on nothing else then', () => {
    expect(warningsOf('Referat fra møtet\n\nTekst uten tittel.\n')).toEqual(['document_type_unknown@null']);
    expect(warningsOf('')).toEqual([]);
  });
  it('warns when the year cannot be found, at the title line', () => {
    expect(warningsOf('\nTillegg til tildelingsbrev\n\nVi ber om en rapport.\n')).toEqual([
      'document_year_missing@2',
      'document_date_missing@null',
    ]);
  });
  it('warns at the label when "Dato" carries no readable date', () => {
    expect(warningsOf('Dato\n\nkommer senere\n\nTildelingsbrev til Testdirektoratet for 2026\n')).toEqual([
      'document_date_unreadable@1',
    ]);
  });
  it('warns when the date is far from the year and when the IDs speak of another year', () => {
    const text = [
      'Tildelingsbrev til Testdirektoratet for 2026',
      'Dato: 3. mars 2019',
      'TB2025-01 Avd. HOD: FHA Første',
      'TB2025-02 Avd. HOD: FHA Andre',
      'TB2025-03 Avd. HOD: FHA Tredje',
    ].join('\n');
    expect(extractText(text).document).toMatchObject({ year: 2026, date: '2019-03-03' });
    expect(warningsOf(text)).toEqual(['document_year_conflict@1', 'document_date_conflict@2']);
  });
  it('reads the date printed with the signature when the letterhead has none', () => {
    const text =
      'Tildelingsbrev til Testdirektoratet for 2026\n\nTekst.\n\nBergen, 12. januar 2026\n\nKari Nordmann\navdelingsdirektør\n';
    expect(extractText(text).document.date).toBe('2026-01-12');
    expect(warningsOf(text)).toEqual([]);
    // A place and date in running text, with no name below it, is no signature.
    expect(
      extractText('Tildelingsbrev til Testdirektoratet for 2026\nOslo, 12. januar 2026\nTekst.\n').document
        .date,
    ).toBeNull();
  });
});

describe("detectDocument: only a date printed as the letter's own", () => {
  const calendarLetter = (header: string, row: string) =>
    [
      'Tildelingsbrev til Testdirektoratet for 2026',
      '',
      '1 Innledning',
      'Tekst.',
      '',
      '2 Styringskalender',
      header,
      row,
      '1. juni 2026\tEtatsstyringsmøte',
    ].join('\n');
  it('takes no date from the first row of a calendar table headed "Dato"', () => {
    for (const text of [
      calendarLetter('Dato\tHva', '15. mars 2026\tÅrsrapport for 2025'),
      calendarLetter('Dato Tiltak Merknad', '15. mars 2026 Årsrapport for 2025'),
      calendarLetter('Dato', '15. mars 2026'),
    ]) {
      expect(extractText(text).document.date).toBeNull();
      expect(warningsOf(text)).toEqual(['document_date_missing@null']);
    }
  });
  it('takes the place and date printed in the letterhead above the title', () => {
    const text =
      'KLIMA- OG MILJØDEPARTEMENTET\n\nOslo, 15. januar 2026\n\nTildelingsbrev til Testdirektoratet for 2026\n\nTekst.\n';
    expect(extractText(text).document.date).toBe('2026-01-15');
    expect(warningsOf(text)).toEqual([]);
  });
});

describe('detectDocument: agencies whose name is not one word in -direktoratet', () => {
  const body = ['', '1 Innledning', '', 'Departementet viser til Prop. 1 S for 2024.'];
  const recipientOf = (head: string[]) => extractText([...head, ...body].join('\n')).document;

  it('reads the recipient from the address block above the title', () => {
    const d = recipientOf([
      'SAMFERDSELSDEPARTEMENTET',
      '',
      'Statens vegvesen',
      'Postboks 1010 Nordre Ål',
      '2605 LILLEHAMMER',
      '',
      'Tildelingsbrev 2024',
    ]);
    expect(d).toMatchObject({
      type: 'tildelingsbrev',
      year: 2024,
      recipient: 'Statens vegvesen',
      issuer: 'Samferdselsdepartementet',
    });
  });

  it('reads an address block with a street line, the date below it', () => {
    const d = recipientOf([
      'Norges forskningsråd',
      'Drammensveien 288',
      '0283 OSLO',
      '',
      'Dato: 20. desember 2023',
      '',
      'Tildelingsbrev for 2024',
    ]);
    expect(d.recipient).toBe('Norges forskningsråd');
    expect(d.date).toBe('2023-12-20');
  });

  it('reads the recipient from "Tildelingsbrev 2024 – X" and "Tildelingsbrev til X for 2024"', () => {
    expect(recipientOf(['Tildelingsbrev 2024 – Kystverket'])).toMatchObject({
      year: 2024,
      recipient: 'Kystverket',
    });
    expect(recipientOf(['Tildelingsbrev for 2024 til Norges forskningsråd'])).toMatchObject({
      year: 2024,
      recipient: 'Norges forskningsråd',
    });
    expect(recipientOf(['Tildelingsbrev til Statens vegvesen for 2024']).recipient).toBe('Statens vegvesen');
  });

  it('counts a compound agency name ("Arbeids- og velferdsdirektoratet") in the text', () => {
    const d = recipientOf([
      'Tildelingsbrev for 2024',
      '',
      'Arbeids- og velferdsdirektoratet skal følge opp. Helsedirektoratet bidrar.',
      'Arbeids- og velferdsdirektoratet rapporterer i årsrapporten.',
    ]);
    expect(d.recipient).toBe('Arbeids- og velferdsdirektoratet');
  });

  it('does not take a heading followed by a numbered line for an address block', () => {
    const d = recipientOf(['Innledning', '2024 Oppdrag', '', 'Tildelingsbrev til Kystverket for 2024']);
    expect(d.recipient).toBe('Kystverket');
  });
});
