/**
 * Kysely's view of the schema in migrations.ts: the one typed query layer for both backends.
 * Dates are ISO `YYYY-MM-DD` strings and timestamps ISO strings on both backends (see open.ts parsers);
 * jsonb columns are written as JSON text and read back as values.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role, Side } from '../../core/register/viewer.js';

type Json<T> = ColumnType<T, string, string>;
/** Generated tsvector columns are never read or written by the application. */
type TsVector = ColumnType<never, never, never>;

export interface MinistryTable {
  id: Generated<number>;
  name: string;
}
export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  ministry_id: number | null;
}
export interface AgencyTable {
  id: Generated<number>;
  name: string;
}
export interface DocumentTable {
  id: Generated<number>;
  letter_key: string;
  type: string;
  year: number | null;
  date: string | null;
  title: string | null;
  reference: string | null;
  ministry_id: number | null;
  agency_id: number | null;
  current_version: number;
  created_at: string;
  updated_at: string;
}
export interface DocumentVersionTable {
  id: Generated<number>;
  document_id: number;
  version: number;
  sha256: string;
  source_name: string;
  format: string;
  imported_at: string;
  imported_by: string;
  extraction: Json<unknown>;
}
export interface ExtractionWarningTable {
  id: Generated<number>;
  document_version_id: number;
  ord: number;
  code: string;
  message: string;
  line: number | null;
}
interface Keyed {
  id: Generated<number>;
  document_id: number;
  key: string;
  fingerprint: string;
  line_from: number;
  line_to: number;
}
export interface SectionTable extends Keyed {
  number: string;
  title: string;
  level: number;
}
export interface GoalTable extends Keyed {
  number: string;
  title: string;
  section: string | null;
  search_text: string;
  search: TsVector;
}
export interface GoalItemTable {
  id: Generated<number>;
  goal_id: number;
  kind: 'criterion' | 'steering_parameter' | 'key_figure';
  ord: number;
  text: string;
  line: number;
}
export interface AssignmentTable {
  id: Generated<number>;
  key: string;
  status: string;
  status_changed_at: string;
  status_changed_by: string;
  confidential: Generated<boolean>;
  created_at: string;
  /** Optimistic version: every change to the assignment increments it (HTTP ETag / If-Match). */
  version: Generated<number>;
}
export interface AssignmentIdentifierTable {
  key: string;
  label: string;
  assignment_id: number;
}
export interface AppearanceTable extends Keyed {
  assignment_id: number;
  printed_id: string;
  other_ids: Json<string[]>;
  synthetic: boolean;
  kind: string;
  departments: Json<string[]>;
  title: string;
  body: string;
  section: string | null;
  status_text: string | null;
  confidential: boolean;
  search_text: string;
  search: TsVector;
  /** The document version that no longer prints this appearance (null: in the current version). */
  dropped_in_version: ColumnType<number | null, number | null | undefined, number | null>;
  dropped_at: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface AppearanceDeadlineTable {
  id: Generated<number>;
  appearance_id: number;
  ord: number;
  date: string | null;
  precision: string;
  text: string;
  part: string | null;
  line: number;
}
export interface AppearancePartTable {
  id: Generated<number>;
  appearance_id: number;
  ord: number;
  label: string;
  text: string;
  line_from: number;
  line_to: number;
}
export interface AppearanceReferenceTable {
  id: Generated<number>;
  appearance_id: number;
  ord: number;
  target_key: string;
  target_label: string;
  relation: 'refers' | 'replaces' | 'clarifies' | 'changes';
}
export interface StatusEventTable {
  id: Generated<number>;
  assignment_id: number;
  from_status: string;
  to_status: string;
  at: string;
  actor: string;
  reason: string;
  source_document_id: number | null;
  /** The document version whose import implied this change (null: a person, or before 004). */
  source_version: number | null;
}
export interface NoteTable {
  id: Generated<number>;
  assignment_id: number;
  kind: 'note' | 'answer';
  text: string;
  at: string;
  actor: string;
}
export interface OwnerTable {
  assignment_id: number;
  person: string;
  at: string;
  actor: string;
}
export interface DeadlineChangeTable {
  id: Generated<number>;
  assignment_id: number;
  part: string | null;
  old_date: string | null;
  new_date: string | null;
  new_text: string;
  at: string;
  actor: string;
  reason: string;
  source_kind: 'document' | 'person';
  source_document_id: number | null;
  source_version: number | null;
}
export interface BudgetLineTable extends Keyed {
  chapter: string;
  post: string;
  name: string;
  columns: Json<string[]>;
  amounts: Json<(number | null)[]>;
  allocated: number | null;
  flags: Json<string[]>;
  usable_under_posts: Json<string[]>;
  comment: string | null;
  table_name: string | null;
  search_text: string;
  search: TsVector;
}
export interface BudgetEarmarkTable {
  id: Generated<number>;
  budget_line_id: number;
  ord: number;
  amount: number;
  text: string;
}
export interface AuthorisationTable extends Keyed {
  kind: string;
  text: string;
  chapter: string | null;
  post: string | null;
  amount: number | null;
}
export interface CalendarEntryTable extends Keyed {
  date: string | null;
  time: string | null;
  text: string;
  note: string | null;
}
export interface ReportNoteTable {
  id: Generated<number>;
  document_id: number;
  ord: number;
  text: string;
  target_key: string;
  line_from: number;
  line_to: number;
}
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Json<unknown>;
  /** Hash chain (migration 004): set by the database's insert trigger, never by the application. */
  prev_hash: Generated<string | null>;
  hash: Generated<string | null>;
}
export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  side: Side;
  ministry_id: number | null;
  agency_id: number | null;
  created_at: string;
  /** Norwegian organisation number (9 digits), from Kudos actors; null until known. */
  org_number: Generated<string | null>;
}
export interface IngestSourceTable {
  key: string;
  kind: 'file' | 'kudos';
  source_url: string | null;
  kudos_uuid: string | null;
  kudos_type: string | null;
  kudos_file_sha256: string | null;
  published: string | null;
  sha256: string;
  document_id: number | null;
  document_version: number | null;
  outcome: string;
  imported_at: string;
  imported_by: string;
}
export interface KudosCheckpointTable {
  query_key: string;
  next_page: number;
  done: boolean;
  updated_at: string;
}
export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  organisation_id: number | null;
  department: string | null;
  roles: Json<Role[]>;
  exempt_access: Generated<boolean>;
  /** `scrypt$N$r$p$salt$hash`; null for users who sign in only through OpenID Connect. */
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  disabled: Generated<boolean>;
  created_at: string;
}
export interface SessionTable {
  id: Generated<number>;
  /** SHA-256 of the cookie value; the value itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}
export interface ApiTokenTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: boolean;
}
export interface OidcLoginTable {
  state_hash: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  expires_at: string;
}
export interface CalendarFeedTable {
  id: Generated<number>;
  /** SHA-256 of the feed's secret; the secret itself is shown once and never stored. */
  token_hash: string;
  name: string;
  /** Exactly one of user (the user's own visibility) and organisation (its public content). */
  user_id: number | null;
  organisation_id: number | null;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface DigestDeliveryTable {
  recipient: string;
  /** Oslo calendar day the digest is for. */
  day: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: Generated<number>;
  last_error: string | null;
  /** The process holding the claim and until when; an expired claim may be taken over. */
  claimed_by: string | null;
  claimed_until: string | null;
  next_attempt_at: string | null;
  message_id: string;
  sent_at: string | null;
  created_at: string;
}

export interface Database {
  ministry: MinistryTable;
  department: DepartmentTable;
  agency: AgencyTable;
  document: DocumentTable;
  document_version: DocumentVersionTable;
  extraction_warning: ExtractionWarningTable;
  section: SectionTable;
  goal: GoalTable;
  goal_item: GoalItemTable;
  assignment: AssignmentTable;
  assignment_identifier: AssignmentIdentifierTable;
  appearance: AppearanceTable;
  appearance_deadline: AppearanceDeadlineTable;
  appearance_part: AppearancePartTable;
  appearance_reference: AppearanceReferenceTable;
  status_event: StatusEventTable;
  note: NoteTable;
  owner: OwnerTable;
  deadline_change: DeadlineChangeTable;
  budget_line: BudgetLineTable;
  budget_earmark: BudgetEarmarkTable;
  authorisation: AuthorisationTable;
  calendar_entry: CalendarEntryTable;
  report_note: ReportNoteTable;
  audit_log: AuditLogTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  oidc_login: OidcLoginTable;
  calendar_feed: CalendarFeedTable;
  digest_delivery: DigestDeliveryTable;
  ingest_source: IngestSourceTable;
  kudos_checkpoint: KudosCheckpointTable;
}

export type TableName = keyof Database;
export type Row<T extends TableName> = Selectable<Database[T]>;
export type NewRow<T extends TableName> = Insertable<Database[T]>;

/**
 * Tables in dependency order: export writes them in this order, restore inserts in this order,
 * and every table with a serial id gets its sequence moved past the restored ids.
 */
export const TABLES_IN_ORDER: readonly TableName[] = [
  'ministry',
  'department',
  'agency',
  'document',
  'document_version',
  'extraction_warning',
  'section',
  'goal',
  'goal_item',
  'assignment',
  'assignment_identifier',
  'appearance',
  'appearance_deadline',
  'appearance_part',
  'appearance_reference',
  'status_event',
  'note',
  'owner',
  'deadline_change',
  'budget_line',
  'budget_earmark',
  'authorisation',
  'calendar_entry',
  'report_note',
  'audit_log',
];
