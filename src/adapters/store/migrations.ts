/**
 * The one set of versioned migrations, for PGlite and PostgreSQL alike. Each migration is a list of
 * single statements (PGlite's extended protocol runs one statement per call). Never edit a released
 * migration; append a new one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { dbReason } from './db-error.js';

const fts = (col: string) =>
  `tsvector GENERATED ALWAYS AS (to_tsvector('norwegian'::regconfig, coalesce(${col}, ''))) STORED`;

const m001: string[] = [
  `CREATE TABLE ministry (id serial PRIMARY KEY, name text NOT NULL UNIQUE)`,
  `CREATE TABLE department (
     id serial PRIMARY KEY, code text NOT NULL UNIQUE, ministry_id int REFERENCES ministry(id))`,
  `CREATE TABLE agency (id serial PRIMARY KEY, name text NOT NULL UNIQUE)`,
  `CREATE TABLE document (
     id serial PRIMARY KEY, letter_key text NOT NULL UNIQUE, type text NOT NULL, year int, date date,
     title text, reference text, ministry_id int REFERENCES ministry(id), agency_id int REFERENCES agency(id),
     current_version int NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`,
  `CREATE TABLE document_version (
     id serial PRIMARY KEY, document_id int NOT NULL REFERENCES document(id), version int NOT NULL,
     sha256 text NOT NULL UNIQUE, source_name text NOT NULL, format text NOT NULL,
     imported_at timestamptz NOT NULL, imported_by text NOT NULL, extraction jsonb NOT NULL,
     UNIQUE (document_id, version))`,
  `CREATE TABLE extraction_warning (
     id serial PRIMARY KEY, document_version_id int NOT NULL REFERENCES document_version(id),
     ord int NOT NULL, code text NOT NULL, message text NOT NULL, line int)`,
  `CREATE TABLE section (
     id serial PRIMARY KEY, document_id int NOT NULL REFERENCES document(id), key text NOT NULL,
     fingerprint text NOT NULL, number text NOT NULL, title text NOT NULL, level int NOT NULL,
     line_from int NOT NULL, line_to int NOT NULL, UNIQUE (document_id, key))`,
  `CREATE TABLE goal (
     id serial PRIMARY KEY, document_id int NOT NULL REFERENCES document(id), key text NOT NULL,
     fingerprint text NOT NULL, number text NOT NULL, title text NOT NULL, section text,
     line_from int NOT NULL, line_to int NOT NULL, search_text text NOT NULL, search ${fts('search_text')},
     UNIQUE (document_id, key))`,
  `CREATE TABLE goal_item (
     id serial PRIMARY KEY, goal_id int NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
     kind text NOT NULL CHECK (kind IN ('criterion', 'steering_parameter', 'key_figure')),
     ord int NOT NULL, text text NOT NULL, line int NOT NULL)`,
  `CREATE TABLE assignment (
     id serial PRIMARY KEY, key text NOT NULL UNIQUE, status text NOT NULL,
     status_changed_at timestamptz NOT NULL, status_changed_by text NOT NULL,
     confidential boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL)`,
  `CREATE TABLE assignment_identifier (
     key text PRIMARY KEY, label text NOT NULL, assignment_id int NOT NULL REFERENCES assignment(id))`,
  `CREATE INDEX assignment_identifier_assignment ON assignment_identifier (assignment_id)`,
  `CREATE TABLE appearance (
     id serial PRIMARY KEY, assignment_id int NOT NULL REFERENCES assignment(id),
     document_id int NOT NULL REFERENCES document(id), key text NOT NULL, fingerprint text NOT NULL,
     printed_id text NOT NULL, other_ids jsonb NOT NULL, synthetic boolean NOT NULL, kind text NOT NULL,
     departments jsonb NOT NULL, title text NOT NULL, body text NOT NULL, section text,
     status_text text, confidential boolean NOT NULL, line_from int NOT NULL, line_to int NOT NULL,
     search_text text NOT NULL, search ${fts('search_text')}, UNIQUE (document_id, key))`,
  `CREATE INDEX appearance_assignment ON appearance (assignment_id)`,
  `CREATE TABLE appearance_deadline (
     id serial PRIMARY KEY, appearance_id int NOT NULL REFERENCES appearance(id) ON DELETE CASCADE,
     ord int NOT NULL, date date, precision text NOT NULL, text text NOT NULL, part text, line int NOT NULL)`,
  `CREATE INDEX appearance_deadline_appearance ON appearance_deadline (appearance_id)`,
  `CREATE TABLE appearance_part (
     id serial PRIMARY KEY, appearance_id int NOT NULL REFERENCES appearance(id) ON DELETE CASCADE,
     ord int NOT NULL, label text NOT NULL, text text NOT NULL, line_from int NOT NULL, line_to int NOT NULL)`,
  `CREATE INDEX appearance_part_appearance ON appearance_part (appearance_id)`,
  `CREATE TABLE appearance_reference (
     id serial PRIMARY KEY, appearance_id int NOT NULL REFERENCES appearance(id) ON DELETE CASCADE,
     ord int NOT NULL, target_key text NOT NULL, target_label text NOT NULL,
     relation text NOT NULL CHECK (relation IN ('refers', 'replaces', 'clarifies', 'changes')))`,
  `CREATE INDEX appearance_reference_appearance ON appearance_reference (appearance_id)`,
  `CREATE INDEX appearance_reference_target ON appearance_reference (target_key)`,
  `CREATE TABLE status_event (
     id serial PRIMARY KEY, assignment_id int NOT NULL REFERENCES assignment(id), from_status text NOT NULL,
     to_status text NOT NULL, at timestamptz NOT NULL, actor text NOT NULL, reason text NOT NULL,
     source_document_id int REFERENCES document(id))`,
  `CREATE TABLE note (
     id serial PRIMARY KEY, assignment_id int NOT NULL REFERENCES assignment(id),
     kind text NOT NULL CHECK (kind IN ('note', 'answer')), text text NOT NULL,
     at timestamptz NOT NULL, actor text NOT NULL)`,
  `CREATE TABLE owner (
     assignment_id int NOT NULL REFERENCES assignment(id), person text NOT NULL,
     at timestamptz NOT NULL, actor text NOT NULL, PRIMARY KEY (assignment_id, person))`,
  `CREATE TABLE deadline_change (
     id serial PRIMARY KEY, assignment_id int NOT NULL REFERENCES assignment(id), part text,
     old_date date, new_date date, new_text text NOT NULL, at timestamptz NOT NULL, actor text NOT NULL,
     reason text NOT NULL, source_kind text NOT NULL CHECK (source_kind IN ('document', 'person')),
     source_document_id int REFERENCES document(id))`,
  `CREATE TABLE budget_line (
     id serial PRIMARY KEY, document_id int NOT NULL REFERENCES document(id), key text NOT NULL,
     fingerprint text NOT NULL, chapter text NOT NULL, post text NOT NULL, name text NOT NULL,
     columns jsonb NOT NULL, amounts jsonb NOT NULL, allocated bigint, flags jsonb NOT NULL,
     usable_under_posts jsonb NOT NULL, comment text, table_name text, line_from int NOT NULL,
     line_to int NOT NULL, search_text text NOT NULL, search ${fts('search_text')},
     UNIQUE (document_id, key))`,
  `CREATE TABLE budget_earmark (
     id serial PRIMARY KEY, budget_line_id int NOT NULL REFERENCES budget_line(id) ON DELETE CASCADE,
     ord int NOT NULL, amount bigint NOT NULL, text text NOT NULL)`,
  `CREATE TABLE authorisation (
     id serial PRIMARY KEY, document_id int NOT NULL REFERENCES document(id), key text NOT NULL,
     fingerprint text NOT NULL, kind text NOT NULL, text text NOT NULL, chapter text, post text,
     amount bigint, line_from int NOT NULL, line_to int NOT NULL, UNIQUE (document_id, key))`,
  `CREATE TABLE calendar_entry (
     id serial PRIMARY KEY, document_id int NOT NULL REFERENCES document(id), key text NOT NULL,
     fingerprint text NOT NULL, date date, time text, text text NOT NULL, note text,
     line_from int NOT NULL, line_to int NOT NULL, UNIQUE (document_id, key))`,
  `CREATE TABLE audit_log (
     id bigserial PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL, action text NOT NULL,
     entity text NOT NULL, entity_id text, details jsonb NOT NULL)`,
  // The audit log is evidence: the database itself refuses to rewrite it, whoever connects.
  `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION 'audit_log is append-only (% rejected)', TG_OP; END $$`,
  `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
  `CREATE INDEX goal_search ON goal USING gin (search)`,
  `CREATE INDEX appearance_search ON appearance USING gin (search)`,
  `CREATE INDEX budget_line_search ON budget_line USING gin (search)`,
  `CREATE INDEX document_version_document ON document_version (document_id)`,
];

// Searchable rows carry long bodies; pushing them out of line keeps the heap narrow, so the bitmap
// scans behind full-text search read a few hundred pages instead of thousands.
const m002: string[] = [
  `ALTER TABLE appearance SET (toast_tuple_target = 128)`,
  `ALTER TABLE goal SET (toast_tuple_target = 128)`,
  `ALTER TABLE budget_line SET (toast_tuple_target = 128)`,
  // Ranking reads each candidate's tsvector (twice); uncompressed out-of-line storage skips the pglz step.
  `ALTER TABLE appearance ALTER COLUMN search SET STORAGE EXTERNAL`,
  `ALTER TABLE goal ALTER COLUMN search SET STORAGE EXTERNAL`,
  `ALTER TABLE budget_line ALTER COLUMN search SET STORAGE EXTERNAL`,
];

const m003: string[] = [
  `CREATE TABLE report_note (
     id serial PRIMARY KEY, document_id int NOT NULL REFERENCES document(id), ord int NOT NULL,
     text text NOT NULL, target_key text NOT NULL, line_from int NOT NULL, line_to int NOT NULL)`,
  `CREATE INDEX report_note_target ON report_note (target_key)`,
];

/**
 * Integrity (see docs/register.md): an optimistic `version` per assignment; the document version that
 * caused a document-implied status or deadline change (so removing that version can undo it); and the
 * hash chain over the audit log. Rows written before this migration are chained here in id order,
 * from a genesis entry whose prev_hash is null.
 */
const m004: string[] = [
  `ALTER TABLE assignment ADD COLUMN version int NOT NULL DEFAULT 1`,
  `ALTER TABLE status_event ADD COLUMN source_version int`,
  `ALTER TABLE deadline_change ADD COLUMN source_version int`,
  `ALTER TABLE audit_log ADD COLUMN prev_hash text`,
  `ALTER TABLE audit_log ADD COLUMN hash text`,
  // The canonical content of an entry is a JSON array in jsonb's own text form (sorted keys, fixed
  // spacing), which both backends print alike; time at millisecond precision, as export keeps it.
  `CREATE FUNCTION audit_entry_hash(
     p_prev text, p_at timestamptz, p_actor text, p_action text, p_entity text, p_entity_id text,
     p_details jsonb) RETURNS text LANGUAGE sql STABLE AS $$
     SELECT encode(sha256(convert_to(jsonb_build_array(
       p_prev, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), p_actor, p_action,
       p_entity, p_entity_id, p_details)::text, 'UTF8')), 'hex') $$`,
  `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`,
  `DO $$ DECLARE r record; h text := NULL; BEGIN
     FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
       UPDATE audit_log SET prev_hash = h,
         hash = audit_entry_hash(h, r.at, r.actor, r.action, r.entity, r.entity_id, r.details)
         WHERE id = r.id RETURNING hash INTO h;
     END LOOP; END $$`,
  `ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`,
  // Appends are serialised by the register's write lock, and the id is drawn under it, so id order is
  // commit order and the chain is linear whoever writes. A row that brings its own hash (restore) keeps
  // it and its id; verifyAuditChain checks it.
  `CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE last_hash text;
   BEGIN
     PERFORM pg_advisory_xact_lock(hashtext('styr.write:' || TG_TABLE_SCHEMA));
     IF NEW.hash IS NOT NULL THEN RETURN NEW; END IF;
     NEW.id := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id'));
     EXECUTE format('SELECT hash FROM %I.%I ORDER BY id DESC LIMIT 1', TG_TABLE_SCHEMA, TG_TABLE_NAME)
       INTO last_hash;
     NEW.prev_hash := last_hash;
     NEW.hash := audit_entry_hash(last_hash, NEW.at, NEW.actor, NEW.action, NEW.entity, NEW.entity_id,
       NEW.details);
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`,
];

// Accounts: organisations (linked to the register's ministry/agency rows so imported letters match
// them), users, sessions and API tokens. Secrets are stored only as SHA-256 hashes; a stolen database
// copy cannot be replayed as a session or a token.
const m005: string[] = [
  `CREATE TABLE organisation (
     id serial PRIMARY KEY, name text NOT NULL UNIQUE,
     side text NOT NULL CHECK (side IN ('departement', 'virksomhet')),
     ministry_id int REFERENCES ministry(id), agency_id int REFERENCES agency(id),
     created_at timestamptz NOT NULL)`,
  `CREATE TABLE app_user (
     id serial PRIMARY KEY, username text NOT NULL UNIQUE, display_name text NOT NULL,
     organisation_id int REFERENCES organisation(id), department text, roles jsonb NOT NULL,
     exempt_access boolean NOT NULL DEFAULT false, password_hash text, oidc_issuer text, oidc_subject text,
     disabled boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL,
     UNIQUE (oidc_issuer, oidc_subject))`,
  `CREATE TABLE session (
     id serial PRIMARY KEY, token_hash text NOT NULL UNIQUE,
     user_id int NOT NULL REFERENCES app_user(id) ON DELETE CASCADE, created_at timestamptz NOT NULL,
     expires_at timestamptz NOT NULL, last_seen_at timestamptz NOT NULL)`,
  `CREATE INDEX session_by_user ON session (user_id)`,
  `CREATE TABLE api_token (
     id serial PRIMARY KEY, token_hash text NOT NULL UNIQUE,
     user_id int NOT NULL REFERENCES app_user(id) ON DELETE CASCADE, name text NOT NULL,
     created_at timestamptz NOT NULL, last_used_at timestamptz, revoked_at timestamptz)`,
  `CREATE INDEX api_token_by_user ON api_token (user_id)`,
  `CREATE TABLE login_attempt (
     id bigserial PRIMARY KEY, username text NOT NULL, ip text NOT NULL, at timestamptz NOT NULL,
     success boolean NOT NULL)`,
  `CREATE INDEX login_attempt_username ON login_attempt (username, at)`,
  `CREATE INDEX login_attempt_ip ON login_attempt (ip, at)`,
  // An OpenID Connect login in flight: the browser holds the state in an HttpOnly cookie, the server
  // the PKCE verifier and nonce; each row is used once and lives a few minutes.
  `CREATE TABLE oidc_login (
     state_hash text PRIMARY KEY, code_verifier text NOT NULL, nonce text NOT NULL,
     return_to text NOT NULL, expires_at timestamptz NOT NULL)`,
];

// An assignment a corrected letter no longer prints keeps its appearance, marked with the version that
// dropped it, so it stays visible (with status, notes and history) as "ikke i gjeldende versjon".
const m006: string[] = [
  `ALTER TABLE appearance ADD COLUMN dropped_in_version int`,
  `ALTER TABLE appearance ADD COLUMN dropped_at timestamptz`,
];

// Calendar feeds: a secret URL per user (their visibility) or per organisation (its public content),
// stored as SHA-256 like API tokens. Digest deliveries: one row per recipient and Oslo day is the claim
// that makes the daily e-mail exactly-once across server processes and retries.
const m008: string[] = [
  `CREATE TABLE calendar_feed (
     id serial PRIMARY KEY, token_hash text NOT NULL UNIQUE, name text NOT NULL,
     user_id int REFERENCES app_user(id) ON DELETE CASCADE,
     organisation_id int REFERENCES organisation(id) ON DELETE CASCADE,
     created_by text NOT NULL, created_at timestamptz NOT NULL, last_used_at timestamptz,
     revoked_at timestamptz, CHECK ((user_id IS NULL) <> (organisation_id IS NULL)))`,
  `CREATE TABLE digest_delivery (
     recipient text NOT NULL, day date NOT NULL,
     state text NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
     attempts int NOT NULL DEFAULT 0, last_error text, claimed_by text, claimed_until timestamptz,
     next_attempt_at timestamptz, message_id text NOT NULL, sent_at timestamptz, created_at timestamptz NOT NULL,
     PRIMARY KEY (recipient, day))`,
];

/**
 * Ingest (docs/ingest.md): where each imported document came from (a file by its sha256, or a Kudos
 * document by its uuid, with its URL and the sha256 Kudos publishes for its file), the checkpoint of an
 * interrupted Kudos sync, and organisation numbers, so Kudos actors map to organisations by number
 * rather than by a name that is spelled differently from year to year. A removed document version
 * leaves its provenance row, pointing nowhere, so the source is not fetched and imported again.
 */
const m009: string[] = [
  `CREATE TABLE ingest_source (
     key text PRIMARY KEY, kind text NOT NULL CHECK (kind IN ('file', 'kudos')), source_url text,
     kudos_uuid text UNIQUE, kudos_type text, kudos_file_sha256 text, published date, sha256 text NOT NULL,
     document_id int REFERENCES document(id) ON DELETE SET NULL, document_version int,
     outcome text NOT NULL, imported_at timestamptz NOT NULL, imported_by text NOT NULL)`,
  `CREATE INDEX ingest_source_sha256 ON ingest_source (sha256)`,
  `CREATE TABLE kudos_checkpoint (
     query_key text PRIMARY KEY, next_page int NOT NULL, done boolean NOT NULL,
     updated_at timestamptz NOT NULL)`,
  `ALTER TABLE organisation ADD COLUMN org_number text UNIQUE`,
];

export const MIGRATIONS: Record<string, string[]> = {
  '001_register': m001,
  '002_search_storage': m002,
  '003_report_notes': m003,
  '004_integrity': m004,
  '005_accounts': m005,
  '006_hostile': m006,
  '008_exports': m008,
  '009_ingest': m009,
};

class InCodeProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, statements] of Object.entries(MIGRATIONS)) {
      out[name] = {
        async up(db: Kysely<unknown>) {
          for (const s of statements) await sql.raw(s).execute(db);
        },
      };
    }
    return out;
  }
}

/**
 * True when exactly the migrations of this code are recorded as run: one catalogue lookup and one small
 * read, where the migrator takes a lock and creates its tables first. A folder from a newer styr (a
 * migration this code does not know) goes on to the migrator, which refuses it.
 */
async function upToDate<T>(db: Kysely<T>, schema?: string): Promise<boolean> {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const table = schema ? `${quote(schema)}.${quote('kysely_migration')}` : quote('kysely_migration');
  const found = await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(db);
  if (!found.rows[0]?.t) return false;
  const done = await sql<{ name: string }>`select name from ${sql.raw(table)}`.execute(db);
  const known = Object.keys(MIGRATIONS);
  const names = new Set(done.rows.map((r) => r.name));
  return names.size === known.length && known.every((m) => names.has(m));
}

/** Bring the schema up to date; called by openStore on every start (cheap when nothing is pending). */
export async function migrate<T>(db: Kysely<T>, schema?: string): Promise<void> {
  if (await upToDate(db, schema)) return;
  const migrator = new Migrator({
    db: db as Kysely<unknown>,
    provider: new InCodeProvider(),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    // No failed migration means the database could not be reached at all: pass the driver's error on
    // unchanged, so its code (ECONNREFUSED, 28P01 …) can be explained to the user.
    if (!failed) throw error;
    throw new Error(`Databasemigrering ${failed} feilet: ${dbReason(error)}.`, { cause: error });
  }
}
