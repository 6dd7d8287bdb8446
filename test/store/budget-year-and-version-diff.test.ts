/** The web app's budget year (letter, supplements, accounts, earmarks) and the import preview's version diff. */
import { describe, expect, it } from 'vitest';
import { budgetYear } from '../../src/adapters/store/budget-year.js';
import { currentExtraction } from '../../src/adapters/store/current-extraction.js';
import { letterKey } from '../../src/core/register/letter.js';
import { versionDiff } from '../../src/core/register/version-diff.js';
import { PUBLIC_VIEWER } from '../../src/core/register/viewer.js';
import { assignment, budgetLine, deadline, letter } from '../register/fixtures.js';
import { registerPerTest } from './harness.js';

const reg = registerPerTest();

describe('versionDiff', () => {
  const v1 = letter({
    year: 2024,
    assignments: [
      assignment('TB2024-01', { title: 'Første', deadlines: [deadline('2024-05-01')] }),
      assignment('TB2024-02'),
      assignment('TB2024-03', { confidential: true, title: 'Hemmelig' }),
    ],
  });
  const v2 = letter({
    year: 2024,
    revision: 'b',
    assignments: [
      assignment('TB2024-01', {
        title: 'Første, endret',
        deadlines: [deadline('2024-06-01')],
        lines: [20, 30],
      }),
      assignment('TB2024-04', { title: 'Ny' }),
    ],
  });
  const key = letterKey(v1.document);

  it('lists new, changed (with fields) and removed assignments and counts per record type', () => {
    const d = versionDiff(v1, v2, key);
    expect(d.assignments.added).toEqual([{ id: 'TB2024-04', title: 'Ny', fields: [] }]);
    expect(d.assignments.changed).toEqual([
      { id: 'TB2024-01', title: 'Første, endret', fields: ['title', 'deadlines'] },
    ]);
    expect(d.assignments.removed.map((a) => a.id)).toEqual(['TB2024-02', 'TB2024-03']);
    expect(d.counts.assignments).toEqual({ new: 1, changed: 1, unchanged: 0, removed: 2 });
    expect(d.counts.calendar).toEqual({ new: 0, changed: 0, unchanged: 1, removed: 0 });
  });

  it('never names or counts a stored confidential assignment the viewer may not see', () => {
    const d = versionDiff(v1, v2, key, (a) => a.confidential);
    expect(JSON.stringify(d)).not.toContain('Hemmelig');
    expect(JSON.stringify(d)).not.toContain('TB2024-03');
    expect(d.counts.assignments.removed).toBe(1);
  });

  it('finds the stored current version by letter key', async () => {
    const r = await reg('pglite');
    expect(await currentExtraction(r.db, key)).toBeNull();
    await r.import([{ file: 'a', result: v1 }]);
    const cur = await currentExtraction(r.db, key);
    expect(cur?.version).toBe(1);
    expect(cur?.extraction.document.sha256).toBe(v1.document.sha256);
  });
});

describe('budgetYear', () => {
  it('joins the letter, the supplements and the annual report accounts per chapter/post', async () => {
    const r = await reg('pglite');
    await r.import([
      {
        file: 'tb',
        result: letter({
          year: 2024,
          budgetLines: [
            budgetLine('740', '01', 1_000_000, {
              flags: ['kan_overfores'],
              earmarks: [{ amount: 200_000, text: 'øremerket kartlegging' }],
            }),
            budgetLine('740', '21', 500_000),
          ],
        }),
      },
      {
        file: 'ttb',
        result: letter({
          year: 2024,
          type: 'tillegg',
          reference: '24/1',
          budgetLines: [
            budgetLine('740', '01', 0, {
              columns: ['Tidligere tildeling', 'Ny tildeling', 'Sum tildelt'],
              amounts: [1_000_000, 50_000, 1_050_000],
            }),
            budgetLine('740', '21', 0, {
              columns: ['Tidligere tildeling', 'Sum tildelt'],
              amounts: [500_000, 520_000],
            }),
          ],
        }),
      },
      {
        file: 'ar',
        result: letter({
          year: 2024,
          type: 'arsrapport',
          budgetLines: [
            budgetLine('740', '01', 0, {
              columns: ['Samlet tildeling', 'Regnskap 2024'],
              amounts: [1_050_000, 990_000],
            }),
          ],
        }),
      },
      { file: 'tb23', result: letter({ year: 2023, budgetLines: [budgetLine('740', '01', 900_000)] }) },
    ]);
    const b = await budgetYear(r.db, PUBLIC_VIEWER, 2024);
    expect(b.years).toEqual([2023, 2024]);
    expect(b.year).toBe(2024);
    expect(b.lines[0]).toMatchObject({
      chapter: '740',
      post: '01',
      letter: 1_000_000,
      supplements: 50_000,
      allocation: 1_050_000,
      accounts: 990_000,
      difference: 60_000,
      flags: ['kan_overfores'],
      earmarks: [{ amount: 200_000, text: 'øremerket kartlegging' }],
    });
    expect(b.lines[1]).toMatchObject({
      post: '21',
      supplements: 20_000,
      allocation: 520_000,
      accounts: null,
      difference: null,
    });
    expect((await budgetYear(r.db, PUBLIC_VIEWER)).year).toBe(2024);
  });
});
