/**
 * `styr serve`: open the register once, own its data folder (lock with address and secret), serve the
 * API, and shut down gracefully: stop accepting, finish in-flight requests, close the database,
 * release the lock.
 */
import type { AddressInfo } from 'node:net';
import { serve as serveNode } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import pino, { type Logger } from 'pino';
import { AppError } from '../../app/errors.js';
import type { Clock } from '../../core/register/viewer.js';
import { acquireDataLock, LockBusyError, rewriteLock } from '../store/data-lock.js';
import { type Db, openDb } from '../store/open.js';
import type { StoreTarget } from '../store/target.js';
import type { HttpEnv } from './env.js';
import { withAccounts } from './accounts.js';
import { defaultWebRoot } from './web-app.js';
import { createHttpApp, type ServerDeps } from './server.js';
import type { OidcConfig } from '../../app/auth/oidc-config.js';

export interface ServeOptions {
  target: StoreTarget;
  host: string;
  port: number;
  clock: Clock;
  log?: Logger;
  /** Extra wiring on the app (accounts, web app), with the opened store. */
  configure?: (store: Db) => Partial<ServerDeps> | Promise<Partial<ServerDeps>>;
  /** OpenID Connect login (from STYR_OIDC_* by `styr serve`). */
  oidc?: OidcConfig;
  /** Mark session cookies Secure even when the request arrived over http (behind a TLS proxy). */
  secureCookies?: boolean;
  /** Milliseconds in-flight requests get to finish on shutdown. */
  drainMs?: number;
  /** The web app's build folder; default web/dist of this installation. */
  webRoot?: string;
}

export interface RunningServer {
  url: string;
  app: OpenAPIHono<HttpEnv>;
  store: Db;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const log = o.log ?? pino();
  let release: (() => void) | undefined;
  let localToken: string | undefined;
  let lockInfo;
  const dataDir = o.target.kind === 'pglite' ? o.target.dataDir : undefined;
  if (dataDir) {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir, { recursive: true });
    try {
      const lock = await acquireDataLock(dataDir, {
        kind: 'server',
        command: 'serve',
        // A CLI command that holds the folder gets time to finish before the server gives up.
        waitMs: 15_000,
      });
      if (!lock.held)
        throw new LockBusyError(lock.holder, `Datamappen ${dataDir} eies allerede av en server.`);
      release = lock.release;
      lockInfo = lock.info;
      localToken = lock.info.token;
    } catch (e) {
      if (e instanceof LockBusyError) throw new AppError('unavailable', 'data_dir_busy', e.message);
      throw e;
    }
  }
  let store: Db;
  try {
    store = await openDb(o.target);
  } catch (e) {
    release?.();
    throw e;
  }
  let accepting = true;
  const extra = {
    ...withAccounts({
      db: store.db,
      clock: o.clock,
      ...(o.oidc ? { oidc: o.oidc } : {}),
      ...(o.secureCookies ? { secureCookies: true } : {}),
    }),
    ...((await o.configure?.(store)) ?? {}),
  };
  const app = createHttpApp({
    store,
    clock: o.clock,
    log,
    ...(localToken ? { localToken } : {}),
    ready: async () => accepting,
    webRoot: o.webRoot ?? defaultWebRoot(),
    ...extra,
  });
  const server = await new Promise<ReturnType<typeof serveNode>>((resolve, reject) => {
    const s = serveNode({ fetch: app.fetch, hostname: o.host, port: o.port }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  if (dataDir && lockInfo) rewriteLock(dataDir, { ...lockInfo, url });
  log.info({ url, register: dataDir ?? o.target.kind }, 'styr serve listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      accepting = false;
      log.info('shutting down: finishing in-flight requests');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          // Idle keep-alive sockets would hold close() open; in-flight ones had their time.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }, o.drainMs ?? 10_000);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      await store.close();
      release?.();
      log.info('stopped');
    })());
  return { url, app, store, close };
}
