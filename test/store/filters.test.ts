/**
 * The assignment filters (section, has-deadline, department, year, agency, status with the derived
 * forfalt / snart forfall under an injected clock), on the list and on the search alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentFilter } from '../../src/adapters/store/assignments-query.js';
import { Register } from '../../src/adapters/store/register.js';
import { assignment, deadline, letter } from '../register/fixtures.js';
import { BACKENDS, dropTestSchemas, FIXED_NOW, freshRegister } from './harness.js';

const BODY = 'Direktoratet skal styrke tobakksvernet.';
// FIXED_NOW is 1 March 2025: 10 March is within 14 days (snart forfall), 1 February has passed (forfalt).
const hdir2024 = letter({
  year: 2024,
  assignments: [
    assignment('TB2024-1', {
      section: '3',
      departments: ['FHA'],
      body: BODY,
      deadlines: [deadline('2025-03-10')],
    }),
    assignment('TB2024-2', {
      section: '3.1',
      departments: ['KTA'],
      body: BODY,
      deadlines: [deadline('2025-02-01')],
    }),
    assignment('TB2024-3', { section: '30', departments: ['SHA'], body: BODY }),
    assignment('TB2024-4', {
      section: '2.1',
      departments: ['FHA'],
      body: BODY,
      deadlines: [deadline('2025-12-31')],
    }),
    // "Frist: avklares" prints a deadline without a date: it does not count as having one.
    assignment('TB2024-5', {
      section: '3.10',
      departments: ['KTA'],
      body: BODY,
      deadlines: [deadline(null)],
    }),
  ],
});
const fhi2023 = letter({
  year: 2023,
  recipient: 'Folkehelseinstituttet',
  assignments: [
    assignment('TB2023-1', {
      section: '3',
      departments: ['FHA'],
      body: BODY,
      deadlines: [deadline('2025-02-15')],
    }),
  ],
});

const sorted = (xs: string[]) => [...xs].sort();

describe.each(BACKENDS)('assignment filters on %s', (backend) => {
  let reg: Register;
  beforeAll(async () => {
    reg = await freshRegister(backend);
    await reg.import([
      { file: 'hdir2024', result: hdir2024 },
      { file: 'fhi2023', result: fhi2023 },
    ]);
  });
  afterAll(async () => {
    await reg.close();
    await dropTestSchemas();
  });

  const listed = async (f: AssignmentFilter, r = reg) => sorted((await r.assignments(f)).map((a) => a.key));
  const searched = async (f: AssignmentFilter, r = reg) =>
    sorted((await r.search('tobakksvern', f)).map((h) => h.ref));
  /** Both paths must give the same assignments for the same filter. */
  const both = async (f: AssignmentFilter, expected: string[], r = reg) => {
    expect(await listed(f, r), `list ${JSON.stringify(f)}`).toEqual(sorted(expected));
    expect(await searched(f, r), `search ${JSON.stringify(f)}`).toEqual(sorted(expected));
  };

  it('without a filter finds all six', async () => {
    await both({}, ['TB2024-1', 'TB2024-2', 'TB2024-3', 'TB2024-4', 'TB2024-5', 'TB2023-1']);
  });

  it('section "3" finds 3 and its subsections 3.1 and 3.10, not 30 or 2.1', async () => {
    await both({ section: '3' }, ['TB2024-1', 'TB2024-2', 'TB2024-5', 'TB2023-1']);
  });

  it('section "3.1" does not find 3.10', async () => {
    await both({ section: '3.1' }, ['TB2024-2']);
    await both({ section: '2.1' }, ['TB2024-4']);
    await both({ section: '4' }, []);
  });

  it('has-deadline: a dated deadline counts, "Frist: avklares" does not', async () => {
    await both({ hasDeadline: true }, ['TB2024-1', 'TB2024-2', 'TB2024-4', 'TB2023-1']);
    await both({ hasDeadline: false }, ['TB2024-3', 'TB2024-5']);
  });

  it('department, in any letter case', async () => {
    await both({ department: 'KTA' }, ['TB2024-2', 'TB2024-5']);
    await both({ department: 'fha' }, ['TB2024-1', 'TB2024-4', 'TB2023-1']);
    await both({ department: 'XYZ' }, []);
  });

  it('year and agency (part of the name)', async () => {
    await both({ year: 2023 }, ['TB2023-1']);
    await both({ year: 2024 }, ['TB2024-1', 'TB2024-2', 'TB2024-3', 'TB2024-4', 'TB2024-5']);
    await both({ agency: 'folkehelse' }, ['TB2023-1']);
    await both({ agency: 'Helsedirektoratet' }, ['TB2024-1', 'TB2024-2', 'TB2024-3', 'TB2024-4', 'TB2024-5']);
  });

  it('treats % and _ in a filter as plain characters', async () => {
    await both({ agency: '%' }, []);
    await both({ agency: 'helse_irektoratet' }, []);
    await both({ section: '_' }, []);
  });

  it('combines filters', async () => {
    await both({ department: 'FHA', section: '3' }, ['TB2024-1', 'TB2023-1']);
    await both({ year: 2024, hasDeadline: false, department: 'KTA' }, ['TB2024-5']);
  });

  it('derived statuses follow the injected clock', async () => {
    await both({ status: 'forfalt' }, ['TB2024-2', 'TB2023-1']);
    await both({ status: 'snart forfall' }, ['TB2024-1']);
    // On 11 March the 10 March deadline has passed; 31 December is not yet within 14 days.
    const later = new Register(reg.store, { ...reg.opts, clock: () => new Date('2025-03-11T09:00:00Z') });
    await both({ status: 'forfalt' }, ['TB2024-1', 'TB2024-2', 'TB2023-1'], later);
    await both({ status: 'snart forfall' }, [], later);
    const december = new Register(reg.store, { ...reg.opts, clock: () => new Date('2025-12-20T09:00:00Z') });
    await both({ status: 'snart forfall' }, ['TB2024-4'], december);
    expect(FIXED_NOW.toISOString()).toBe('2025-03-01T09:00:00.000Z');
  });

  it('stored statuses, and a closed assignment is never forfalt', async () => {
    await both({ status: 'ny' }, ['TB2024-1', 'TB2024-2', 'TB2024-3', 'TB2024-4', 'TB2024-5', 'TB2023-1']);
    await reg.setStatus('TB2024-4', 'pågår', 'Startet');
    await reg.setStatus('TB2024-2', 'levert', 'Levert departementet');
    await both({ status: 'pågår' }, ['TB2024-4']);
    await both({ status: 'levert' }, ['TB2024-2']);
    await both({ status: 'forfalt' }, ['TB2023-1']);
    await both({ status: 'forfalt', department: 'KTA' }, []);
  });
});
