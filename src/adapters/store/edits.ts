/**
 * What people enter: status changes (validated against the transition table), notes and answers,
 * owners, and deadline changes. Each records who, when and why, and goes to the audit log.
 */
import type { Kysely } from 'kysely';
import { checkTransition } from '../../core/register/status.js';
import type { Clock, Viewer } from '../../core/register/viewer.js';
import { resolveAssignment } from './assignments-query.js';
import { audit } from './audit.js';
import type { Database } from './schema.js';

export class RegisterError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RegisterError';
  }
}

export interface EditContext {
  actor: string;
  clock: Clock;
  viewer: Viewer;
}

async function mustResolve(db: Kysely<Database>, printed: string, viewer: Viewer): Promise<number> {
  const id = await resolveAssignment(db, printed, viewer);
  if (id === null) throw new RegisterError('assignment_not_found', `Fant ikke oppdraget «${printed}».`);
  return id;
}

export async function changeStatus(
  db: Kysely<Database>,
  printed: string,
  to: string,
  reason: string,
  ctx: EditContext,
): Promise<{ id: number; from: string; to: string }> {
  return db.transaction().execute(async (trx) => {
    const id = await mustResolve(trx, printed, ctx.viewer);
    const cur = await trx
      .selectFrom('assignment')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const check = checkTransition(cur.status, to, reason);
    if (!check.ok) throw new RegisterError(check.code, check.message);
    const at = ctx.clock().toISOString();
    await trx
      .updateTable('assignment')
      .set({ status: to, status_changed_at: at, status_changed_by: ctx.actor })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('status_event')
      .values({
        assignment_id: id,
        from_status: cur.status,
        to_status: to,
        at,
        actor: ctx.actor,
        reason,
        source_document_id: null,
      })
      .execute();
    await audit(trx, [
      {
        at,
        actor: ctx.actor,
        action: 'status',
        entity: 'assignment',
        entityId: id,
        details: { from: cur.status, to, reason },
      },
    ]);
    return { id, from: cur.status, to };
  });
}

export async function addNote(
  db: Kysely<Database>,
  printed: string,
  text: string,
  kind: 'note' | 'answer',
  ctx: EditContext,
): Promise<void> {
  if (text.trim() === '') throw new RegisterError('empty_note', 'Notatet er tomt.');
  await db.transaction().execute(async (trx) => {
    const id = await mustResolve(trx, printed, ctx.viewer);
    const at = ctx.clock().toISOString();
    await trx.insertInto('note').values({ assignment_id: id, kind, text, at, actor: ctx.actor }).execute();
    await audit(trx, [
      { at, actor: ctx.actor, action: kind, entity: 'assignment', entityId: id, details: { text } },
    ]);
  });
}

export async function addOwner(
  db: Kysely<Database>,
  printed: string,
  person: string,
  ctx: EditContext,
): Promise<void> {
  if (person.trim() === '') throw new RegisterError('empty_owner', 'Oppgi navnet på den ansvarlige.');
  await db.transaction().execute(async (trx) => {
    const id = await mustResolve(trx, printed, ctx.viewer);
    const at = ctx.clock().toISOString();
    await trx
      .insertInto('owner')
      .values({ assignment_id: id, person, at, actor: ctx.actor })
      .onConflict((oc) => oc.columns(['assignment_id', 'person']).doNothing())
      .execute();
    await audit(trx, [
      { at, actor: ctx.actor, action: 'owner', entity: 'assignment', entityId: id, details: { person } },
    ]);
  });
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
): Promise<void> {
  if (!isCalendarDate(newDate))
    throw new RegisterError('invalid_date', `Ugyldig dato «${newDate}». Bruk ÅÅÅÅ-MM-DD.`);
  if (reason.trim() === '')
    throw new RegisterError('reason_required', 'Oppgi en begrunnelse (--note) for fristendringen.');
  await db.transaction().execute(async (trx) => {
    const id = await mustResolve(trx, printed, ctx.viewer);
    const at = ctx.clock().toISOString();
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
  });
}
