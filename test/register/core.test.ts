/** Pure register rules: IDs, status transitions, derived status, lineage, diffing, document identity. */
import { describe, expect, it } from 'vitest';
import { diffRecords, uniqueKeys } from '../../src/core/register/diff.js';
import { fingerprint } from '../../src/core/register/fingerprint.js';
import { idKey, idYear } from '../../src/core/register/ids.js';
import { letterKey } from '../../src/core/register/letter.js';
import { mergeIdGroups, planLineage } from '../../src/core/register/lineage.js';
import { allocatedAmount } from '../../src/core/register/records.js';
import { checkTransition, deriveStatus, osloDate, TRANSITIONS } from '../../src/core/register/status.js';
import { budgetLine, letter } from './fixtures.js';

describe('idKey', () => {
  it('matches the irregular spellings of one ID', () => {
    for (const s of ['TB2021-29', 'TB-2021-29', 'TB 2021-29', 'TB2021 –29', 'ID-TB2021-29', 'tb2021-029'])
      expect(idKey(s)).toBe('TB2021-29');
    expect(idKey('TB2024-07')).toBe(idKey('TB2024-7'));
    expect(idKey('TTB2022-19')).toBe('TTB2022-19');
    expect(idKey('RTB2020-17')).toBe('RTB2020-17');
    expect(idKey('TTB2019-38')).not.toBe(idKey('TB2019-38'));
    expect(idYear('TB2021-01')).toBe(2021);
  });
});

describe('status transitions', () => {
  it('allows the table and nothing else', () => {
    expect(checkTransition('ny', 'pågår', 'startet').ok).toBe(true);
    expect(checkTransition('levert', 'pågår', 'sendt tilbake').ok).toBe(true);
    expect(checkTransition('videreført', 'ferdig', 'levert i 2025').ok).toBe(true);
    expect(checkTransition('ny', 'ferdig', 'x')).toMatchObject({ ok: false, code: 'invalid_transition' });
    for (const final of ['ferdig', 'trukket', 'erstattet'] as const) expect(TRANSITIONS[final]).toEqual([]);
    expect(checkTransition('ny', 'pågår', ' ')).toMatchObject({ ok: false, code: 'reason_required' });
    expect(checkTransition('ny', 'ny', 'x')).toMatchObject({ ok: false, code: 'same_status' });
    expect(checkTransition('ny', 'glemt', 'x')).toMatchObject({ ok: false, code: 'unknown_status' });
  });

  it('derives forfalt from the last deadline and snart forfall from any within 14 days', () => {
    const today = '2025-03-01';
    expect(deriveStatus('pågår', ['2025-02-28'], today)).toBe('forfalt');
    expect(deriveStatus('ferdig', ['2025-02-28'], today)).toBe(null);
    expect(deriveStatus('ny', ['2025-03-15'], today)).toBe('snart forfall');
    expect(deriveStatus('ny', ['2025-03-16'], today)).toBe(null);
    // A passed mid-term report does not make a running assignment overdue.
    expect(deriveStatus('pågår', ['2025-01-15', '2025-12-01'], today)).toBe(null);
    expect(deriveStatus('ny', [null], today)).toBe(null);
  });

  it('takes "today" as the calendar day in Oslo', () => {
    expect(osloDate(new Date('2025-03-01T23:30:00Z'))).toBe('2025-03-02');
  });
});

describe('lineage', () => {
  it('merges ID sets that share an ID', () => {
    expect(mergeIdGroups([['TB2019-7', 'TTB2019-38'], ['TTB2019-38'], ['TB2022-1'], ['TB2019-7']])).toEqual([
      ['TB2019-7', 'TTB2019-38'],
      ['TB2022-1'],
    ]);
  });

  it('plans joins to known assignments and merges bridged ones into the oldest', () => {
    const bound = new Map([
      ['TB2019-7', 5],
      ['TTB2019-38', 3],
      ['TB2021-1', 9],
    ]);
    const plan = planLineage([['TB2019-7', 'TTB2019-38'], ['TB2021-1'], ['TB2025-1']], bound);
    expect(plan).toEqual([
      { appearances: [0], keys: ['TB2019-7', 'TTB2019-38'], existing: [3, 5], newKeys: [] },
      { appearances: [1], keys: ['TB2021-1'], existing: [9], newKeys: [] },
      { appearances: [2], keys: ['TB2025-1'], existing: [], newKeys: ['TB2025-1'] },
    ]);
  });
});

describe('import diffing', () => {
  it('tells new, changed, moved, unchanged and removed records apart', () => {
    const stored = [
      { id: 1, key: 'a', fingerprint: 'x', lineFrom: 1, lineTo: 2 },
      { id: 2, key: 'b', fingerprint: 'y', lineFrom: 3, lineTo: 4 },
      { id: 3, key: 'c', fingerprint: 'z', lineFrom: 5, lineTo: 6 },
    ];
    const d = diffRecords(stored, [
      { key: 'a', fingerprint: 'x', lines: [1, 2], record: 0 },
      { key: 'b', fingerprint: 'y2', lines: [3, 4], record: 0 },
      { key: 'c', fingerprint: 'z', lines: [7, 8], record: 0 },
      { key: 'd', fingerprint: 'w', lines: [9, 9], record: 0 },
    ]);
    expect(d.unchanged).toBe(2);
    expect(d.changed.map((c) => c.id)).toEqual([2]);
    expect(d.moved.map((c) => c.id)).toEqual([3]);
    expect(d.added.map((a) => a.key)).toEqual(['d']);
    expect(d.removed).toEqual([]);
    expect(uniqueKeys(['740.01', '740.01', '740.21'])).toEqual(['740.01', '740.01#2', '740.21']);
  });

  it('ignores line numbers in fingerprints', () => {
    expect(fingerprint({ text: 'a', lines: [1, 2], items: [{ t: 'x', line: 3 }] })).toBe(
      fingerprint({ items: [{ line: 9, t: 'x' }], lines: [5, 6], text: 'a' }),
    );
    expect(fingerprint({ text: 'a' })).not.toBe(fingerprint({ text: 'b' }));
  });
});

describe('document identity', () => {
  it('gives a corrected letter the key of the original and keeps other letters apart', () => {
    const a = letter({ year: 2024 }).document;
    const corrected = letter({ year: 2024, revision: 'rettet' }).document;
    expect(a.sha256).not.toBe(corrected.sha256);
    expect(letterKey(corrected)).toBe(letterKey(a));
    expect(letterKey(letter({ year: 2025 }).document)).not.toBe(letterKey(a));
    expect(letterKey({ ...a, type: 'tillegg' })).not.toBe(letterKey(a));
    expect(letterKey({ ...a, year: null })).toBe(`sha:${a.sha256}`);
  });

  it('takes the allocation column of a budget line', () => {
    expect(
      allocatedAmount(budgetLine('740', '01', 0, { columns: ['Bevilgning', 'Tildeling'], amounts: [5, 4] })),
    ).toBe(4);
    expect(
      allocatedAmount(budgetLine('740', '01', 0, { columns: ['2013', '2014'], amounts: [5, null] })),
    ).toBe(5);
  });
});
