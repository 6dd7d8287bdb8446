/** Assignments: the list with filters, sort and cursor pages; one assignment; and the edits people make. */
import {
  type AssignmentFilter,
  type AssignmentSummary,
  assignmentRefs,
  assignmentsOwnedBy,
  DERIVED,
  listAssignments,
  showAssignment,
} from '../../adapters/store/assignments-query.js';
import { assignmentSources } from '../../adapters/store/assignment-sources.js';
import { addNote, addOwner, changeDeadline, changeStatus } from '../../adapters/store/edits.js';
import { compareNb } from '../../core/format/collate.js';
import { AppError } from '../errors.js';
import { allowedTransitions, authorize, authorizeTransition, hasRole, viewerFor } from '../policy.js';
import {
  AddNoteInput,
  type AssignmentFilterInput,
  ChangeDeadlineInput,
  ChangeStatusInput,
  ListAssignmentsInput,
  SetOwnerInput,
  ShowAssignmentInput,
} from '../schemas.js';
import { type Call, useCase } from '../use-case.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** What leaves the application: no internal sequential id (it would reveal how many rows are hidden). */
export function publicSummary(a: AssignmentSummary) {
  const { id: _internal, key, ...rest } = a;
  return { ref: a.ids[0] ?? key, ...rest };
}
export type AssignmentListItem = ReturnType<typeof publicSummary>;

type Sortable = Pick<AssignmentListItem, 'ref' | 'year'>;

/** Sorts that need only the ID and the year: a page of them is chosen before summaries are built. */
const compareRefs = (a: Sortable, b: Sortable) => compareNb(a.ref, b.ref);

const LIGHT_SORTERS: Record<string, (a: Sortable, b: Sortable) => number> = {
  id: compareRefs,
  year: (a, b) => (a.year ?? 0) - (b.year ?? 0) || compareNb(a.ref, b.ref),
};

const SORTERS: Record<string, (a: AssignmentListItem, b: AssignmentListItem) => number> = {
  ...LIGHT_SORTERS,
  deadline: (a, b) =>
    (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999') || compareNb(a.ref, b.ref),
  status: (a, b) => compareNb(a.status, b.status) || compareNb(a.ref, b.ref),
  title: (a, b) => compareNb(a.title, b.title) || compareNb(a.ref, b.ref),
};

/** The list's order (the same for the API's pages and for exports). */
export function sortAssignments(
  items: readonly AssignmentListItem[],
  sort: string,
  order: 'asc' | 'desc',
): AssignmentListItem[] {
  const sorter = SORTERS[sort] ?? SORTERS.id;
  return [...items].sort((a, b) => (order === 'desc' ? -1 : 1) * (sorter?.(a, b) ?? 0));
}

/** The filters the store applies itself (the others are applied here). */
export function storeFilter(f: {
  year?: number | undefined;
  agency?: string | undefined;
  department?: string | undefined;
  status?: string | undefined;
  section?: string | undefined;
  hasDeadline?: boolean | undefined;
}): AssignmentFilter {
  return {
    ...(f.year !== undefined ? { year: f.year } : {}),
    ...(f.agency !== undefined ? { agency: f.agency } : {}),
    ...(f.department !== undefined ? { department: f.department } : {}),
    ...(f.status !== undefined ? { status: f.status } : {}),
    ...(f.section !== undefined ? { section: f.section } : {}),
    ...(f.hasDeadline !== undefined ? { hasDeadline: f.hasDeadline } : {}),
  };
}

/** Every assignment the principal may see that matches the filter, in store order. */
export async function filteredAssignments(
  call: Call,
  f: AssignmentFilterInput,
): Promise<AssignmentListItem[]> {
  const viewer = viewerFor(call.principal);
  const { store, clock } = call.deps;
  const list = await listAssignments(store.db, storeFilter(f), viewer, clock);
  let owned: Set<number> | null = null;
  if (f.owner !== undefined) {
    owned = await assignmentsOwnedBy(store.db, f.owner, viewer);
  }
  const needle = f.text?.toLocaleLowerCase('nb');
  return list
    .filter((a) => f.kind === undefined || a.kind === f.kind)
    .filter((a) => owned === null || owned.has(a.id))
    .filter(
      (a) =>
        needle === undefined ||
        a.title.toLocaleLowerCase('nb').includes(needle) ||
        a.ids.some((i) => i.toLocaleLowerCase('nb').includes(needle)),
    )
    .map(publicSummary);
}

function pageOf<T>(all: readonly T[], start: number, limit: number, order: (a: T, b: T) => number) {
  return { items: [...all].sort(order).slice(start, start + limit), total: all.length };
}

/**
 * The sorter when a page can be chosen from IDs and years alone: sorted by ID or year, and no filter
 * that needs a built summary (derived status, owner, free text).
 */
function lightPage(input: ListAssignmentsInput) {
  const derived = input.status !== undefined && DERIVED.includes(input.status);
  if (derived || input.owner !== undefined || input.text !== undefined) return null;
  return LIGHT_SORTERS[input.sort] ?? null;
}

/** A page chosen from the light first pass; summaries are built for its rows only. */
async function pageByRef(
  call: Call,
  input: ListAssignmentsInput,
  start: number,
  order: (a: Sortable, b: Sortable) => number,
): Promise<{ items: AssignmentListItem[]; total: number }> {
  const viewer = viewerFor(call.principal);
  const { store, clock } = call.deps;
  const refs = (await assignmentRefs(store.db, storeFilter(input), viewer)).filter(
    (a) => input.kind === undefined || a.kind === input.kind,
  );
  const page = pageOf(refs, start, input.limit, order);
  const ids = page.items.map((r) => r.id);
  const built = new Map(
    (await listAssignments(store.db, { ...storeFilter(input), assignmentIds: ids }, viewer, clock)).map(
      (a) => [a.id, a],
    ),
  );
  const items = ids.flatMap((id) => {
    const a = built.get(id);
    return a ? [publicSummary(a)] : [];
  });
  return { items, total: page.total };
}

export const listAssignmentsUseCase = useCase({
  name: 'listAssignments',
  summary: 'List oppdrag med filtre, sortering og sider',
  input: ListAssignmentsInput,
  readOnly: true,
  async run(call, input) {
    authorize(call.principal, 'read');
    const start = input.cursor ? decodeCursor(input.cursor, { sort: input.sort, order: input.order }) : 0;
    const sign = input.order === 'desc' ? -1 : 1;
    const light = lightPage(input);
    const sorter = SORTERS[input.sort] ?? compareRefs;
    const { items, total } = light
      ? await pageByRef(call, input, start, (a, b) => sign * light(a, b))
      : pageOf(await filteredAssignments(call, input), start, input.limit, (a, b) => sign * sorter(a, b));
    const next = start + items.length;
    return {
      items,
      total,
      nextCursor: next < total ? encodeCursor(next, { sort: input.sort, order: input.order }) : null,
    };
  },
});

async function mustShow(call: Call, id: string) {
  const a = await showAssignment(call.deps.store.db, id, viewerFor(call.principal), call.deps.clock);
  // The same answer whether the ID does not exist, is confidential or belongs to another organisation.
  if (!a) throw new AppError('not_found', 'assignment_not_found', `Fant ikke oppdraget «${id}».`);
  return a;
}

export const showAssignmentUseCase = useCase({
  name: 'showAssignment',
  summary: 'Ett oppdrag med full tekst, frister og tidslinje',
  input: ShowAssignmentInput,
  readOnly: true,
  async run(call, input) {
    authorize(call.principal, 'read');
    const { id: internal, key, ...rest } = await mustShow(call, input.id);
    return {
      ref: rest.ids[0] ?? key,
      ...rest,
      /** The statuses this user may set now: the web app's workflow buttons. */
      allowedTransitions: allowedTransitions(call.principal, rest.status),
      /** May write notes, owners and deadline changes (the side rules apply to statuses only). */
      canEdit: hasRole(call.principal, 'saksbehandler'),
      /** The documents and lines it came from. */
      sources: await assignmentSources(call.deps.store.db, internal, viewerFor(call.principal)),
    };
  },
});

function expectation(input: { expectedVersion?: number | undefined }) {
  return input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {};
}

function editContext(call: Call) {
  return { actor: call.principal.username, clock: call.deps.clock, viewer: viewerFor(call.principal) };
}

export const changeStatusUseCase = useCase({
  name: 'changeStatus',
  summary: 'Endre status (virksomheten: pågår, levert med svar; departementet: ferdig, tilbake, trukket)',
  input: ChangeStatusInput,
  readOnly: false,
  async run(call, input) {
    const current = await mustShow(call, input.id);
    authorizeTransition(call.principal, current.status, input.status);
    if (input.status === 'levert' && !input.answer && call.principal.organisation?.side === 'virksomhet')
      throw new AppError(
        'validation',
        'answer_required',
        'Legg ved virksomhetens svar når oppdraget leveres.',
      );
    // The side rule was checked against the status read above; the store refuses if it changed since.
    const r = await changeStatus(
      call.deps.store.db,
      input.id,
      input.status,
      input.reason,
      editContext(call),
      {
        expectedStatus: current.status,
        ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
        ...(input.answer ? { answer: input.answer } : {}),
      },
    );
    return { ref: current.ids[0] ?? input.id, from: r.from, to: r.to, version: r.version };
  },
});

export const addNoteUseCase = useCase({
  name: 'addNote',
  summary: 'Legg til et notat eller et svar',
  input: AddNoteInput,
  readOnly: false,
  async run(call, input) {
    authorize(call.principal, 'edit');
    const current = await mustShow(call, input.id);
    const r = await addNote(
      call.deps.store.db,
      input.id,
      input.text,
      input.kind,
      editContext(call),
      expectation(input),
    );
    return { ref: current.ids[0] ?? input.id, kind: input.kind, version: r.version };
  },
});

export const setOwnerUseCase = useCase({
  name: 'setOwner',
  summary: 'Sett ansvarlig for et oppdrag',
  input: SetOwnerInput,
  readOnly: false,
  async run(call, input) {
    authorize(call.principal, 'edit');
    const current = await mustShow(call, input.id);
    const r = await addOwner(
      call.deps.store.db,
      input.id,
      input.person,
      editContext(call),
      expectation(input),
    );
    return { ref: current.ids[0] ?? input.id, owner: input.person, version: r.version };
  },
});

export const changeDeadlineUseCase = useCase({
  name: 'changeDeadline',
  summary: 'Flytt fristen for et oppdrag, med begrunnelse',
  input: ChangeDeadlineInput,
  readOnly: false,
  async run(call, input) {
    authorize(call.principal, 'edit');
    const current = await mustShow(call, input.id);
    const r = await changeDeadline(
      call.deps.store.db,
      input.id,
      input.date,
      input.reason,
      editContext(call),
      expectation(input),
    );
    return { ref: current.ids[0] ?? input.id, date: input.date, version: r.version };
  },
});
