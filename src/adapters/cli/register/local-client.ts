/**
 * The in-process side of a CLI command: it opens the database itself (holding the data folder's lock,
 * when there is one) and runs the use cases here. Loaded only by commands that do not go to a server.
 */
import { type UseCaseInput, type UseCaseName, type UseCaseOutput, runUseCase } from '../../../app/app.js';
import { localPrincipal, type Principal } from '../../../app/principal.js';
import type { Clock } from '../../../core/register/viewer.js';
import { type Db, openDb } from '../../store/open.js';
import type { StoreTarget } from '../../store/target.js';
import type { OpenClientOptions, RegisterClient } from './client.js';

export class LocalClient implements RegisterClient {
  constructor(
    readonly store: Db,
    readonly principal: Principal,
    readonly clock: Clock,
    readonly where: string,
    private readonly onClose: () => Promise<void> = () => store.close(),
  ) {}

  call<N extends UseCaseName>(name: N, input: UseCaseInput<N>): Promise<UseCaseOutput<N>> {
    return runUseCase({ store: this.store, clock: this.clock }, this.principal, name, input);
  }
  close() {
    return this.onClose();
  }
}

/** Open the store while holding the lock; the returned close releases it. */
export async function openHeld(
  target: StoreTarget,
  release: () => void,
): Promise<{ store: Db; close: () => Promise<void> }> {
  try {
    const store = await openDb(target);
    return {
      store,
      close: async () => {
        try {
          await store.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** A client that runs use cases in this process; `release` gives the data folder's lock back on close. */
export async function openLocalClient(
  o: OpenClientOptions,
  where: string,
  release: () => void = () => {},
): Promise<LocalClient> {
  const held = await openHeld(o.target, release);
  const principal = localPrincipal(o.actor, { public: o.publicOnly });
  return new LocalClient(held.store, principal, o.clock, where, held.close);
}
