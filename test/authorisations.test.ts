import { describe, expect, it } from 'vitest';
import { budgetOfSeed, budgetOfText } from './budget-helpers.js';

describe('authorisations in the 2024 letter', () => {
  const a = budgetOfSeed('tb2024').authorisations;
  it('reads the order-ceiling table under 5.3.1 Bestillingsfullmakt', () => {
    const b = a.filter((x) => x.kind === 'bestillingsfullmakt');
    expect(b.map((x) => [x.chapter, x.post, x.amount, x.lines[0]])).toEqual([
      ['710', '21', 112_000_000, 1309],
      ['710', '22', 90_000_000, 1310],
    ]);
    expect(b[0]?.text).toContain('Samlet ramme 178 mill. kroner; Tildeling Hdir 112 mill. kroner');
  });
  it('reads a belastningsfullmakt in a budget comment and a budget authorisation on another chapter', () => {
    expect(a.find((x) => x.kind === 'belastningsfullmakt')).toMatchObject({
      text: 'Norsk helsearkiv gis belastningsfullmakt når oppgavene overføres.',
      lines: [1187, 1187],
    });
    expect(a.find((x) => x.chapter === '500')).toMatchObject({
      post: '21',
      amount: 1_200_000,
      lines: [1251, 1251],
    });
  });
  it('reads personnel authorisations and the lease authorisation', () => {
    expect(a.filter((x) => x.kind === 'personalfullmakt').length).toBeGreaterThanOrEqual(3);
    const lease = a.find((x) => x.text.includes('leieavtaler'));
    expect(lease?.kind).toBe('annen');
    expect(lease?.text).toContain('Fullmakten delegeres med dette til virksomheten.');
  });
});

describe('authorisations in the 2022 letter', () => {
  const a = budgetOfSeed('tb2022').authorisations;
  it('reads belastningsfullmakter with chapter, post and amount', () => {
    const b = a.filter((x) => x.kind === 'belastningsfullmakt');
    expect(b.map((x) => [x.chapter, x.post, x.amount, x.lines[0]])).toEqual([
      ['710', '23', null, 283],
      ['702', '22', 5_000_000_000, 3333],
    ]);
  });
  it('pairs a merinntektsfullmakt with the post heading above it', () => {
    expect(a.find((x) => x.kind === 'merinntektsfullmakt')).toMatchObject({
      chapter: '714',
      post: '21',
      text: 'Helsedirektoratet kan overskride denne tildelingen mot tilsvarende merinntekter under kap. 3714, post 04.',
    });
  });
});

describe('authorisations in Vedlegg II of the 2025 letter', () => {
  const a = budgetOfSeed('tb2025').authorisations;
  it('reads the PDF order-ceiling table, with a dash and a wrapped row', () => {
    expect(
      a.filter((x) => x.kind === 'bestillingsfullmakt').map((x) => [x.chapter, x.post, x.amount, x.lines]),
    ).toEqual([
      ['710', '21', 173_100_000, [5344, 5344]],
      // " 22 Salgs- og beredskapsprodukter m.m. -": no ceiling printed, not a ceiling of zero.
      ['710', '22', null, [5346, 5346]],
      ['710', '23', 675_000_000, [5348, 5352]],
    ]);
  });
  it('pairs expense and income chapters of the interleaved merinntekt list by the 3000 rule', () => {
    const m = a.filter((x) => x.kind === 'merinntektsfullmakt');
    expect(m.map((x) => [x.chapter, x.post])).toEqual([
      ['714', '22'],
      ['710', '22'],
      ['740', '01, 21'],
    ]);
    expect(m[1]?.text).toContain('kap. 710 post 22 mot kap. 3710 post 03');
    expect(m[2]?.text).toContain('kap. 740 postene 01 og 21 mot kap. 3740 postene 02 og 04');
  });
  it('reads other authorisations with chapter, posts and amount', () => {
    expect(a.find((x) => x.chapter === '740' && x.kind === 'annen')?.post).toBe('60, 61, 70, 71, 72, 73');
    expect(a.find((x) => x.chapter === '500')).toMatchObject({
      kind: 'annen',
      post: '21',
      amount: 1_000_000,
      lines: [4070, 4072],
    });
    expect(a.find((x) => x.text.includes('erstatning'))?.amount).toBe(30_000);
  });
});

describe('authorisations reported in the 2023 annual report', () => {
  const a = budgetOfSeed('ar2023').authorisations;
  it('reads parallel statements without full stops one by one, chapter "0714" as 714', () => {
    expect(
      a.filter((x) => x.kind === 'merinntektsfullmakt').map((x) => [x.chapter, x.post, x.lines]),
    ).toEqual([
      ['714', '21', [2723, 2723]],
      ['740', '01', [2725, 2725]],
    ]);
  });
});

describe('authorisations on constructed input', () => {
  it('warns when a ceiling row has no amount', () => {
    const r = budgetOfText(
      [
        'Helsedirektoratet gis fullmakt til å gjøre bestillinger slik at samlet ramme ikke overstiger følgende beløp:',
        'Kap. Post Betegnelse Samlet ramme',
        '710 Vaksiner',
        '21 Spesielle driftsutgifter',
        '22 Salgsprodukter 12 mill. kroner',
      ].join('\n'),
    );
    expect(r.authorisations.map((x) => [x.kind, x.chapter, x.post, x.amount])).toEqual([
      ['bestillingsfullmakt', '710', '21', null],
      ['bestillingsfullmakt', '710', '22', 12_000_000],
    ]);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['authorisation_amount_missing', 4]]);
  });
  it('derives the expense chapter from an income chapter when no heading names it', () => {
    const r = budgetOfText(
      'Virksomheten kan overskride bevilgningen mot tilsvarende merinntekter under kap. 3725, post 01.',
    );
    expect(r.authorisations[0]).toMatchObject({ kind: 'merinntektsfullmakt', chapter: '725', post: null });
  });
  it('ignores the generic statement about the King and references to past authorisations', () => {
    const r = budgetOfText(
      'Bevilgningsreglementet har flere bestemmelser som gir Kongen fullmakt til å fastsette unntak.\nFullmakten dekker også tester innkjøpt med bakgrunn i bestillingsfullmakten på 1 mrd. kroner i 2021.',
    );
    expect(r.authorisations).toEqual([]);
  });
});
