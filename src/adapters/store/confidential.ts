/**
 * What a viewer may not see: the ID keys of confidential assignments. Queries use them to drop rows
 * that point at a confidential assignment and to redact its IDs in the text of public ones.
 */
import type { Kysely } from 'kysely';
import { unscoped } from '../../core/register/ids.js';
import type { Viewer } from '../../core/register/viewer.js';
import type { Database } from './schema.js';

export interface HiddenKeys {
  /** Scoped keys (`helsedirektoratet#TB2024-9`), for joins on stored keys. */
  scoped: Set<string>;
  /** Unscoped keys (`TB2024-9`) of every agency, for redacting printed IDs in text whose agency is unknown. */
  printed: Set<string>;
  /** Unscoped keys confidential at one agency (the scope of a key): IDs are numbered per agency, so
   * Folkehelseinstituttet's confidential TB2024-1 must not redact Helsedirektoratet's public TB2024-1. */
  printedIn: (scope: string) => ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** The scope part of a register key (`helsedirektoratet#TB2024-9` → `helsedirektoratet`). */
export function scopeOfKey(key: string): string {
  const i = key.indexOf('#');
  return i < 0 ? '' : key.slice(0, i);
}

export async function hiddenKeys(db: Kysely<Database>, viewer: Viewer): Promise<HiddenKeys> {
  const byScope = new Map<string, Set<string>>();
  const out: HiddenKeys = {
    scoped: new Set(),
    printed: new Set(),
    printedIn: (scope) => byScope.get(scope) ?? NONE,
  };
  if (viewer.canSeeConfidential) return out;
  const rows = await db
    .selectFrom('assignment_identifier as i')
    .innerJoin('assignment as a', 'a.id', 'i.assignment_id')
    .select('i.key')
    .where('a.confidential', '=', true)
    .execute();
  for (const r of rows) {
    out.scoped.add(r.key);
    out.printed.add(unscoped(r.key));
    const scope = scopeOfKey(r.key);
    const set = byScope.get(scope) ?? new Set<string>();
    set.add(unscoped(r.key));
    byScope.set(scope, set);
  }
  return out;
}
