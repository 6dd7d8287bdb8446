/**
 * How a CLI command reaches the register: in process (it opens the database itself, holding the data
 * folder's lock while it runs), or through the API of the `styr serve` that owns the folder. Both run
 * the same use cases, so a command prints the same whichever way it went. The in-process side
 * (local-client.ts: database driver, use cases) is loaded only when the command runs it, so a command
 * forwarded to a server starts in a fraction of the time.
 */
import type { UseCaseInput, UseCaseName, UseCaseOutput } from '../../../app/app.js';
import { AppError, ERROR_KINDS, type ErrorKind } from '../../../app/errors.js';
import type { Clock } from '../../../core/register/viewer.js';
import { acquireDataLock, LockBusyError } from '../../store/data-lock.js';
import type { Db } from '../../store/open.js';
import type { StoreTarget } from '../../store/target.js';

export interface RegisterClient {
  call<N extends UseCaseName>(name: N, input: UseCaseInput<N>): Promise<UseCaseOutput<N>>;
  /** Where the work goes, for messages: a data folder, PostgreSQL, or a server's URL. */
  readonly where: string;
  close(): Promise<void>;
}

/** Problem+json back into the AppError it was made from. */
async function problemToError(res: Response): Promise<AppError> {
  const body = (await res.json().catch(() => null)) as { code?: string; detail?: string } | null;
  const kind = (ERROR_KINDS as readonly string[]).find(
    (k) => new AppError(k as ErrorKind, '', '').status === res.status,
  ) as ErrorKind | undefined;
  return new AppError(
    kind ?? 'internal',
    body?.code ?? 'http_error',
    body?.detail ?? `Serveren svarte ${res.status}.`,
  );
}

export class RemoteClient implements RegisterClient {
  constructor(
    readonly url: string,
    private readonly token: string,
    private readonly actor: string,
    private readonly publicOnly: boolean,
  ) {}

  get where() {
    return `styr serve på ${this.url}`;
  }

  private headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.token}`,
      'x-styr-actor': encodeURIComponent(this.actor),
      ...(this.publicOnly ? { 'x-styr-public': '1' } : {}),
    };
  }

  async call<N extends UseCaseName>(name: N, input: UseCaseInput<N>): Promise<UseCaseOutput<N>> {
    let res: Response;
    try {
      if (name === 'importDocuments') {
        const { files, dryRun } = input as UseCaseInput<'importDocuments'>;
        const form = new FormData();
        for (const f of files) form.append('files', new File([f.data], f.name));
        res = await fetch(`${this.url}/api/documents${dryRun ? '?dryRun=true' : ''}`, {
          method: 'POST',
          headers: this.headers(),
          body: form,
        });
      } else
        res = await fetch(`${this.url}/api/use-cases/${name}`, {
          method: 'POST',
          headers: { ...this.headers(), 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
    } catch {
      throw new AppError(
        'unavailable',
        'server_unreachable',
        `Datamappen eies av styr serve på ${this.url}, men serveren svarer ikke. Stopp den eller vent til den har startet.`,
      );
    }
    if (!res.ok) throw await problemToError(res);
    return (await res.json()) as UseCaseOutput<N>;
  }

  async close() {}
}

export interface OpenClientOptions {
  target: StoreTarget;
  actor: string;
  publicOnly: boolean;
  clock: Clock;
  command: string;
}

/** Make the data folder and take its lock as a CLI command; a busy folder is an AppError naming the holder. */
async function lockFolder(dataDir: string, command: string) {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dataDir, { recursive: true });
  try {
    return await acquireDataLock(dataDir, { kind: 'cli', command });
  } catch (e) {
    if (e instanceof LockBusyError) throw new AppError('unavailable', 'data_dir_busy', e.message);
    throw e;
  }
}

export async function openClient(o: OpenClientOptions): Promise<RegisterClient> {
  if (o.target.kind !== 'pglite' || !o.target.dataDir) {
    const local = await import('./local-client.js');
    return local.openLocalClient(o, o.target.kind === 'postgres' ? 'PostgreSQL' : 'minnet');
  }
  const lock = await lockFolder(o.target.dataDir, o.command);
  if (!lock.held) return new RemoteClient(lock.server.url, lock.server.token, o.actor, o.publicOnly);
  const local = await import('./local-client.js');
  return local.openLocalClient(o, o.target.dataDir, lock.release);
}

/**
 * The store itself, for commands that are not use cases (accounts): opened under the data folder's
 * lock. A running server owns the folder, so these commands then point to its API instead.
 */
export async function openLockedStore(
  target: StoreTarget,
  command: string,
): Promise<{ store: Db; close: () => Promise<void> }> {
  const { openHeld } = await import('./local-client.js');
  if (target.kind !== 'pglite' || !target.dataDir) return openHeld(target, () => {});
  const lock = await lockFolder(target.dataDir, command);
  if (!lock.held)
    throw new AppError(
      'unavailable',
      'served',
      `Datamappen eies av styr serve på ${lock.server.url}. Bruk API-et (${lock.server.url}/api/docs) eller stopp serveren først.`,
    );
  return openHeld(target, lock.release);
}
