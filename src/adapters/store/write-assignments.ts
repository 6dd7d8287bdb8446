/**
 * Writing assignment appearances of one document version: diff by ID, lineage (join or merge register
 * assignments), children (deadlines, parts, references), and what an appearance says about status
 * and deadlines (carried over → videreført, "trekkes tilbake" → trukket, "erstatter X" → X erstattet,
 * a new date for the assignment or a sub-task → deadline change).
 */
import type { Kysely } from 'kysely';
import type { Assignment, Warning } from '../../core/model/extraction.js';
import {
  countDiff,
  type DiffCounts,
  diffRecords,
  type IncomingRecord,
  type RecordDiff,
} from '../../core/register/diff.js';
import { idKey, scopedKey, unscoped } from '../../core/register/ids.js';
import { planLineage } from '../../core/register/lineage.js';
import { assignmentKeys, searchText } from '../../core/register/records.js';
import { checkTransition, statusFromText } from '../../core/register/status.js';
import { documentTime } from '../../core/register/timeline.js';
import type { AuditEntry } from './audit.js';
import type { Database, NewRow } from './schema.js';
import { bumpVersions } from './write-lock.js';
import { chunks, json, keyedColumns, storedRecords } from './write-records.js';

export interface WriteContext {
  actor: string;
  now: string;
  documentId: number;
  documentLabel: string;
  documentYear: number | null;
  documentDate: string | null;
  letterKey: string;
  /** ID scope of the letter's recipient (see ids.ts). */
  scope: string;
  /** The document version being written: recorded on the status and deadline changes it implies, and
   * on appearances it no longer prints. */
  version: number;
  /**
   * Whether new appearances imply status and deadline changes. Off when an earlier version is
   * written back (removeDocumentVersion): its effects were recorded when it was first imported.
   */
  effects: boolean;
  audit: AuditEntry[];
}

/** An assignment the new version no longer prints: kept, shown as "ikke i gjeldende versjon". */
export interface DroppedAssignment {
  assignmentId: number;
  printedId: string;
  title: string;
}

export interface LineageCounts {
  created: number;
  linked: number;
  merged: number;
}

function appearanceRow(
  rec: IncomingRecord<Assignment>,
  documentId: number,
  assignmentId: number,
): NewRow<'appearance'> {
  const a = rec.record;
  return {
    assignment_id: assignmentId,
    ...keyedColumns(rec, documentId),
    printed_id: a.id,
    other_ids: json(a.otherIds),
    synthetic: a.synthetic,
    kind: a.kind,
    departments: json(a.departments),
    title: a.title,
    body: a.body,
    section: a.section,
    status_text: a.statusText,
    confidential: a.confidential,
    search_text: searchText.assignment(a),
  };
}

async function writeChildren(
  db: Kysely<Database>,
  items: readonly { appearanceId: number; a: Assignment }[],
  scope: string,
): Promise<void> {
  const deadlines: NewRow<'appearance_deadline'>[] = [];
  const parts: NewRow<'appearance_part'>[] = [];
  const refs: NewRow<'appearance_reference'>[] = [];
  for (const { appearanceId, a } of items) {
    a.deadlines.forEach((d, ord) => {
      deadlines.push({
        appearance_id: appearanceId,
        ord,
        date: d.date,
        precision: d.precision,
        text: d.text,
        part: d.part,
        line: d.line,
      });
    });
    a.parts.forEach((p, ord) => {
      parts.push({
        appearance_id: appearanceId,
        ord,
        label: p.label,
        text: p.text,
        line_from: p.lines[0],
        line_to: p.lines[1],
      });
    });
    a.references.forEach((r, ord) => {
      refs.push({
        appearance_id: appearanceId,
        ord,
        target_key: scopedKey(scope, idKey(r.id)),
        target_label: r.id,
        relation: r.relation,
      });
    });
  }
  for (const c of chunks(deadlines)) await db.insertInto('appearance_deadline').values(c).execute();
  for (const c of chunks(parts)) await db.insertInto('appearance_part').values(c).execute();
  for (const c of chunks(refs)) await db.insertInto('appearance_reference').values(c).execute();
}

async function clearChildren(db: Kysely<Database>, ids: readonly number[]): Promise<void> {
  for (const c of chunks([...ids])) {
    await db.deleteFrom('appearance_deadline').where('appearance_id', 'in', c).execute();
    await db.deleteFrom('appearance_part').where('appearance_id', 'in', c).execute();
    await db.deleteFrom('appearance_reference').where('appearance_id', 'in', c).execute();
  }
}

/** Move everything of `from` onto `into` and drop `from`; the older assignment's identity wins. */
async function mergeAssignments(
  db: Kysely<Database>,
  into: number,
  from: number,
  ctx: WriteContext,
): Promise<void> {
  const [a, b] = await Promise.all([
    db.selectFrom('assignment').selectAll().where('id', '=', into).executeTakeFirstOrThrow(),
    db.selectFrom('assignment').selectAll().where('id', '=', from).executeTakeFirstOrThrow(),
  ]);
  await db.updateTable('appearance').set({ assignment_id: into }).where('assignment_id', '=', from).execute();
  await db
    .updateTable('assignment_identifier')
    .set({ assignment_id: into })
    .where('assignment_id', '=', from)
    .execute();
  await db
    .updateTable('status_event')
    .set({ assignment_id: into })
    .where('assignment_id', '=', from)
    .execute();
  await db.updateTable('note').set({ assignment_id: into }).where('assignment_id', '=', from).execute();
  await db
    .updateTable('deadline_change')
    .set({ assignment_id: into })
    .where('assignment_id', '=', from)
    .execute();
  const owners = await db.selectFrom('owner').selectAll().where('assignment_id', '=', from).execute();
  await db.deleteFrom('owner').where('assignment_id', '=', from).execute();
  for (const o of owners)
    await db
      .insertInto('owner')
      .values({ ...o, assignment_id: into })
      .onConflict((oc) => oc.columns(['assignment_id', 'person']).doNothing())
      .execute();
  // A status someone set on either half is kept: the untouched 'ny' yields to the other one.
  if (a.status === 'ny' && b.status !== 'ny')
    await db
      .updateTable('assignment')
      .set({
        status: b.status,
        status_changed_at: b.status_changed_at,
        status_changed_by: b.status_changed_by,
      })
      .where('id', '=', into)
      .execute();
  await db
    .updateTable('assignment')
    .set({ confidential: a.confidential || b.confidential })
    .where('id', '=', into)
    .execute();
  await db.deleteFrom('assignment').where('id', '=', from).execute();
  ctx.audit.push({
    at: ctx.now,
    actor: ctx.actor,
    action: 'merge',
    entity: 'assignment',
    entityId: into,
    details: { merged: from, mergedKey: b.key, key: a.key, document: ctx.documentId },
  });
}

interface StatusChange {
  assignmentId: number;
  to: string;
  reason: string;
}

/** Status changes a document implies, applied where the transition table allows them (batched). */
async function setSystemStatuses(
  db: Kysely<Database>,
  changes: readonly StatusChange[],
  ctx: WriteContext,
): Promise<number[]> {
  if (changes.length === 0) return [];
  const current = new Map<number, string>();
  for (const c of chunks([...new Set(changes.map((x) => x.assignmentId))])) {
    const rows = await db.selectFrom('assignment').select(['id', 'status']).where('id', 'in', c).execute();
    for (const r of rows) current.set(r.id, r.status);
  }
  const events: NewRow<'status_event'>[] = [];
  for (const ch of changes) {
    const from = current.get(ch.assignmentId);
    if (from === undefined || !checkTransition(from, ch.to, ch.reason).ok) continue;
    current.set(ch.assignmentId, ch.to);
    events.push({
      assignment_id: ch.assignmentId,
      from_status: from,
      to_status: ch.to,
      at: ctx.now,
      actor: ctx.actor,
      reason: ch.reason,
      source_document_id: ctx.documentId,
      source_version: ctx.version,
    });
    ctx.audit.push({
      at: ctx.now,
      actor: ctx.actor,
      action: 'status',
      entity: 'assignment',
      entityId: ch.assignmentId,
      details: { from, to: ch.to, reason: ch.reason, document: ctx.documentId },
    });
  }
  // Only the final status per assignment is stored; every step is in status_event.
  const final = new Map<number, string>();
  for (const e of events) final.set(e.assignment_id, e.to_status);
  const groups = new Map<string, number[]>();
  for (const [id, to] of final) groups.set(to, [...(groups.get(to) ?? []), id]);
  for (const [to, ids] of groups)
    for (const c of chunks(ids))
      await db
        .updateTable('assignment')
        .set({ status: to, status_changed_at: ctx.now, status_changed_by: ctx.actor })
        .where('id', 'in', c)
        .execute();
  for (const c of chunks(events)) await db.insertInto('status_event').values(c).execute();
  return [...final.keys()];
}

/**
 * The deadline an appearance prints per sub-task (null = the whole assignment): the last dated one of
 * each. A supplementary letter may move one sub-task only ("Fristen for deloppdrag b) utsettes til …").
 */
function deadlinesByPart(a: Assignment): Map<string | null, { date: string; text: string }> {
  const out = new Map<string | null, { date: string; text: string }>();
  for (const d of a.deadlines) if (d.date !== null) out.set(d.part, { date: d.date, text: d.text });
  return out;
}

/**
 * A letter that prints another date for an assignment, or one of its sub-tasks, seen in an earlier letter
 * changed that deadline ("Videreføres med ny frist: 31. mars 2022", "Frist utsettes til …", "Fristen for
 * deloppdrag b) utsettes til …"); record it with the document as source. The comparison is with the
 * latest earlier document the assignment appears in.
 */
async function recordDocumentDeadlineChanges(
  db: Kysely<Database>,
  items: readonly { assignmentId: number; a: Assignment }[],
  ctx: WriteContext,
): Promise<number> {
  const withDate = items.map((i) => ({ ...i, parts: deadlinesByPart(i.a) })).filter((i) => i.parts.size > 0);
  if (withDate.length === 0) return 0;
  const ids = [...new Set(withDate.map((i) => i.assignmentId))];
  const here = documentTime({ year: ctx.documentYear, date: ctx.documentDate });
  const rows: { assignment: number; time: string; part: string | null; date: string | null }[] = [];
  for (const c of chunks(ids)) {
    const found = await db
      .selectFrom('appearance as ap')
      .innerJoin('document as d', 'd.id', 'ap.document_id')
      .leftJoin('appearance_deadline as dl', 'dl.appearance_id', 'ap.id')
      .select(['ap.assignment_id', 'd.year', 'd.date', 'dl.date as deadline', 'dl.part'])
      .where('ap.assignment_id', 'in', c)
      .where('ap.document_id', '!=', ctx.documentId)
      .orderBy('ap.id')
      .orderBy('dl.ord')
      .execute();
    for (const r of found) {
      const time = documentTime(r);
      if (time < here) rows.push({ assignment: r.assignment_id, time, part: r.part, date: r.deadline });
    }
  }
  const latest = new Map<number, string>();
  for (const r of rows) if (r.time > (latest.get(r.assignment) ?? '')) latest.set(r.assignment, r.time);
  const prior = new Map<number, Map<string | null, string>>();
  for (const r of rows) {
    if (r.date === null || latest.get(r.assignment) !== r.time) continue;
    const m = prior.get(r.assignment) ?? new Map<string | null, string>();
    m.set(r.part, r.date);
    prior.set(r.assignment, m);
  }
  const changes: NewRow<'deadline_change'>[] = [];
  for (const i of withDate) {
    for (const [part, now] of i.parts) {
      const before = prior.get(i.assignmentId)?.get(part);
      if (before === undefined || before === now.date) continue;
      changes.push({
        assignment_id: i.assignmentId,
        part,
        old_date: before,
        new_date: now.date,
        new_text: now.text,
        at: ctx.now,
        actor: ctx.actor,
        reason: `Ny frist i ${ctx.documentLabel}`,
        source_kind: 'document',
        source_document_id: ctx.documentId,
        source_version: ctx.version,
      });
      ctx.audit.push({
        at: ctx.now,
        actor: ctx.actor,
        action: 'deadline_change',
        entity: 'assignment',
        entityId: i.assignmentId,
        details: { from: before, to: now.date, part, document: ctx.documentId },
      });
    }
  }
  for (const c of chunks(changes)) await db.insertInto('deadline_change').values(c).execute();
  return changes.length;
}

/**
 * Appearances the new version no longer prints are marked with the version, never deleted: the
 * assignment keeps its status, notes and history and stays visible as "ikke i gjeldende versjon".
 * Returns them, for the report of what changed; an appearance printed again is unmarked.
 */
async function markDropped(
  db: Kysely<Database>,
  d: RecordDiff<Assignment>,
  wasDropped: ReadonlySet<number>,
  ctx: WriteContext,
): Promise<DroppedAssignment[]> {
  const back = [...d.changed, ...d.moved].map((c) => c.id).filter((id) => wasDropped.has(id));
  for (const c of chunks(back))
    await db
      .updateTable('appearance')
      .set({ dropped_in_version: null, dropped_at: null })
      .where('id', 'in', c)
      .execute();
  const ids = d.removed.map((r) => r.id).filter((id) => !wasDropped.has(id));
  if (ids.length === 0) return [];
  const dropped: DroppedAssignment[] = [];
  for (const c of chunks(ids)) {
    const rows = await db
      .updateTable('appearance')
      .set({ dropped_in_version: ctx.version, dropped_at: ctx.now })
      .where('id', 'in', c)
      .returning(['assignment_id', 'printed_id', 'title', 'key'])
      .execute();
    for (const r of rows)
      dropped.push({ assignmentId: r.assignment_id, printedId: r.printed_id, title: r.title });
  }
  ctx.audit.push({
    at: ctx.now,
    actor: ctx.actor,
    action: 'drop_appearances',
    entity: 'document',
    entityId: ctx.documentId,
    details: { version: ctx.version, keys: d.removed.filter((r) => !wasDropped.has(r.id)).map((r) => r.key) },
  });
  return dropped;
}

export async function writeAssignments(
  db: Kysely<Database>,
  incoming: readonly IncomingRecord<Assignment>[],
  ctx: WriteContext,
): Promise<{
  counts: DiffCounts;
  lineage: LineageCounts;
  warnings: Warning[];
  dropped: DroppedAssignment[];
}> {
  const stored = await storedRecords(db, 'appearance', ctx.documentId);
  const wasDropped = new Set(
    (
      await db
        .selectFrom('appearance')
        .select('id')
        .where('document_id', '=', ctx.documentId)
        .where('dropped_in_version', 'is not', null)
        .execute()
    ).map((r) => r.id),
  );
  const d = diffRecords(stored, incoming);
  // An appearance dropped before and printed again unchanged must still be unmarked.
  const storedByKey = new Map(stored.map((x) => [x.key, x]));
  const moved = new Set(d.moved.map((m) => m.id));
  for (const i of incoming) {
    const s = storedByKey.get(i.key);
    if (s && wasDropped.has(s.id) && s.fingerprint === i.fingerprint && !moved.has(s.id))
      d.moved.push({ id: s.id, incoming: i });
  }
  const lineage: LineageCounts = { created: 0, linked: 0, merged: 0 };
  // Assignments whose appearances change, gain or lose one: each counts one more version.
  const changedAssignments: number[] = [];
  let dropped: DroppedAssignment[] = [];
  if (ctx.effects) {
    dropped = await markDropped(db, d, wasDropped, ctx);
    changedAssignments.push(...dropped.map((x) => x.assignmentId));
  } else if (d.removed.length > 0) {
    // An earlier version written back (removeDocumentVersion): what only the removed version printed
    // goes with it, rather than staying as "not in the current version".
    const ids = d.removed.map((r) => r.id);
    for (const c of chunks(ids)) {
      const rows = await db.selectFrom('appearance').select('assignment_id').where('id', 'in', c).execute();
      changedAssignments.push(...rows.map((r) => r.assignment_id));
    }
    await clearChildren(db, ids);
    for (const c of chunks(ids)) await db.deleteFrom('appearance').where('id', 'in', c).execute();
  }
  d.removed = d.removed.filter((r) => !wasDropped.has(r.id));

  // Lineage for everything written now: new appearances and changed ones (a correction may add an ID).
  const touched = [
    ...d.added.map((rec) => ({ rec, id: null as number | null })),
    ...[...d.changed, ...d.moved].map((c) => ({ rec: c.incoming, id: c.id })),
  ];
  const keySets = touched.map((t) => assignmentKeys(t.rec.record, ctx.letterKey, ctx.scope));
  const allKeys = [...new Set(keySets.flat())];
  const bound = new Map<string, number>();
  for (const c of chunks(allKeys)) {
    const rows = await db
      .selectFrom('assignment_identifier')
      .select(['key', 'assignment_id'])
      .where('key', 'in', c)
      .execute();
    for (const r of rows) bound.set(r.key, r.assignment_id);
  }
  const groups = planLineage(keySets, bound);
  const warnings: Warning[] = [];
  // One letter printing two records that lineage joins is a contradiction between letters
  // (2024: "TB2021-01, TB2021-31 … Nasjonal alkoholstrategi"; 2022: TB2021-31 is another assignment).
  // The records stay joined, as the IDs say, but the user is told.
  for (const g of groups) {
    const recs = g.appearances.map((i) => touched[i]?.rec).filter((x) => x !== undefined);
    const distinct = [...new Set(recs.map((r) => r.key))];
    if (distinct.length > 1)
      warnings.push({
        code: 'lineage_conflict',
        message: `Oppdragene ${[...new Set(recs.map((r) => r.record.id))].join(', ')} står hver for seg i dette dokumentet, men er koblet sammen som ett oppdrag fordi et annet dokument oppgir ID-ene sammen. Kontroller koblingen.`,
        line: recs[1]?.lines[0] ?? null,
      });
  }
  const assignmentOf = new Array<number>(touched.length).fill(0);
  const labelOf = (key: string, a: Assignment) =>
    [a.id, ...a.otherIds].find((x) => unscoped(key) === idKey(x) || key.endsWith(`:${idKey(x)}`)) ?? key;

  const fresh = groups.filter((g) => g.existing.length === 0);
  for (const c of chunks(fresh)) {
    const rows = await db
      .insertInto('assignment')
      .values(
        c.map((g) => ({
          key: g.keys[0] ?? '',
          status: 'ny',
          status_changed_at: ctx.now,
          status_changed_by: ctx.actor,
          created_at: ctx.now,
        })),
      )
      .returning(['id', 'key'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.key, r.id]));
    for (const g of c) g.existing.push(idOf.get(g.keys[0] ?? '') ?? 0);
    lineage.created += c.length;
  }
  const identifiers: NewRow<'assignment_identifier'>[] = [];
  for (const g of groups) {
    const survivor = g.existing[0] ?? 0;
    if (g.existing.length > 1) {
      for (const other of g.existing.slice(1)) await mergeAssignments(db, survivor, other, ctx);
      lineage.merged += g.existing.length - 1;
    }
    for (const i of g.appearances) assignmentOf[i] = survivor;
    for (const key of g.newKeys) {
      const owner = g.appearances.map((i) => touched[i]?.rec.record).find((a) => a !== undefined);
      identifiers.push({ key, label: owner ? labelOf(key, owner) : key, assignment_id: survivor });
    }
  }
  for (const c of chunks(identifiers)) await db.insertInto('assignment_identifier').values(c).execute();
  lineage.linked = touched.filter((_, i) => bound.size > 0 && keySets[i]?.some((k) => bound.has(k))).length;

  // Rewrite changed/moved appearances in place; insert the new ones.
  const rewritten = touched.map((t, i) => ({ ...t, assignmentId: assignmentOf[i] ?? 0 }));
  const updates = rewritten.filter((t) => t.id !== null);
  for (const u of updates)
    await db
      .updateTable('appearance')
      .set(appearanceRow(u.rec, ctx.documentId, u.assignmentId))
      .where('id', '=', u.id ?? 0)
      .execute();
  await clearChildren(
    db,
    updates.map((u) => u.id ?? 0),
  );
  const children: { appearanceId: number; a: Assignment }[] = updates.map((u) => ({
    appearanceId: u.id ?? 0,
    a: u.rec.record,
  }));
  const inserts = rewritten.filter((t) => t.id === null);
  for (const c of chunks(inserts)) {
    const rows = await db
      .insertInto('appearance')
      .values(c.map((t) => appearanceRow(t.rec, ctx.documentId, t.assignmentId)))
      .returning(['id', 'key'])
      .execute();
    const idOf = new Map(rows.map((r) => [r.key, r.id]));
    for (const t of c) children.push({ appearanceId: idOf.get(t.rec.key) ?? 0, a: t.rec.record });
  }
  await writeChildren(db, children, ctx.scope);

  const touchedAssignments = [...new Set(rewritten.map((t) => t.assignmentId))];
  for (const c of chunks(touchedAssignments)) {
    const conf = await db
      .selectFrom('appearance')
      .select('assignment_id')
      .where('assignment_id', 'in', c)
      .where('confidential', '=', true)
      .groupBy('assignment_id')
      .execute();
    const ids = conf.map((r) => r.assignment_id);
    if (ids.length > 0)
      await db.updateTable('assignment').set({ confidential: true }).where('id', 'in', ids).execute();
  }

  changedAssignments.push(...touchedAssignments);
  if (!ctx.effects) {
    await bumpVersions(db, changedAssignments);
    return { counts: countDiff(d), lineage, warnings, dropped };
  }
  // What a new appearance says about status and deadlines; a correction of the same letter does not repeat it.
  const added = inserts.map((t) => ({ assignmentId: t.assignmentId, a: t.rec.record }));
  await recordDocumentDeadlineChanges(db, added, ctx);
  const statusChanges: StatusChange[] = added.flatMap((t): StatusChange[] => {
    // "Oppdrag TB2026-03 trekkes tilbake", "Utgår": withdrawn by the letter, carried over or not.
    if (statusFromText(t.a.statusText) === 'trukket')
      return [
        {
          assignmentId: t.assignmentId,
          to: 'trukket',
          reason: `Trukket i ${ctx.documentLabel}: ${t.a.statusText ?? ''}`,
        },
      ];
    if (t.a.kind === 'carried_over')
      return [
        { assignmentId: t.assignmentId, to: 'videreført', reason: `Videreført i ${ctx.documentLabel}` },
      ];
    return [];
  });
  const replaced = added.flatMap((t) =>
    t.a.references
      .filter((r) => r.relation === 'replaces')
      .map((r) => ({ by: t, key: scopedKey(ctx.scope, idKey(r.id)) })),
  );
  if (replaced.length > 0) {
    const targets = await db
      .selectFrom('assignment_identifier')
      .select(['key', 'assignment_id'])
      .where(
        'key',
        'in',
        replaced.map((r) => r.key),
      )
      .execute();
    const idOf = new Map(targets.map((t) => [t.key, t.assignment_id]));
    for (const r of replaced) {
      const target = idOf.get(r.key);
      if (target !== undefined && target !== r.by.assignmentId)
        statusChanges.push({
          assignmentId: target,
          to: 'erstattet',
          reason: `Erstattet av ${r.by.a.id} i ${ctx.documentLabel}`,
        });
    }
  }
  changedAssignments.push(...(await setSystemStatuses(db, statusChanges, ctx)));
  await bumpVersions(db, changedAssignments);
  return {
    counts: countDiff(d),
    lineage,
    warnings,
    dropped,
  };
}
