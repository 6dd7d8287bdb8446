/**
 * Verifying the audit log's hash chain (migration 004). Each entry's hash covers its content and the
 * previous entry's hash; the database computes both when the entry is written. The check recomputes
 * every hash with the same SQL function, so it holds on both backends alike.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export interface AuditChainReport {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** Hash of the last entry: record it elsewhere to detect a log cut short at its end later. */
  lastHash: string | null;
  /** The first entry that does not verify, and why (Norwegian). */
  firstBadId?: number;
  reason?: string;
}

interface BadRow {
  id: number;
  n: number;
  missing: boolean;
  broken_link: boolean;
}

function reasonFor(bad: BadRow): string {
  if (bad.missing) return `Post ${bad.id} mangler hash.`;
  if (bad.broken_link)
    return Number(bad.n) === 1
      ? `Første post (${bad.id}) peker på en tidligere post som ikke finnes: poster er fjernet fra begynnelsen av loggen.`
      : `Post ${bad.id} peker ikke på posten før den: en post er fjernet, satt inn eller endret.`;
  return `Innholdet i post ${bad.id} stemmer ikke med hashen: posten er endret etter at den ble skrevet.`;
}

export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditChainReport> {
  const chain = sql`select id, hash, prev_hash, at, actor, action, entity, entity_id, details,
      lag(hash) over (order by id) as expected_prev, row_number() over (order by id) as n
    from audit_log`;
  const bad = await sql<BadRow>`with c as (${chain})
    select id, n, hash is null as missing, prev_hash is distinct from expected_prev as broken_link
    from c
    where hash is null or prev_hash is distinct from expected_prev
      or hash is distinct from audit_entry_hash(prev_hash, at, actor, action, entity, entity_id, details)
    order by id limit 1`.execute(db);
  const summary = await sql<{ entries: number; last_hash: string | null }>`select count(*)::int as entries,
      (select hash from audit_log order by id desc limit 1) as last_hash from audit_log`.execute(db);
  const entries = Number(summary.rows[0]?.entries ?? 0);
  const lastHash = summary.rows[0]?.last_hash ?? null;
  const first = bad.rows[0];
  if (!first) return { ok: true, entries, lastHash };
  return { ok: false, entries, lastHash, firstBadId: Number(first.id), reason: reasonFor(first) };
}
