/**
 * The two fictional examples in one register: the 2026 allocation letter (15 January) and its
 * Tillegg nr. 1 (14 March), which clarifies TB2026-02, moves its sub-task b from 1 September to
 * 1 October 2026 and withdraws TB2026-03.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/adapters/readers/index.js';
import type { Register } from '../../src/adapters/store/register.js';
import { extract } from '../../src/core/extract/extract.js';
import { currentView } from '../../src/core/register/current.js';
import { statusFromText } from '../../src/core/register/status.js';
import { EXAMPLES_DIR } from '../helpers/seeds.js';
import { freshRegister } from '../store/harness.js';

async function example(name: string) {
  const file = join(EXAMPLES_DIR, name);
  return { file: name, result: extract(await readDocument(new Uint8Array(readFileSync(file)), file)) };
}

let reg: Register;
beforeAll(async () => {
  reg = await freshRegister('pglite');
  await reg.import([
    await example('tildelingsbrev-2026-friluftsdirektoratet.txt'),
    await example('tillegg-1-2026-friluftsdirektoratet.html'),
  ]);
});
afterAll(() => reg.close());

describe('the 2026 letter and Tillegg nr. 1 in one register', () => {
  it('gives TB2026-02 one timeline: the letter, then the clarification and the new deadline for b', async () => {
    const a = await reg.show('TB2026-02');
    expect(a?.title).toBe('Veileder om tilrettelegging for personer med nedsatt funksjonsevne');
    expect(a?.departments).toEqual(['FRA', 'KLA']);
    const apps = a?.timeline.filter((e) => e.kind === 'appearance') ?? [];
    expect(apps.map((e) => [e.document?.type, e.document?.date, e.details.kind])).toEqual([
      ['tildelingsbrev', '2026-01-15', 'new'],
      ['tillegg', '2026-03-14', 'supplement'],
    ]);
    const refs = a?.timeline.filter((e) => e.kind === 'references') ?? [];
    expect(refs.map((e) => [e.details.relation, e.document?.date])).toEqual([['clarifies', '2026-03-14']]);
    // The supplement restates this assignment: no "TB2026-02 presiserer TB2026-02".
    expect(refs.map((e) => e.text)).toEqual(['Presisert i tillegg til tildelingsbrev 2026']);
    expect(apps[1]?.text).toMatch(/^Omtalt i tillegg til tildelingsbrev 2026: TB2026-02 /);
    const changes = a?.timeline.filter((e) => e.kind === 'deadline_change') ?? [];
    expect(changes.map((e) => [e.details, e.document?.date])).toEqual([
      [
        {
          from: '2026-09-01',
          to: '2026-10-01',
          part: 'b',
          source: 'document',
          reason: 'Ny frist i tillegg til tildelingsbrev 2026',
        },
        '2026-03-14',
      ],
    ]);
    // Dated when the document made the change, and written as Norwegians write dates.
    expect(changes.map((e) => [e.at, e.text])).toEqual([
      [
        '2026-03-14',
        'Frist (b) endret fra 1. september 2026 til 1. oktober 2026: Ny frist i tillegg til tildelingsbrev 2026',
      ],
    ]);
    // Sub-tasks a and c keep the letter's deadlines; b has the supplement's.
    expect(a?.deadlines.map((d) => [d.part, d.date])).toEqual([
      ['a', '2026-05-01'],
      ['b', '2026-10-01'],
      ['c', '2026-12-15'],
    ]);
    expect(a?.status).toBe('ny');
  });

  it('sets TB2026-03 to trukket with the supplement as source, keeping its title', async () => {
    const a = await reg.show('TB2026-03');
    expect(a?.status).toBe('trukket');
    expect(a?.title).toBe('Evaluering av tilskuddsordningen for friluftsformål');
    const st = a?.timeline.filter((e) => e.kind === 'status') ?? [];
    expect(st.map((e) => [e.details.from, e.details.to, e.document?.type, e.document?.date])).toEqual([
      ['ny', 'trukket', 'tillegg', '2026-03-14'],
    ]);
  });

  it('lists the merged view too: titles kept, every sub-task deadline, the moved one updated', async () => {
    const list = await reg.assignments({ year: 2026 });
    const byKey = new Map(list.flatMap((a) => a.ids.map((id) => [id, a] as const)));
    expect(byKey.get('TB2026-03')?.title).toBe('Evaluering av tilskuddsordningen for friluftsformål');
    expect(byKey.get('TB2026-02')?.deadlines).toEqual(['2026-05-01', '2026-10-01', '2026-12-15']);
    expect(byKey.get('TB2026-02')?.title).toBe(
      'Veileder om tilrettelegging for personer med nedsatt funksjonsevne',
    );
  });

  it('adds TTB2026-1 as a supplement of its own, and leaves TB2026-01 untouched', async () => {
    const t = await reg.show('TTB2026-1');
    expect(t?.departments).toEqual(['KLA']);
    expect(t?.deadlines.map((d) => d.date)).toEqual(['2026-09-15']);
    const b = await reg.show('TB2026-01');
    expect(b?.timeline.map((e) => e.kind)).toEqual(['appearance']);
  });
});

describe('status and current view rules', () => {
  it('reads only withdrawals from a status sentence', () => {
    expect(statusFromText('Oppdrag TB2026-03 trekkes tilbake')).toBe('trukket');
    expect(statusFromText('Utgår.')).toBe('trukket');
    expect(statusFromText('Andre aktører trekkes derfor inn i arbeidet.')).toBeNull();
    expect(statusFromText('Videreføres med ny frist: 31. mars 2026.')).toBeNull();
    expect(statusFromText(null)).toBeNull();
  });

  it('lets a later letter restate everything, a supplement only what it names', () => {
    const d = (part: string | null, date: string) => ({ part, date });
    const letter = { kind: 'new', title: 'T', departments: ['FRA'], deadlines: [d('a', '1'), d('b', '2')] };
    expect(
      currentView([letter, { kind: 'supplement', title: '', departments: [], deadlines: [d('b', '3')] }]),
    ).toEqual({
      kind: 'supplement',
      title: 'T',
      departments: ['FRA'],
      deadlines: [d('a', '1'), d('b', '3')],
    });
    expect(
      currentView([
        letter,
        { kind: 'carried_over', title: 'T2', departments: [], deadlines: [d(null, '4')] },
      ]),
    ).toEqual({ kind: 'carried_over', title: 'T2', departments: [], deadlines: [d(null, '4')] });
  });
});
