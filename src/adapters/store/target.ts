/**
 * Where the register lives, decided from the command line and the environment. Kept apart from
 * open.ts so that a command which only forwards to a running server never loads a database driver.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

export type StoreTarget =
  /** dataDir undefined = in memory (tests); a template dump makes a fresh database cheap. */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  /** A private schema in a PGlite instance the caller owns (tests: one instance, a schema per test). */
  | { kind: 'pglite-shared'; pglite: PGlite; schema: string }
  /** schema: run in a private schema (tests share one server database). */
  | { kind: 'postgres'; url: string; schema?: string };

/** Where the embedded database lives: --data, then STYR_DATA, then the per-user data directory. */
function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STYR_DATA) return env.STYR_DATA;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'styr');
}

/** DATABASE_URL selects PostgreSQL; otherwise PGlite in the data directory. */
export function targetFromEnv(
  dataDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): StoreTarget {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: dataDir ?? defaultDataDir(env) };
}
