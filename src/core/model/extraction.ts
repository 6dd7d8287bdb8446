/**
 * The extraction contract (schemaVersion 2): what `styr extract --json` prints and what the store imports.
 * Types are derived from the schemas so that the JSON Schema in docs/ and the TypeScript types never drift.
 *
 * Version 2 added `coverage`: what the extractor saw that looks like an assignment ID, a budget table, a
 * printed sum or a deadline phrase, and what became of each (docs/extraction-format.md).
 */
import { z } from 'zod';
import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };

/** ISO calendar date `YYYY-MM-DD` (Europe/Oslo calendar day, never a timestamp). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const LineNo = z.number().int().min(1);
/** 1-based source line range `[first, last]` of the original file. */
export const LineRange = z.tuple([LineNo, LineNo]);

export const DocumentType = z.enum(['tildelingsbrev', 'tillegg', 'arsrapport', 'ukjent']);
export type DocumentType = z.infer<typeof DocumentType>;

export const DocumentInfo = z.object({
  type: DocumentType,
  year: z.number().int().nullable(),
  date: IsoDate.nullable(),
  issuer: z.string().nullable(),
  recipient: z.string().nullable(),
  reference: z.string().nullable(),
  title: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  lineCount: z.number().int().min(0),
  /** Supplementary letters appended to the main letter (e.g. a PDF bundle of a letter and its tillegg). */
  supplements: z.array(
    z.object({
      number: z.string().nullable(),
      date: IsoDate.nullable(),
      reference: z.string().nullable(),
      title: z.string().nullable(),
      lines: LineRange,
    }),
  ),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

export const Section = z.object({
  number: z.string(),
  title: z.string(),
  level: z.number().int().min(1),
  lines: LineRange,
});
export type Section = z.infer<typeof Section>;

export const TextItem = z.object({ text: z.string(), line: LineNo });
export type TextItem = z.infer<typeof TextItem>;

export const Goal = z.object({
  number: z.string(),
  title: z.string(),
  section: z.string().nullable(),
  criteria: z.array(TextItem),
  steeringParameters: z.array(TextItem),
  keyFigures: z.array(TextItem),
  lines: LineRange,
});
export type Goal = z.infer<typeof Goal>;

export const DeadlinePrecision = z.enum([
  'day',
  'month',
  'quarter',
  'half',
  'year',
  'relative',
  'recurring',
  'none',
]);
export type DeadlinePrecision = z.infer<typeof DeadlinePrecision>;

export const Deadline = z.object({
  /** The last day the deadline allows (end of month/quarter/half/year for coarse precisions). */
  date: IsoDate.nullable(),
  precision: DeadlinePrecision,
  /** The phrase as printed. */
  text: z.string(),
  /** Label of the sub-task the deadline belongs to ("a", "1", "Del 2"), or null for the whole assignment. */
  part: z.string().nullable(),
  line: LineNo,
});
export type Deadline = z.infer<typeof Deadline>;

export const AssignmentKind = z.enum(['new', 'carried_over', 'supplement']);
export type AssignmentKind = z.infer<typeof AssignmentKind>;

export const ReferenceRelation = z.enum(['refers', 'replaces', 'clarifies', 'changes']);
export type ReferenceRelation = z.infer<typeof ReferenceRelation>;

export const AssignmentPart = z.object({ label: z.string(), text: z.string(), lines: LineRange });
export type AssignmentPart = z.infer<typeof AssignmentPart>;

export const Assignment = z.object({
  id: z.string(),
  otherIds: z.array(z.string()),
  /** True when the letter prints no ID and styr derived one from year, section and ordinal. */
  synthetic: z.boolean(),
  kind: AssignmentKind,
  departments: z.array(z.string()),
  title: z.string(),
  body: z.string(),
  section: z.string().nullable(),
  deadlines: z.array(Deadline),
  parts: z.array(AssignmentPart),
  references: z.array(z.object({ id: z.string(), relation: ReferenceRelation })),
  statusText: z.string().nullable(),
  confidential: z.boolean(),
  lines: LineRange,
});
export type Assignment = z.infer<typeof Assignment>;

export const BudgetFlag = z.enum(['kan_overfores', 'kan_nyttes_under_post', 'overslagsbevilgning']);
export type BudgetFlag = z.infer<typeof BudgetFlag>;

export const BudgetLine = z.object({
  chapter: z.string(),
  post: z.string(),
  name: z.string(),
  /** Labels of the amount columns as printed ("Tildeling 2024", "Bevilgning"). */
  columns: z.array(z.string()),
  /** One amount per column, in whole kroner; null for an empty cell. */
  amounts: z.array(z.number().int().nullable()),
  flags: z.array(BudgetFlag),
  /** For `kan_nyttes_under_post`: the post(s) named. */
  usableUnderPosts: z.array(z.string()),
  comment: z.string().nullable(),
  earmarks: z.array(z.object({ amount: z.number().int(), text: z.string() })),
  /** Heading or caption of the table the row belongs to. */
  table: z.string().nullable(),
  lines: LineRange,
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const Authorisation = z.object({
  kind: z.string(),
  text: z.string(),
  chapter: z.string().nullable(),
  post: z.string().nullable(),
  amount: z.number().int().nullable(),
  lines: LineRange,
});
export type Authorisation = z.infer<typeof Authorisation>;

export const CalendarEntry = z.object({
  date: IsoDate.nullable(),
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
  text: z.string(),
  note: z.string().nullable(),
  lines: LineRange,
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;

/** One row of a key-figure table as a time series (annual reports: "Tabell 2-4 Nøkkeltall"). */
export const KeyFigureSeries = z.object({
  table: z.string().nullable(),
  label: z.string(),
  unit: z.string().nullable(),
  values: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
  lines: LineRange,
});
export type KeyFigureSeries = z.infer<typeof KeyFigureSeries>;

/** A count or total the document states in prose ("83 spesielle oppdrag og 78 tilleggsoppdrag"). */
export const ReportedFigure = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  text: z.string(),
  line: LineNo,
});
export type ReportedFigure = z.infer<typeof ReportedFigure>;

/** Annual reports: the report's own assessment of a goal area's attainment (måloppnåelse). */
export const GoalAssessment = z.object({ goal: z.string(), text: z.string(), lines: LineRange });
export type GoalAssessment = z.infer<typeof GoalAssessment>;

/** What a report says about the status of assignments, linked to its lines and any IDs it names. */
export const StatusNote = z.object({ text: z.string(), ids: z.array(z.string()), lines: LineRange });
export type StatusNote = z.infer<typeof StatusNote>;

export const Warning = z.object({ code: z.string(), message: z.string(), line: LineNo.nullable() });
export type Warning = z.infer<typeof Warning>;

const Count = z.number().int().min(0);

/**
 * Completeness of one extraction: for each kind of thing a reader expects to find in a steering document,
 * how many the text holds and what became of them. Nothing is dropped silently: whatever is neither a
 * record nor part of one has a warning with its line, and is counted under `warned`.
 */
export const Coverage = z.object({
  /** Distinct assignment-ID-shaped identifiers printed anywhere ("TB2026-12", "OPP2025-7", "ID: 2026-01"). */
  ids: z.object({
    found: Count,
    /** An assignment of this document carries it (as its ID or one of its other IDs). */
    assignments: Count,
    /** Named by an assignment's references or a status note, or kept in the text of another record. */
    references: Count,
    warned: Count,
  }),
  /** Tables whose columns look like a budget (chapter/post and amounts), and loose runs of budget rows. */
  budgetTables: z.object({ found: Count, read: Count, warned: Count }),
  /** Printed sum and total rows (and "Sum tildelt" columns), cross-footed against the rows they total. */
  sums: z.object({ found: Count, footing: Count, mismatched: Count, unchecked: Count }),
  /** Deadline phrases ("Frist: …", "innen <dato>", "senest <dato>", a date in brackets after a request). */
  deadlines: z.object({
    found: Count,
    /** A deadline of an assignment. */
    attached: Count,
    /** A dated entry of the steering calendar. */
    calendar: Count,
    warned: Count,
  }),
});
export type Coverage = z.infer<typeof Coverage>;

export const ExtractionResult = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({ name: z.string(), format: z.enum(['txt', 'md', 'pdf', 'docx', 'html']) }),
  document: DocumentInfo,
  sections: z.array(Section),
  goals: z.array(Goal),
  assignments: z.array(Assignment),
  budgetLines: z.array(BudgetLine),
  authorisations: z.array(Authorisation),
  calendar: z.array(CalendarEntry),
  keyFigureSeries: z.array(KeyFigureSeries),
  reportedFigures: z.array(ReportedFigure),
  statusNotes: z.array(StatusNote),
  goalAssessments: z.array(GoalAssessment),
  warnings: z.array(Warning),
  coverage: Coverage,
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;
