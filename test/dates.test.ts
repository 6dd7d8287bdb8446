import { describe, expect, it } from 'vitest';
import { findDates, monthFromWord, parseNorwegianDate } from '../src/core/extract/dates.js';

const Y = 2025;

describe('parseNorwegianDate', () => {
  it.each([
    ['15. september 2024', '2024-09-15', 'day'],
    ['15.september 2024', '2024-09-15', 'day'],
    ['31.mai 2025', '2025-05-31', 'day'],
    ['14.03.2025', '2025-03-14', 'day'],
    ['31.12.25', '2025-12-31', 'day'],
    ['01.10.22', '2022-10-01', 'day'],
    ['1.5.14:', '2014-05-01', 'day'],
    ['1.2.', '2025-02-01', 'day'],
    ['1. juli.', '2025-07-01', 'day'],
    ['fredag 2. februar 2024', '2024-02-02', 'day'],
    ['innen 1. april 22. Det er bevilget', '2022-04-01', 'day'],
    ['12. des. 2023', '2023-12-12', 'day'],
    ['28. feb', '2025-02-28', 'day'],
    ['1. jan. 2026', '2026-01-01', 'day'],
    ['30. sept. 2025', '2025-09-30', 'day'],
    ['15. febaruar 2024', '2024-02-15', 'day'],
    ['1. sepember 2024', '2024-09-01', 'day'],
    ['3. desmber', '2025-12-03', 'day'],
    ['mars 2025', '2025-03-31', 'month'],
    ['februar 2024', '2024-02-29', 'month'],
    ['innen utgangen av mai 2025', '2025-05-31', 'month'],
    ['utsettes til mai/juni.', '2025-06-30', 'month'],
    ['innen april', '2025-04-30', 'month'],
    ['1. kvartal 2025', '2025-03-31', 'quarter'],
    ['første kvartal', '2025-03-31', 'quarter'],
    ['fjerde kvartal 2024', '2024-12-31', 'quarter'],
    ['Q1 2025', '2025-03-31', 'quarter'],
    ['Q3', '2025-09-30', 'quarter'],
    ['første halvår 2024', '2024-06-30', 'half'],
    ['1. halvår', '2025-06-30', 'half'],
    ['andre halvår', '2025-12-31', 'half'],
    ['innen utgangen av året', '2025-12-31', 'year'],
    ['i løpet av 2024', '2024-12-31', 'year'],
    ['innen utgangen av 2025', '2025-12-31', 'year'],
    ['til ut 2023', '2023-12-31', 'year'],
    ['sommeren 2025', '2025-08-31', 'quarter'],
    ['innen sommeren 2014', '2014-06-30', 'month'],
    ['i løpet av høsten', '2025-12-31', 'half'],
  ])('%s → %s (%s)', (text, date, precision) => {
    const r = parseNorwegianDate(text, Y);
    expect(r).not.toBeNull();
    expect(r?.date).toBe(date);
    expect(r?.precision).toBe(precision);
  });

  it('reads the time of day', () => {
    expect(parseNorwegianDate('17.6.2022 kl. 14.', Y)).toEqual({
      date: '2022-06-17',
      precision: 'day',
      time: '14:00',
    });
    expect(parseNorwegianDate('1. mars 2024 kl 12:30', Y)?.time).toBe('12:30');
  });

  it('rejects impossible dates instead of inventing one', () => {
    // A real month with a day it lacks is a date with a typo: found (so a deadline can report it), no date.
    expect(parseNorwegianDate('31. februar 2024', Y)).toEqual({ date: null, precision: 'day', time: null });
    expect(parseNorwegianDate('29. februar 2023', Y)?.date).toBeNull();
    expect(parseNorwegianDate('32.01.2024', Y)).toBeNull();
    expect(parseNorwegianDate('15.13.2024', Y)).toBeNull();
    expect(parseNorwegianDate('29. februar 2024', Y)?.date).toBe('2024-02-29');
  });

  it('leaves the date null when neither text nor context gives a year', () => {
    expect(parseNorwegianDate('1. juli', null)).toEqual({ date: null, precision: 'day', time: null });
  });

  it('does not read numbers that are not dates', () => {
    for (const text of [
      'Meld. St. 15 (2022–2023)',
      'i perioden 2023–2025',
      'kap. 765. 21',
      'se punkt 4.4.',
      'over 760.21 til statsforvalterne',
      'versjon 2.1.3',
      '3. mill. kr. til implementering',
      '1. Helsedirektoratet skal',
      'i 2025-budsjettet',
      'vinteren 2025',
    ])
      expect(parseNorwegianDate(text, Y), text).toBeNull();
  });
});

describe('findDates', () => {
  it('returns every date with its span and keeps the year open when it is missing', () => {
    const text = 'Frist: 15. mars for oppdrag 4; 15. november 2025 for oppdrag 1-3';
    const ds = findDates(text);
    expect(ds.map((d) => text.slice(d.start, d.end))).toEqual(['15. mars', '15. november 2025']);
    expect(ds[0]?.year).toBeNull();
    expect(ds[1]?.year).toBe(2025);
  });

  it('marks a bare year after i/til/innen as weak', () => {
    const [d] = findDates('Fristen for oppdraget er forlenget til 2022.');
    expect(d).toMatchObject({ year: 2022, precision: 'year', weak: true });
  });

  it('prefers the longest reading where two overlap', () => {
    const text = 'innen 15. mars 2025';
    expect(findDates(text).map((d) => text.slice(d.start, d.end))).toEqual(['15. mars 2025']);
  });
});

describe('monthFromWord', () => {
  it('knows full names, abbreviations and near-miss spellings', () => {
    expect(monthFromWord('Desember')).toBe(12);
    expect(monthFromWord('sept')).toBe(9);
    expect(monthFromWord('febaruar')).toBe(2);
    expect(monthFromWord('oktobr')).toBe(10);
    expect(monthFromWord('juli')).toBe(7);
  });
  it('does not stretch short or unrelated words into months', () => {
    expect(monthFromWord('mill')).toBeNull();
    expect(monthFromWord('juno')).toBeNull();
    expect(monthFromWord('desimal')).toBeNull();
    expect(monthFromWord('Nasjonal')).toBeNull();
    expect(monthFromWord('febaruar', false)).toBeNull();
  });
});
