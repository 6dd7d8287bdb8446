/** Reading the register: search, deadlines, budget, stats, overview, goals, calendar, key figures. */
import { listCalendar, listGoals, listKeyFigures } from '../../adapters/store/catalogue.js';
import { budget, deadlines, overview, stats } from '../../adapters/store/reports.js';
import { search } from '../../adapters/store/search.js';
import { authorize, viewerFor } from '../policy.js';
import { BudgetInput, DeadlinesInput, NoInput, SearchInput, YearInput } from '../schemas.js';
import { type Call, useCase } from '../use-case.js';
import { publicSummary, storeFilter } from './assignments.js';

function read(call: Call) {
  authorize(call.principal, 'read');
  return { db: call.deps.store.db, viewer: viewerFor(call.principal), clock: call.deps.clock };
}

export const searchUseCase = useCase({
  name: 'search',
  summary: 'Fulltekstsøk (norsk) i oppdrag, mål og budsjett',
  input: SearchInput,
  readOnly: true,
  async run(call, input) {
    const { db, viewer, clock } = read(call);
    return search(db, input.q, storeFilter(input), viewer, clock, input.limit);
  },
});

export const deadlinesUseCase = useCase({
  name: 'deadlines',
  summary: 'Frister innen N dager, eller forfalte oppdrag',
  input: DeadlinesInput,
  readOnly: true,
  async run(call, input) {
    const { db, viewer, clock } = read(call);
    const rows = await deadlines(
      db,
      { withinDays: input.withinDays, overdue: input.overdue, filter: storeFilter(input) },
      viewer,
      clock,
    );
    return rows.map((r) => ({ date: r.date, assignment: publicSummary(r.assignment) }));
  },
});

export const budgetUseCase = useCase({
  name: 'budget',
  summary: 'Budsjett per kapittel/post, år mot år',
  input: BudgetInput,
  readOnly: true,
  async run(call, input) {
    const { db, viewer } = read(call);
    return budget(
      db,
      {
        ...(input.year !== undefined ? { year: input.year } : {}),
        ...(input.chapter ? { chapter: input.chapter } : {}),
      },
      viewer,
    );
  },
});

export const statsUseCase = useCase({
  name: 'stats',
  summary: 'Styringsbelastning per brev',
  input: NoInput,
  readOnly: true,
  async run(call) {
    const { db, viewer } = read(call);
    return stats(db, viewer);
  },
});

export const overviewUseCase = useCase({
  name: 'overview',
  summary: 'Oversikt: dokumenter, status, forfalte og kommende frister',
  input: NoInput,
  readOnly: true,
  async run(call) {
    const { db, viewer, clock } = read(call);
    const o = await overview(db, viewer, clock);
    return {
      ...o,
      upcoming: o.upcoming.map((r) => ({ date: r.date, assignment: publicSummary(r.assignment) })),
    };
  },
});

export const goalsUseCase = useCase({
  name: 'goals',
  summary: 'Mål med vurderingskriterier, styringsparametere og nøkkeltall',
  input: YearInput,
  readOnly: true,
  async run(call, input) {
    const { db, viewer } = read(call);
    return listGoals(db, viewer, input.year);
  },
});

export const calendarUseCase = useCase({
  name: 'calendar',
  summary: 'Styringskalenderen',
  input: YearInput,
  readOnly: true,
  async run(call, input) {
    const { db, viewer } = read(call);
    const entries = await listCalendar(db, viewer, input.year);
    return entries.map(({ key: _key, letterKey: _letterKey, ...entry }) => entry);
  },
});

export const keyFiguresUseCase = useCase({
  name: 'keyFigures',
  summary: 'Nøkkeltallserier fra årsrapporter',
  input: NoInput,
  readOnly: true,
  async run(call) {
    const { db, viewer } = read(call);
    return listKeyFigures(db, viewer);
  },
});
