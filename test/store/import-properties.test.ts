/**
 * Property-based tests for the register import (fast-check on PGlite): any schema-valid extraction
 * result imports without throwing, importing it again changes nothing, a changed version of the same
 * letter keeps what users entered, and a failing import leaves every table as it was.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../src/adapters/store/register.js';
import {
  type Assignment,
  ExtractionResult,
  type ExtractionResult as Result,
} from '../../src/core/model/extraction.js';
import { TRANSITIONS, isStatus } from '../../src/core/register/status.js';
import { seed } from '../helpers/seeds.js';
import { assignment, budgetLine, deadline, goal, letter } from '../register/fixtures.js';
import { BACKENDS, dropTestSchemas, freshRegister } from './harness.js';

// A fixed sample by default, so CI cannot turn red on a draw no one can reproduce; set FC_SEED to
// explore other draws (fast-check prints the seed of any counterexample it finds). Each run opens a
// fresh database and imports whole letters, so a draw heavy in large letters takes long on a loaded
// machine: the generous timeouts are for that, not for slowness of the code under test.
const FC_SEED = Number(process.env.FC_SEED ?? 20261123);

afterAll(dropTestSchemas);

const small = letter({
  year: 2024,
  goals: [goal('1', 'Redusert bruk av tobakk')],
  budgetLines: [budgetLine('740', '01', 1_200_000_000), budgetLine('740', '21', 35_000_000)],
  assignments: [
    assignment('TB2024-1', { title: 'Nasjonal tobakksstrategi', deadlines: [deadline('2024-12-01')] }),
    assignment('TB2019-7', { otherIds: ['TTB2019-38'], kind: 'carried_over' }),
    assignment('TB2024-2', { departments: ['KTA', 'SHA'] }),
    assignment('TB2024-3', { confidential: true, statusText: 'Videreføres' }),
  ],
});

let bases: Result[] = [];
beforeAll(() => {
  bases = [small, seed('tb2024'), seed('tb2025')];
});

/** IDs in printed spellings that normalise to the same key, other series, and odd strings. */
const idArb = fc.oneof(
  fc.constantFrom(
    'TB2024-7',
    'TB2024-07',
    'TB-2024-7',
    'TB 2024-007',
    'ID-TB2024-7',
    'tb2024–7',
    'TTB2019-38',
    'RTB2024-1',
    'TB2019-7',
    '',
    ' ',
  ),
  fc.string({ maxLength: 12 }),
);
const textArb = fc.oneof(
  fc.constantFrom('', 'Nasjonal tobakksstrategi', 'Æøå – «sitat» §3', 'x'.repeat(400)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const dateArb = fc.oneof(
  fc.constant(null),
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

type Op =
  | { op: 'drop' | 'dup' | 'confidential'; i: number }
  | { op: 'swap'; i: number; j: number }
  | { op: 'copyId'; i: number; j: number }
  | { op: 'title' | 'body'; i: number; text: string }
  | { op: 'id'; i: number; id: string }
  | { op: 'otherIds'; i: number; ids: string[] }
  | { op: 'deadline'; i: number; date: string | null; part: string | null }
  | { op: 'departments'; i: number; departments: string[] }
  | { op: 'amount'; i: number; amount: number | null };

const i = fc.nat({ max: 1000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'dup' as const, 'confidential' as const), i }),
  fc.record({ op: fc.constant('swap' as const), i, j: i }),
  fc.record({ op: fc.constant('copyId' as const), i, j: i }),
  fc.record({ op: fc.constantFrom('title' as const, 'body' as const), i, text: textArb }),
  fc.record({ op: fc.constant('id' as const), i, id: idArb }),
  fc.record({ op: fc.constant('otherIds' as const), i, ids: fc.array(idArb, { maxLength: 3 }) }),
  fc.record({
    op: fc.constant('deadline' as const),
    i,
    date: dateArb,
    part: fc.constantFrom(null, 'a', 'b'),
  }),
  fc.record({
    op: fc.constant('departments' as const),
    i,
    departments: fc.array(fc.constantFrom('FHA', 'KTA', 'SHA', 'fha', '', 'Ny avd'), { maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant('amount' as const),
    i,
    amount: fc.oneof(fc.constant(null), fc.integer({ min: -5e12, max: 5e12 })),
  }),
);

function withSha(r: Result, salt: string): Result {
  const { sha256: _old, ...doc } = r.document;
  const sha256 = createHash('sha256')
    .update(JSON.stringify({ ...r, document: doc }) + salt)
    .digest('hex');
  return ExtractionResult.parse({ ...r, document: { ...doc, sha256 } });
}

/** Apply the operations to a copy of the base; the result is parsed so it stays schema-valid. */
function mutate(base: Result, ops: readonly Op[]): Result {
  const as: Assignment[] = structuredClone(base.assignments);
  const budgetLines = structuredClone(base.budgetLines);
  const at = <T>(xs: T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
  for (const o of ops) {
    const a = at(as, o.i);
    const idx = as.length ? o.i % as.length : 0;
    switch (o.op) {
      case 'drop':
        as.splice(idx, 1);
        break;
      case 'dup':
        if (a) as.splice(idx, 0, structuredClone(a));
        break;
      case 'swap': {
        const b = at(as, o.j);
        if (a && b) {
          as[idx] = b;
          as[o.j % as.length] = a;
        }
        break;
      }
      case 'copyId': {
        const b = at(as, o.j);
        if (a && b) a.id = b.id;
        break;
      }
      case 'confidential':
        if (a) a.confidential = !a.confidential;
        break;
      case 'title':
        if (a) a.title = o.text;
        break;
      case 'body':
        if (a) a.body = o.text;
        break;
      case 'id':
        if (a) a.id = o.id;
        break;
      case 'otherIds':
        if (a) a.otherIds = o.ids;
        break;
      case 'deadline':
        if (a)
          a.deadlines = [{ ...deadline(o.date, `Frist: ${o.date ?? 'løpende'}`, o.part), line: a.lines[0] }];
        break;
      case 'departments':
        if (a) a.departments = o.departments;
        break;
      case 'amount': {
        const b = at(budgetLines, o.i);
        if (b && b.amounts.length > 0) b.amounts[o.i % b.amounts.length] = o.amount;
        break;
      }
    }
  }
  return withSha({ ...base, assignments: as, budgetLines }, JSON.stringify(ops));
}

const mutationArb = fc.record({
  base: fc.nat({ max: 2 }),
  ops: fc.array(opArb, { minLength: 1, maxLength: 8 }),
});

const targetOpsArb = fc.array(opArb, { maxLength: 3 });

async function tableCounts(r: Register): Promise<Record<string, number>> {
  const tables = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema() order by tablename`.execute(r.db);
  const out: Record<string, number> = {};
  for (const { tablename } of tables.rows) {
    const res = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(tablename)}`.execute(
      r.db,
    );
    out[tablename] = Number(res.rows[0]?.n);
  }
  return out;
}

/** Tables that a new version of a document grows even when none of its records changed. */
const VERSION_TABLES = ['audit_log', 'document_version', 'extraction_warning', 'kysely_migration'];
const without = (c: Record<string, number>, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(c).filter(([k]) => !keys.includes(k)));

describe.each(BACKENDS)('import properties on %s', (backend) => {
  it('imports any valid result without throwing; the same result again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(mutationArb, fc.boolean(), async ({ base, ops }, baseFirst) => {
        const b = bases[base];
        if (!b) throw new Error('no base');
        const m = mutate(b, ops);
        const r = await freshRegister(backend);
        try {
          if (baseFirst) await r.import([{ file: 'base.txt', result: b }]);
          const [first] = await r.import([{ file: 'm.txt', result: m }]);
          expect(first?.outcome).toBe(baseFirst ? 'new_version' : 'new');
          const before = await tableCounts(r);

          // Same bytes: nothing is written, every record is reported unchanged.
          const [again] = await r.import([{ file: 'm.txt', result: m }]);
          expect(again?.outcome).toBe('unchanged');
          expect(again?.counts.assignments).toEqual({
            new: 0,
            changed: 0,
            unchanged: m.assignments.length,
            removed: 0,
          });
          expect(await tableCounts(r)).toEqual(before);

          // Same records in other bytes: a new version whose diff finds nothing new, changed or removed.
          const [resaved] = await r.import([{ file: 'm2.txt', result: withSha(m, 'resaved') }]);
          expect(resaved?.outcome).toBe('new_version');
          for (const c of Object.values(resaved?.counts ?? {})) {
            expect(c.new + c.changed + c.removed).toBe(0);
          }
          expect(resaved?.counts.assignments.unchanged).toBe(m.assignments.length);
          expect(without(await tableCounts(r), VERSION_TABLES)).toEqual(without(before, VERSION_TABLES));
        } finally {
          await r.close();
        }
      }),
      { numRuns: 6, seed: FC_SEED },
    );
  }, 120_000);

  it('keeps status and notes that users entered across a changed version', async () => {
    await fc.assert(
      fc.asyncProperty(mutationArb, fc.nat(), targetOpsArb, async ({ base, ops }, pick, targetOps) => {
        const b = bases[base];
        if (!b) throw new Error('no base');
        const r = await freshRegister(backend);
        try {
          await r.import([{ file: 'base.txt', result: b }]);
          const listed = await r.assignments();
          const target = listed[pick % Math.max(1, listed.length)];
          if (!target) return;
          const id = target.ids[0] ?? '';
          const from = target.status;
          const to = isStatus(from) ? TRANSITIONS[from][0] : undefined;
          if (to) await r.setStatus(id, to, 'Endret i test');
          await r.note(id, 'Notat fra saksbehandler');

          // Aim some operations at the edited assignment itself, so that it is often changed or dropped.
          const k = b.assignments.findIndex((a) => a.id === id || a.otherIds.includes(id));
          const aimed = k < 0 ? [] : targetOps.map((o) => ({ ...o, i: k }));
          await r.import([{ file: 'm.txt', result: mutate(b, [...aimed, ...ops]) }]);
          const after = await r.show(id);
          if (!after) return;
          expect(after.timeline.filter((e) => e.kind === 'note').map((e) => e.text)).toContain(
            'Notat fra saksbehandler',
          );
          const statuses = after.timeline.filter((e) => e.kind === 'status');
          if (to) {
            expect(statuses.some((e) => e.details.reason === 'Endret i test' && e.details.to === to)).toBe(
              true,
            );
            // Only a later status change sourced from a document may override the user's status.
            const last = statuses.at(-1);
            if (last?.document === null) expect(after.status).toBe(to);
          }
        } finally {
          await r.close();
        }
      }),
      { numRuns: 6, seed: FC_SEED },
    );
  }, 120_000);

  it('a failing import leaves every table as it was', async () => {
    const failure = fc.constantFrom('line', 'year', 'nul', 'progress');
    await fc.assert(
      fc.asyncProperty(mutationArb, failure, fc.boolean(), async ({ base, ops }, how, baseFirst) => {
        const b = bases[base];
        if (!b) throw new Error('no base');
        const r = await freshRegister(backend);
        try {
          if (baseFirst) await r.import([{ file: 'base.txt', result: b }]);
          const before = await tableCounts(r);
          const good = mutate(b, ops);
          const other = bases[(base + 1) % bases.length] ?? b;
          // A schema-valid result the database must refuse: an int column overflows, or text holds NUL.
          const bad: Result =
            how === 'line'
              ? withSha(
                  {
                    ...other,
                    assignments: [...other.assignments, assignment('TB2024-99', { lines: [1, 3e9] })],
                  },
                  'bad',
                )
              : how === 'year'
                ? withSha({ ...other, document: { ...other.document, year: 3e9 } }, 'bad')
                : how === 'nul'
                  ? withSha(
                      {
                        ...other,
                        assignments: [...other.assignments, assignment('TB2024-99', { title: 'a\u0000b' })],
                      },
                      'bad',
                    )
                  : other;
          const run = r.import(
            [
              { file: 'good.txt', result: good },
              { file: 'bad.txt', result: bad },
            ],
            how === 'progress'
              ? (done) => {
                  if (done === 2) throw new Error('avbrutt');
                }
              : undefined,
          );
          await expect(run).rejects.toThrow();
          expect(await tableCounts(r)).toEqual(before);
        } finally {
          await r.close();
        }
      }),
      { numRuns: 5, seed: FC_SEED },
    );
  }, 120_000);
});
