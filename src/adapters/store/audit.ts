/** The append-only audit log: every change the register makes records who, when, what and why. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | number | null;
  details: Record<string, unknown>;
}

export async function audit(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  for (let i = 0; i < entries.length; i += 400) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + 400).map((e) => ({
          at: e.at,
          actor: e.actor,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId === null ? null : String(e.entityId),
          details: JSON.stringify(e.details),
        })),
      )
      .execute();
  }
}

/**
 * An import entry for a viewer without the exempt grant (public exports, the audit log): it keeps its
 * counts of goals, budget lines and the rest; assignment counts and lineage would count the hidden ones.
 */
export function publicImportDetails(details: unknown): unknown {
  if (details === null || typeof details !== 'object') return details;
  const { lineage: _lineage, ...rest } = details as Record<string, unknown>;
  const counts = rest.counts;
  if (counts !== null && typeof counts === 'object') {
    const { assignments: _assignments, ...others } = counts as Record<string, unknown>;
    rest.counts = others;
  }
  return rest;
}
