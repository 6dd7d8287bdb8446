/**
 * One change applied to many assignments at once (a letter declares older assignments lapsed; a case
 * officer takes over a batch): one transaction under the write lock, every assignment checked before
 * anything is written, all or nothing. A refusal names every ID that could not be changed and why.
 */
import type { Kysely, Transaction } from 'kysely';
import { resolveAssignment } from './assignments-query.js';
import type { EditContext } from './edits.js';
import { RegisterError } from './errors.js';
import type { Database } from './schema.js';
import { bumpVersions, lockAssignment, lockWrites } from './write-lock.js';

export interface BulkFailure {
  id: string;
  code: string;
  message: string;
}

/** Nothing was changed: these IDs could not be. */
export class BulkRefused extends RegisterError {
  constructor(readonly failures: BulkFailure[]) {
    super(
      'bulk_refused',
      `Ingen oppdrag ble endret: ${failures.length} av dem kunne ikke endres (${failures
        .slice(0, 3)
        .map((f) => f.id)
        .join(', ')}${failures.length > 3 ? ' …' : ''}).`,
    );
  }
}

export interface BulkTarget {
  trx: Transaction<Database>;
  id: number;
  status: string;
  at: string;
}

/**
 * `check` says why one assignment (with its current status) may not be changed, or null; `apply`
 * writes the change. Returns each changed assignment's new version, by the ID it was asked for.
 */
export async function bulkEdit(
  db: Kysely<Database>,
  printedIds: readonly string[],
  ctx: EditContext,
  check: (status: string) => { code: string; message: string } | null,
  apply: (t: BulkTarget) => Promise<void>,
): Promise<{ id: string; version: number }[]> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const at = ctx.clock().toISOString();
    const failures: BulkFailure[] = [];
    const targets: { printed: string; id: number; status: string }[] = [];
    const seen = new Set<number>();
    for (const printed of printedIds) {
      const id = await resolveAssignment(trx, printed, ctx.viewer);
      if (id === null) {
        failures.push({
          id: printed,
          code: 'assignment_not_found',
          message: `Fant ikke oppdraget «${printed}».`,
        });
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      const cur = await lockAssignment(trx, id, {});
      const refusal = check(cur.status);
      if (refusal) failures.push({ id: printed, ...refusal });
      else targets.push({ printed, id, status: cur.status });
    }
    if (failures.length > 0) throw new BulkRefused(failures);
    for (const t of targets) await apply({ trx, id: t.id, status: t.status, at });
    const versions = await bumpVersions(
      trx,
      targets.map((t) => t.id),
    );
    return targets.map((t) => ({ id: t.printed, version: versions.get(t.id) ?? 0 }));
  });
}
