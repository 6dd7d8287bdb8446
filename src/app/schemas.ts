/**
 * Input schemas of the use cases: one per use case, shared by the CLI's options and the HTTP API's
 * parameters (query strings arrive as text, so numbers and booleans are coerced). Messages are
 * Norwegian because they reach the user as the `errors` of a problem+json or a CLI message.
 */
import { z } from 'zod';
import { STATUSES } from '../core/register/status.js';
import { REPORT_KINDS } from '../core/reports/model.js';

const DERIVED_STATUSES = ['forfalt', 'snart forfall'] as const;

const yearMessage = (input: unknown) => `Ugyldig år «${String(input)}». Bruk fire sifre, f.eks. 2025.`;
const year = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v),
  z
    .number({ error: (iss) => yearMessage(iss.input) })
    .int()
    .min(1900, 'Året må være mellom 1900 og 2200.')
    .max(2200, 'Året må være mellom 1900 og 2200.'),
);

/** "true"/"false"/"1"/"0" from a query string or a CLI flag; z.coerce.boolean would read "false" as true. */
const flag = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1'),
]);

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} mangler.` })
    .trim()
    .min(1, `${what} kan ikke være tomt.`)
    .max(max, `${what} kan være høyst ${max} tegn.`);

export const AssignmentRef = text(100, 'Oppdrags-ID');

/** `YYYY-MM-DD` naming a real calendar day. */
export const CalendarDate = z.string().refine(
  (s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  { error: (iss) => `Ugyldig dato «${String(iss.input)}». Bruk ÅÅÅÅ-MM-DD og en dato som finnes.` },
);

export const AssignmentFilterInput = z.object({
  year: year.optional(),
  agency: z.string().trim().min(1).max(200).optional(),
  department: z.string().trim().min(1).max(20).optional(),
  status: z
    .enum([...STATUSES, ...DERIVED_STATUSES], {
      error: (iss) =>
        `Ukjent status «${String(iss.input)}». Gyldige: ${[...STATUSES, ...DERIVED_STATUSES].join(', ')}.`,
    })
    .optional(),
  section: z.string().trim().min(1).max(20).optional(),
  hasDeadline: flag.optional(),
  kind: z.enum(['new', 'carried_over', 'supplement']).optional(),
  owner: z.string().trim().min(1).max(200).optional(),
  text: z.string().trim().min(1).max(200).optional(),
});
export type AssignmentFilterInput = z.infer<typeof AssignmentFilterInput>;

export const SORTS = ['id', 'deadline', 'status', 'year', 'title'] as const;

export const Page = z.object({
  limit: z.coerce
    .number({ error: 'Antall må være et tall.' })
    .int()
    .min(1, 'Antall må være minst 1.')
    .max(1000, 'Antall kan være høyst 1000 per side.')
    .default(50),
  cursor: z.string().max(200).optional(),
});

export const ListAssignmentsInput = AssignmentFilterInput.extend({
  sort: z.enum(SORTS).default('id'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...Page.shape,
});
export type ListAssignmentsInput = z.infer<typeof ListAssignmentsInput>;

export const ShowAssignmentInput = z.object({ id: AssignmentRef });

/** Optimistic concurrency: the version the client last read (HTTP If-Match). */
const expectedVersion = z.coerce.number().int().min(0).optional();

export const ChangeStatusInput = z.object({
  id: AssignmentRef,
  status: z.enum(STATUSES, {
    error: (iss) => `Ukjent status «${String(iss.input)}». Gyldige: ${STATUSES.join(', ')}.`,
  }),
  reason: text(4000, 'Begrunnelsen'),
  /** The agency's answer, required when it delivers (status levert). */
  answer: z.string().trim().max(50_000).optional(),
  expectedVersion,
});

export const AddNoteInput = z.object({
  id: AssignmentRef,
  text: text(50_000, 'Notatet'),
  kind: z.enum(['note', 'answer']).default('note'),
  expectedVersion,
});

export const SetOwnerInput = z.object({
  id: AssignmentRef,
  person: text(200, 'Navnet på den ansvarlige'),
  expectedVersion,
});

export const ChangeDeadlineInput = z.object({
  id: AssignmentRef,
  date: CalendarDate,
  reason: text(4000, 'Begrunnelsen'),
  expectedVersion,
});

/** Up to 1000 assignments changed at once, by any of their IDs. */
const AssignmentRefs = z
  .array(AssignmentRef, { error: 'Velg minst ett oppdrag.' })
  .min(1, 'Velg minst ett oppdrag.')
  .max(1000, 'Høyst 1000 oppdrag om gangen.');

/** Bulk status changes; a delivery needs its own answer, so `levert` is set one assignment at a time. */
export const BULK_STATUSES = ['pågår', 'ferdig', 'videreført', 'trukket', 'erstattet'] as const;

export const BulkChangeStatusInput = z.object({
  ids: AssignmentRefs,
  status: z.enum(BULK_STATUSES, {
    error: (iss) =>
      `Status «${String(iss.input)}» kan ikke settes for mange oppdrag samtidig. Gyldige: ${BULK_STATUSES.join(', ')}.`,
  }),
  reason: text(4000, 'Begrunnelsen'),
});

export const BulkSetOwnerInput = z.object({
  ids: AssignmentRefs,
  person: text(200, 'Navnet på den ansvarlige'),
});

export const DashboardInput = z.object({
  year: year.optional(),
  agency: z.string().trim().min(1).max(200).optional(),
});

export const SearchInput = AssignmentFilterInput.extend({
  q: text(500, 'Søketeksten'),
  limit: z.coerce.number().int().min(1).max(200, 'Høyst 200 treff.').default(20),
});

export const DeadlinesInput = AssignmentFilterInput.extend({
  withinDays: z.coerce.number().int().min(0).max(3660, 'Høyst ti år (3660 dager).').default(30),
  overdue: flag.default(false),
});

export const BudgetInput = z.object({
  year: year.optional(),
  chapter: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'Kapittel er et tall, f.eks. 714.')
    .optional(),
});

export const YearInput = z.object({ year: year.optional() });
export const NoInput = z.object({});

export const UploadedFile = z.object({
  name: text(255, 'Filnavnet'),
  data: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'Filinnholdet mangler.' }),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

export const ImportInput = z.object({
  files: z.array(UploadedFile).min(1, 'Ingen filer å importere.').max(5000),
  /** Extract and report without storing anything. */
  dryRun: flag.default(false),
});

export const DocumentRefInput = z.object({ id: z.coerce.number().int().min(1) });

export const RemoveVersionInput = z.object({
  id: z.coerce.number().int().min(1),
  version: z.coerce.number().int().min(1),
  reason: text(4000, 'Begrunnelsen'),
});

export const ExportInput = z.object({ public: flag.default(false) });

export const RestoreInput = z.object({ data: z.unknown(), file: z.string().max(1000).default('eksport') });

export const AuditLogInput = z.object({
  entity: z.string().max(50).optional(),
  ...Page.shape,
});

export const ReportKindInput = z.enum(REPORT_KINDS, {
  error: (iss) => `Ukjent rapport «${String(iss.input)}». Gyldige: ${REPORT_KINDS.join(', ')}.`,
});

/** One row of a government accounts (statsregnskapet) export, as the CSV reader sums it. */
export const AccountsRowInput = z.object({
  chapter: z.string().regex(/^\d{1,4}$/, 'Kapittel er et tall, f.eks. 714.'),
  post: z.string().regex(/^\d{1,2}$/, 'Post er et tall, f.eks. 01.'),
  kroner: z.number().int(),
});

export const ReportInput = z.object({
  kind: ReportKindInput,
  year: year.optional(),
  org: z.string().trim().min(1).max(200).optional(),
  /** The report date: "as of" for deviations, the meeting date for the meeting brief (default today). */
  date: CalendarDate.optional(),
  /** Meeting brief: the start of the period, instead of the previous meeting in the calendar. */
  since: CalendarDate.optional(),
  accounts: z.array(AccountsRowInput).max(20_000, 'Høyst 20 000 regnskapslinjer.').optional(),
});

/** The register lists that export as a spreadsheet table. */
export const EXPORT_TABLES = ['assignments', 'budget', 'key-figures'] as const;

export const ExportTableInput = AssignmentFilterInput.extend({
  table: z.enum(EXPORT_TABLES, {
    error: (iss) =>
      `Ukjent tabell «${String(iss.input)}». Gyldige: assignments (oppdrag), budget (budsjett), key-figures (nøkkeltall).`,
  }),
  chapter: BudgetInput.shape.chapter,
  sort: z.enum(SORTS).default('id'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ExportTableInput = z.infer<typeof ExportTableInput>;

export const DeadlineCalendarInput = z.object({
  year: year.optional(),
  /** The web app's address, for links from each event to its assignment (`<baseUrl>/oppdrag/<ref>`). */
  baseUrl: z.url({ error: 'Ugyldig adresse; bruk f.eks. https://styr.example.no.' }).max(500).optional(),
});
