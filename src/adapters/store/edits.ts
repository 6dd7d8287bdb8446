/**
 * What people enter: status changes (validated against the transition table), notes and answers,
 * owners, and deadline changes. Each records who, when and why, and goes to the audit log.
 * Each runs under the register's write lock with the assignment's row locked, counts one more version
 * of the assignment, and refuses with `conflict` when the caller's expected version (or status) is stale.
 */
import type { Kysely, Transaction } from 'kysely';
import { checkTransition } from '../../core/register/status.js';
import type { Clock, Viewer } from '../../core/register/viewer.js';
import { resolveAssignment } from './assignments-query.js';
import { audit } from './audit.js';
import { RegisterError } from './errors.js';
import type { Database } from './schema.js';
import { bumpVersions, type Expectation, lockAssignment, lockWrites } from './write-lock.js';

export { RegisterError };

export interface EditContext {
  actor: string;
  clock: Clock;
  viewer: Viewer;
}

/** What an edit did: the assignment and its version after the change (the new ETag). */
export interface EditResult {
  id: number;
  version: number;
}

interface Locked {
  trx: Transaction<Database>;
  id: number;
  status: string;
  at: string;
}

/**
 * One edit: write lock, resolve, row lock and expectation check, the change itself, then the version
 * count. The write lock comes first so that every writer takes its locks in the same order.
 */
async function edit<T extends object>(
  db: Kysely<Database>,
  printed: string,
  ctx: EditContext,
  expect: Expectation,
  change: (l: Locked) => Promise<T>,
): Promise<T & EditResult> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const id = await resolveAssignment(trx, printed, ctx.viewer);
    if (id === null) throw new RegisterError('assignment_not_found', `Fant ikke oppdraget «${printed}».`);
    const cur = await lockAssignment(trx, id, expect);
    const out = await change({ trx, id, status: cur.status, at: ctx.clock().toISOString() });
    const version = (await bumpVersions(trx, [id])).get(id) ?? cur.version + 1;
    return { ...out, id, version };
  });
}

export interface StatusExpectation extends Expectation {
  /**
   * The status the caller saw. Two people moving an assignment from the same status race; the loser
   * gets `conflict` instead of a transition from a status they never saw (ny → levert, then levert →
   * pågår would be legal, but not what the second person meant).
   */
  expectedStatus?: string;
  /** The agency's answer, stored in the same transaction as a delivery (so never one without the other). */
  answer?: string;
}

export async function changeStatus(
  db: Kysely<Database>,
  printed: string,
  to: string,
  reason: string,
  ctx: EditContext,
  expect: StatusExpectation = {},
): Promise<{ from: string; to: string } & EditResult> {
  return edit(db, printed, ctx, expect, async ({ trx, id, status: from, at }) => {
    if (expect.expectedStatus !== undefined && expect.expectedStatus !== from)
      throw new RegisterError(
        'conflict',
        `Oppdraget har fått status «${from}» i mellomtiden (du så «${expect.expectedStatus}»). Hent det på nytt og prøv igjen.`,
      );
    const check = checkTransition(from, to, reason);
    if (!check.ok) throw new RegisterError(check.code, check.message);
    await writeStatus(trx, { id, from, to, reason, at, actor: ctx.actor, answer: expect.answer });
    return { from, to };
  });
}

/** One status change already checked and locked: the status, the answer with a delivery, the event, the audit. */
export interface StatusWrite {
  id: number;
  from: string;
  to: string;
  reason: string;
  at: string;
  actor: string;
  answer?: string | undefined;
}

export async function writeStatus(trx: Transaction<Database>, w: StatusWrite): Promise<void> {
  await trx
    .updateTable('assignment')
    .set({ status: w.to, status_changed_at: w.at, status_changed_by: w.actor })
    .where('id', '=', w.id)
    .execute();
  if (w.answer !== undefined && w.answer.trim() !== '') {
    await trx
      .insertInto('note')
      .values({ assignment_id: w.id, kind: 'answer', text: w.answer, at: w.at, actor: w.actor })
      .execute();
    await audit(trx, [
      {
        at: w.at,
        actor: w.actor,
        action: 'answer',
        entity: 'assignment',
        entityId: w.id,
        details: { text: w.answer },
      },
    ]);
  }
  await trx
    .insertInto('status_event')
    .values({
      assignment_id: w.id,
      from_status: w.from,
      to_status: w.to,
      at: w.at,
      actor: w.actor,
      reason: w.reason,
      source_document_id: null,
    })
    .execute();
  await audit(trx, [
    {
      at: w.at,
      actor: w.actor,
      action: 'status',
      entity: 'assignment',
      entityId: w.id,
      details: { from: w.from, to: w.to, reason: w.reason },
    },
  ]);
}

export async function addNote(
  db: Kysely<Database>,
  printed: string,
  text: string,
  kind: 'note' | 'answer',
  ctx: EditContext,
  expect: Expectation = {},
): Promise<EditResult> {
  if (text.trim() === '') throw new RegisterError('empty_note', 'Notatet er tomt.');
  return edit(db, printed, ctx, expect, async ({ trx, id, at }) => {
    await trx.insertInto('note').values({ assignment_id: id, kind, text, at, actor: ctx.actor }).execute();
    await audit(trx, [
      { at, actor: ctx.actor, action: kind, entity: 'assignment', entityId: id, details: { text } },
    ]);
    return {};
  });
}

export async function addOwner(
  db: Kysely<Database>,
  printed: string,
  person: string,
  ctx: EditContext,
  expect: Expectation = {},
): Promise<EditResult> {
  if (person.trim() === '') throw new RegisterError('empty_owner', 'Oppgi navnet på den ansvarlige.');
  return edit(db, printed, ctx, expect, async ({ trx, id, at }) => {
    await writeOwner(trx, { id, person, at, actor: ctx.actor });
    return {};
  });
}

/** One owner added to a locked assignment, audited. */
export async function writeOwner(
  trx: Transaction<Database>,
  w: { id: number; person: string; at: string; actor: string },
): Promise<void> {
  await trx
    .insertInto('owner')
    .values({ assignment_id: w.id, person: w.person, at: w.at, actor: w.actor })
    .onConflict((oc) => oc.columns(['assignment_id', 'person']).doNothing())
    .execute();
  await audit(trx, [
    {
      at: w.at,
      actor: w.actor,
      action: 'owner',
      entity: 'assignment',
      entityId: w.id,
      details: { person: w.person },
    },
  ]);
}

/**
 * `YYYY-MM-DD` naming a real day. Date.parse alone is not enough: it rolls `2025-02-30` over to
 * 2 March, and the database then rejects the value with an English error.
 */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A deadline moved by a person (after a steering meeting, say); it overrides the printed one. */
export async function changeDeadline(
  db: Kysely<Database>,
  printed: string,
  newDate: string,
  reason: string,
  ctx: EditContext,
  expect: Expectation = {},
): Promise<EditResult> {
  if (!isCalendarDate(newDate))
    throw new RegisterError('invalid_date', `Ugyldig dato «${newDate}». Bruk ÅÅÅÅ-MM-DD.`);
  if (reason.trim() === '')
    throw new RegisterError('reason_required', 'Oppgi en begrunnelse (--note) for fristendringen.');
  return edit(db, printed, ctx, expect, async ({ trx, id, at }) => {
    const prev = await trx
      .selectFrom('deadline_change')
      .select('new_date')
      .where('assignment_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    let old: string | null = prev?.new_date ?? null;
    if (!prev) {
      const row = await trx
        .selectFrom('appearance_deadline as dl')
        .innerJoin('appearance as ap', 'ap.id', 'dl.appearance_id')
        .innerJoin('document as d', 'd.id', 'ap.document_id')
        .select('dl.date')
        .where('ap.assignment_id', '=', id)
        .where('dl.date', 'is not', null)
        .orderBy('d.year', 'desc')
        .orderBy('dl.date', 'desc')
        .executeTakeFirst();
      old = row?.date ?? null;
    }
    await trx
      .insertInto('deadline_change')
      .values({
        assignment_id: id,
        part: null,
        old_date: old,
        new_date: newDate,
        new_text: newDate,
        at,
        actor: ctx.actor,
        reason,
        source_kind: 'person',
        source_document_id: null,
      })
      .execute();
    await audit(trx, [
      {
        at,
        actor: ctx.actor,
        action: 'deadline_change',
        entity: 'assignment',
        entityId: id,
        details: { from: old, to: newDate, reason },
      },
    ]);
    return {};
  });
}
