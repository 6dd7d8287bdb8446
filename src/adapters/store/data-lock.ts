/**
 * An exclusive lock on an embedded data folder. PGlite has no lock of its own, and two processes on one
 * folder corrupt it, so exactly one process opens it: a server (which records its address and a secret
 * so that CLI commands send their work to it) or one CLI command at a time (a second waits a few
 * seconds, then fails naming the holder). A lock whose process is gone is taken over.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'styr.lock';

/** How long a CLI command waits for a server that holds the lock to start listening. */
const SERVER_START_MS = 30_000;

export const LockInfo = z.object({
  pid: z.number().int(),
  host: z.string(),
  kind: z.enum(['server', 'cli']),
  command: z.string(),
  since: z.string(),
  /** Server only: where its API listens, and the secret CLI commands of the same OS user present. */
  url: z.string().optional(),
  token: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfo>;

export type LockResult =
  | { held: true; release: () => void; info: LockInfo }
  | { held: false; server: { url: string; token: string }; holder: LockInfo };

export class LockBusyError extends Error {
  constructor(
    readonly holder: LockInfo | null,
    message: string,
  ) {
    super(message);
    this.name = 'LockBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const parsed = LockInfo.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function describeHolder(h: LockInfo | null): string {
  if (!h) return 'en annen prosess';
  return `${h.kind === 'server' ? 'styr serve' : `styr ${h.command}`} (prosess ${h.pid} på ${h.host}, siden ${h.since})`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tryCreate(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(info));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Move a dead holder's lock aside (rename is atomic, so two takers cannot both remove a fresh lock). */
function takeOverStale(path: string, seen: LockInfo | null): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readLock(aside);
  if (moved && seen && (moved.pid !== seen.pid || moved.since !== seen.since)) {
    // Someone replaced the stale lock between our read and our rename: put theirs back.
    try {
      renameSync(aside, path);
    } catch {
      /* they will notice their lock is gone and fail safe on release */
    }
    return;
  }
  try {
    unlinkSync(aside);
  } catch {
    /* already gone */
  }
}

export interface AcquireOptions {
  kind: 'server' | 'cli';
  command: string;
  /** How long a CLI command waits for another CLI command to finish (or a server to start). */
  waitMs?: number;
}

export async function acquireDataLock(dataDir: string, opts: AcquireOptions): Promise<LockResult> {
  const path = join(dataDir, LOCK_FILE);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    kind: opts.kind,
    command: opts.command,
    since: new Date().toISOString(),
    ...(opts.kind === 'server' ? { token: randomBytes(32).toString('base64url') } : {}),
  };
  const started = Date.now();
  const deadline = started + (opts.waitMs ?? 5000);
  for (;;) {
    if (tryCreate(path, info)) {
      const release = () => {
        const cur = readLock(path);
        if (cur?.pid === info.pid && cur.since === info.since) {
          try {
            unlinkSync(path);
          } catch {
            /* already removed */
          }
        }
      };
      process.once('exit', release);
      return { held: true, release, info };
    }
    const holder = readLock(path);
    const stale = holder !== null && holder.host === hostname() && !alive(holder.pid);
    if (stale || (holder === null && lockIsOld(path))) {
      takeOverStale(path, holder);
      continue;
    }
    if (holder?.kind === 'server' && holder.url && holder.token && opts.kind === 'cli')
      return { held: false, server: { url: holder.url, token: holder.token }, holder };
    if (holder?.kind === 'server' && opts.kind === 'server')
      throw new LockBusyError(holder, `Datamappen ${dataDir} eies allerede av ${describeHolder(holder)}.`);
    // A server that holds the lock without an address yet is still opening the register: give it longer.
    const limit = holder?.kind === 'server' ? started + SERVER_START_MS : deadline;
    if (Date.now() >= limit)
      throw new LockBusyError(
        holder,
        `Datamappen ${dataDir} er i bruk av ${describeHolder(holder)}. Vent til den er ferdig, eller bruk en annen --data.`,
      );
    await sleep(100);
  }
}

/** A lock file that cannot be parsed (a crash mid-write) is stale once it is a few seconds old. */
function lockIsOld(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 3000;
  } catch {
    return true;
  }
}

/** Updates the server's lock with its real address once it listens (port 0 → the chosen port). */
export function rewriteLock(dataDir: string, info: LockInfo): void {
  const path = join(dataDir, LOCK_FILE);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(info));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
