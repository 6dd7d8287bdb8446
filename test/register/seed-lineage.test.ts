/** Lineage on the real letters: 2022 → 2024 (carried over) → 2025 (referenced, replaced). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../src/adapters/store/register.js';
import { PUBLIC_VIEWER } from '../../src/core/register/viewer.js';
import { seed } from '../helpers/seeds.js';
import { freshRegister } from '../store/harness.js';

let reg: Register;
beforeAll(async () => {
  reg = await freshRegister('pglite');
  await reg.import([
    { file: '001', result: seed('tb2022') },
    { file: '000', result: seed('tb2024') },
    { file: '003', result: seed('tb2025') },
  ]);
});
afterAll(() => reg.close());

describe('the 2022, 2024 and 2025 letters in one register', () => {
  it('gives TB2022-33 one timeline: new in 2022, carried over in 2024, referenced in 2025', async () => {
    const a = await reg.show('TB2022-33');
    expect(a?.title).toBe('Bedre tilbud til hørselshemmede');
    const apps = a?.timeline.filter((e) => e.kind === 'appearance') ?? [];
    expect(apps.map((e) => [e.document?.year, e.details.kind, (e.details.lines as number[])[0]])).toEqual([
      [2022, 'new', 1453],
      [2024, 'carried_over', 616],
    ]);
    const refs = a?.timeline.filter((e) => e.kind === 'referenced_by') ?? [];
    expect(refs.map((e) => [e.details.from, e.document?.year])).toContainEqual(['TB2025-28', 2025]);
    expect(a?.status).toBe('videreført');
    expect(a?.departments).toEqual(['SHA']);
  });

  it('marks TB2024-47 erstattet by "Oppdraget erstatter TB2024-47" in the 2025 letter', async () => {
    const a = await reg.show('TB2024-47');
    expect(a?.title).toContain('hjernehelsestrategi');
    expect(a?.status).toBe('erstattet');
    const by = a?.timeline.find((e) => e.kind === 'referenced_by');
    expect(by?.details).toMatchObject({ relation: 'replaces', from: 'TB2025-40' });
  });

  it('finds the tobacco strategy assignment of 2024 from the word "tobakk"', async () => {
    const hits = await reg.search('tobakk', { year: 2024 });
    expect(hits.some((h) => h.ref === 'TB2024-07')).toBe(true);
  });

  it('hides TB2025-34 (Unntatt offentlighet) from a public viewer', async () => {
    const pub = new (reg.constructor as typeof Register)(reg.store, { ...reg.opts, viewer: PUBLIC_VIEWER });
    expect((await reg.show('TB2025-34'))?.confidential).toBe(true);
    expect(await pub.show('TB2025-34')).toBeNull();
    expect((await pub.assignments({ year: 2025 })).some((a) => a.key === 'TB2025-34')).toBe(false);
  });

  it('changes nothing when the same letters are imported again', async () => {
    const again = await reg.import([{ file: '000', result: seed('tb2024') }]);
    expect(again[0]?.outcome).toBe('unchanged');
  });
});
