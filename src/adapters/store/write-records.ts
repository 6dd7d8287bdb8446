/**
 * Writing the per-document record types that hang off one document (sections, goals, budget lines,
 * authorisations, calendar): apply a diff so that a corrected version updates rows in place.
 */
import type { Kysely } from 'kysely';
import {
  countDiff,
  type DiffCounts,
  diffRecords,
  type IncomingRecord,
  type StoredRecord,
} from '../../core/register/diff.js';
import { allocatedAmount, type KeyedRecords, searchText } from '../../core/register/records.js';
import type { Database, NewRow } from './schema.js';

const CHUNK = 400;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const json = (v: unknown) => JSON.stringify(v);

type KeyedTable = 'section' | 'goal' | 'budget_line' | 'authorisation' | 'calendar_entry';

export async function storedRecords(
  db: Kysely<Database>,
  table: KeyedTable | 'appearance',
  documentId: number,
): Promise<StoredRecord[]> {
  const rows = await db
    .selectFrom(table)
    .select(['id', 'key', 'fingerprint', 'line_from', 'line_to'])
    .where('document_id', '=', documentId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    fingerprint: r.fingerprint,
    lineFrom: r.line_from,
    lineTo: r.line_to,
  }));
}

interface TableSpec<T, N extends KeyedTable> {
  table: N;
  row: (rec: IncomingRecord<T>, documentId: number) => NewRow<N>;
  insert: (db: Kysely<Database>, rows: NewRow<N>[]) => Promise<{ id: number; key: string }[]>;
  update: (db: Kysely<Database>, id: number, row: NewRow<N>) => Promise<unknown>;
  remove: (db: Kysely<Database>, ids: number[]) => Promise<unknown>;
  /** Rewrite child rows of the given parents (ids aligned with records). */
  children?: (db: Kysely<Database>, parents: { id: number; rec: IncomingRecord<T> }[]) => Promise<void>;
  clearChildren?: (db: Kysely<Database>, ids: number[]) => Promise<void>;
}

type RowWriters = {
  [N in KeyedTable]: Pick<TableSpec<never, N>, 'update' | 'remove'>;
};

// Kysely cannot resolve `set` and `where` on a table whose name is a type parameter (it would need the
// columns of every table in the union at once), so each keyed table spells its update and delete with
// its literal name; the compiler checks each row and column, and no cast is needed.
const ROW_WRITERS: RowWriters = {
  section: {
    update: (tx, id, row) => tx.updateTable('section').set(row).where('id', '=', id).execute(),
    remove: (tx, ids) => tx.deleteFrom('section').where('id', 'in', ids).execute(),
  },
  goal: {
    update: (tx, id, row) => tx.updateTable('goal').set(row).where('id', '=', id).execute(),
    remove: (tx, ids) => tx.deleteFrom('goal').where('id', 'in', ids).execute(),
  },
  budget_line: {
    update: (tx, id, row) => tx.updateTable('budget_line').set(row).where('id', '=', id).execute(),
    remove: (tx, ids) => tx.deleteFrom('budget_line').where('id', 'in', ids).execute(),
  },
  authorisation: {
    update: (tx, id, row) => tx.updateTable('authorisation').set(row).where('id', '=', id).execute(),
    remove: (tx, ids) => tx.deleteFrom('authorisation').where('id', 'in', ids).execute(),
  },
  calendar_entry: {
    update: (tx, id, row) => tx.updateTable('calendar_entry').set(row).where('id', '=', id).execute(),
    remove: (tx, ids) => tx.deleteFrom('calendar_entry').where('id', 'in', ids).execute(),
  },
};

/** The plain insert/update/delete every keyed table uses; only the row shape and children differ. */
function keyedTable<N extends KeyedTable>(
  table: N,
): Pick<TableSpec<never, N>, 'table' | 'insert' | 'update' | 'remove'> {
  const writers: RowWriters[N] = ROW_WRITERS[table];
  return {
    table,
    insert: (tx, rows) => tx.insertInto(table).values(rows).returning(['id', 'key']).execute(),
    update: writers.update,
    remove: writers.remove,
  };
}

async function applyKeyed<T, N extends KeyedTable>(
  db: Kysely<Database>,
  spec: TableSpec<T, N>,
  documentId: number,
  incoming: readonly IncomingRecord<T>[],
): Promise<DiffCounts> {
  const stored = await storedRecords(db, spec.table, documentId);
  const d = diffRecords(stored, incoming);
  const removedIds = d.removed.map((r) => r.id);
  for (const ids of chunks(removedIds)) {
    await spec.clearChildren?.(db, ids);
    await spec.remove(db, ids);
  }
  const rewritten = [...d.changed, ...d.moved];
  for (const { id, incoming: rec } of rewritten) await spec.update(db, id, spec.row(rec, documentId));
  if (rewritten.length > 0) {
    await spec.clearChildren?.(
      db,
      rewritten.map((r) => r.id),
    );
    await spec.children?.(
      db,
      rewritten.map((r) => ({ id: r.id, rec: r.incoming })),
    );
  }
  for (const part of chunks(d.added)) {
    const inserted = await spec.insert(
      db,
      part.map((rec) => spec.row(rec, documentId)),
    );
    const idOf = new Map(inserted.map((r) => [r.key, r.id]));
    await spec.children?.(
      db,
      part.map((rec) => ({ id: idOf.get(rec.key) ?? 0, rec })),
    );
  }
  return countDiff(d);
}

/** The columns every keyed record row has: its document, its identity within it and its source lines. */
export const keyedColumns = (rec: IncomingRecord<unknown>, document_id: number) => ({
  document_id,
  key: rec.key,
  fingerprint: rec.fingerprint,
  line_from: rec.lines[0],
  line_to: rec.lines[1],
});

export async function writeDocumentRecords(
  db: Kysely<Database>,
  documentId: number,
  k: KeyedRecords,
): Promise<Record<'sections' | 'goals' | 'budgetLines' | 'authorisations' | 'calendar', DiffCounts>> {
  const sections = await applyKeyed(
    db,
    {
      ...keyedTable('section'),
      row: (rec, document_id) => ({
        ...keyedColumns(rec, document_id),
        number: rec.record.number,
        title: rec.record.title,
        level: rec.record.level,
      }),
    },
    documentId,
    k.sections,
  );
  const goals = await applyKeyed(
    db,
    {
      ...keyedTable('goal'),
      row: (rec, document_id) => ({
        ...keyedColumns(rec, document_id),
        number: rec.record.number,
        title: rec.record.title,
        section: rec.record.section,
        search_text: searchText.goal(rec.record),
      }),
      clearChildren: async (tx, ids) => {
        await tx.deleteFrom('goal_item').where('goal_id', 'in', ids).execute();
      },
      children: async (tx, parents) => {
        const items: NewRow<'goal_item'>[] = [];
        for (const { id, rec } of parents) {
          const g = rec.record;
          const add = (kind: NewRow<'goal_item'>['kind'], list: typeof g.criteria) =>
            list.forEach((t, ord) => {
              items.push({ goal_id: id, kind, ord, text: t.text, line: t.line });
            });
          add('criterion', g.criteria);
          add('steering_parameter', g.steeringParameters);
          add('key_figure', g.keyFigures);
        }
        for (const part of chunks(items)) await tx.insertInto('goal_item').values(part).execute();
      },
    },
    documentId,
    k.goals,
  );
  const budgetLines = await applyKeyed(
    db,
    {
      ...keyedTable('budget_line'),
      row: (rec, document_id) => {
        const b = rec.record;
        return {
          ...keyedColumns(rec, document_id),
          chapter: b.chapter,
          post: b.post,
          name: b.name,
          columns: json(b.columns),
          amounts: json(b.amounts),
          allocated: allocatedAmount(b),
          flags: json(b.flags),
          usable_under_posts: json(b.usableUnderPosts),
          comment: b.comment,
          table_name: b.table,
          search_text: searchText.budget(b),
        };
      },
      clearChildren: async (tx, ids) => {
        await tx.deleteFrom('budget_earmark').where('budget_line_id', 'in', ids).execute();
      },
      children: async (tx, parents) => {
        const rows = parents.flatMap(({ id, rec }) =>
          rec.record.earmarks.map((e, ord) => ({ budget_line_id: id, ord, amount: e.amount, text: e.text })),
        );
        for (const part of chunks(rows)) await tx.insertInto('budget_earmark').values(part).execute();
      },
    },
    documentId,
    k.budgetLines,
  );
  const authorisations = await applyKeyed(
    db,
    {
      ...keyedTable('authorisation'),
      row: (rec, document_id) => ({
        ...keyedColumns(rec, document_id),
        kind: rec.record.kind,
        text: rec.record.text,
        chapter: rec.record.chapter,
        post: rec.record.post,
        amount: rec.record.amount,
      }),
    },
    documentId,
    k.authorisations,
  );
  const calendar = await applyKeyed(
    db,
    {
      ...keyedTable('calendar_entry'),
      row: (rec, document_id) => ({
        ...keyedColumns(rec, document_id),
        date: rec.record.date,
        time: rec.record.time,
        text: rec.record.text,
        note: rec.record.note,
      }),
    },
    documentId,
    k.calendar,
  );
  return { sections, goals, budgetLines, authorisations, calendar };
}
