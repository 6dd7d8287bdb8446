/**
 * What the report builders read: register facts already filtered and redacted for the viewer by the
 * store (confidential assignments are absent for a viewer without the grant, and their IDs are
 * redacted in every text here). Builders never decide access; they only arrange what they are given.
 */

export interface AssignmentFacts {
  ids: string[];
  title: string;
  departments: string[];
  /** Letter section the assignment is printed under (goal area), e.g. "3.2". */
  section: string | null;
  status: string;
  derived: 'forfalt' | 'snart forfall' | null;
  deadlines: (string | null)[];
  confidential: boolean;
  /** Where it first appeared: the document type (tildelingsbrev, tillegg …) and its date. */
  origin: { type: string; date: string | null; label: string };
  answers: { text: string; at: string }[];
  statusEvents: { from: string; to: string; at: string; reason: string }[];
  deadlineChanges: { from: string | null; to: string | null; at: string; reason: string }[];
}

export interface GoalFacts {
  number: string;
  title: string;
  criteria: string[];
  steeringParameters: string[];
}

export interface CalendarFacts {
  date: string | null;
  time: string | null;
  text: string;
  note: string | null;
}

export interface BudgetLineFacts {
  chapter: string;
  post: string;
  name: string;
  allocated: number | null;
  /** The letter (`tildelingsbrev`), a supplement (`tillegg`, whose amounts are changes) or `arsrapport`. */
  source: 'tildelingsbrev' | 'tillegg' | 'arsrapport';
  documentDate: string | null;
  documentLabel: string;
  /** Annual-report rows: the accounts figure ("Regnskap"), when the table has one. */
  accounts: number | null;
}

/** One row of the government accounts (statsregnskapet) export, summed per chapter and post. */
export interface AccountsRow {
  chapter: string;
  post: string;
  kroner: number;
}

export interface ReportFacts {
  year: number;
  /** The organisation the report is limited to, or null for everything in the viewer's scope. */
  organisation: string | null;
  /** The report date (ISO): "as of" for deviations and the meeting brief. */
  date: string;
  /** Whether the viewer may see confidential assignments (they are then included and marked). */
  showsConfidential: boolean;
  assignments: AssignmentFacts[];
  goals: GoalFacts[];
  calendar: CalendarFacts[];
  budget: BudgetLineFacts[];
}
