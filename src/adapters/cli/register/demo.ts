/**
 * `npm start` (styr demo): extract the example documents (printing the extraction summary), import them
 * into the demo's own data folder (never the user's register), create one login per role and side,
 * then start the server and print its URL and the logins. `--no-serve` stops after the import.
 * Running it again changes nothing but starting the server.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { parties } from '../../../core/register/ids.js';
import { startServer } from '../../http/serve.js';
import type { StoreTarget } from '../../store/target.js';
import { extractFiles } from '../extract-command.js';
import { renderSummary } from '../summary.js';
import { openClient, openLockedStore } from './client.js';
import { actorFrom, clockFrom, expandPaths, renderImport, renderOverview } from './commands.js';
import { DEMO_PASSWORD, demoLogins, ensureDemoAccounts } from './demo-accounts.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export interface DemoOptions {
  out?: (s: string) => void;
  dataDir?: string;
  examplesDir?: string;
  /** Start the server after the import (default true). */
  serve?: boolean;
  host?: string;
  port?: number;
  /** Resolves when the server should stop (tests); default: SIGINT or SIGTERM. */
  until?: (url: string) => Promise<void>;
}

export const DEMO_DATA_DIR = join('.styr-data', 'demo');

/** Returns the exit code: 0, or 2 when an example could not be read. */
export async function runDemo(opts: DemoOptions = {}): Promise<number> {
  const out = opts.out ?? ((s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`));
  const dir = opts.examplesDir ?? join(projectRoot, 'examples');
  const dataDir = resolve(opts.dataDir ?? join(process.cwd(), DEMO_DATA_DIR));
  const target: StoreTarget = { kind: 'pglite', dataDir };
  const clock = clockFrom();
  const paths = await expandPaths([dir]);
  const { results, failures } = await extractFiles(paths);
  for (const f of failures) process.stderr.write(`styr: ${f.error}\n`);
  out(renderSummary(results));

  const client = await openClient({
    target,
    actor: actorFrom(undefined),
    publicOnly: false,
    clock,
    command: 'demo',
  });
  try {
    const readable = paths.filter((p) => !failures.some((f) => f.file === p));
    const files = await Promise.all(
      readable.map(async (p) => ({ name: basename(p), data: await readFile(p) })),
    );
    const { reports } = await client.call('importDocuments', { files });
    out(renderImport(reports));
    out(`Register: ${client.where}`);
    out(renderOverview(await client.call('overview', {})));
  } finally {
    await client.close();
  }

  const letter = results.find((r) => r.document.type === 'tildelingsbrev') ?? results[0];
  const p = letter ? parties(letter.document) : { ministry: null, agency: null };
  const logins = demoLogins(p.ministry ?? 'Departementet', p.agency ?? 'Virksomheten');
  const owned = await openLockedStore(target, 'demo');
  try {
    await ensureDemoAccounts({ db: owned.store.db, clock }, logins);
  } finally {
    await owned.close();
  }

  if (opts.serve === false) return failures.length > 0 ? 2 : 0;
  // Request logs would bury the logins printed below; the demo logs warnings only.
  const running = await startServer({
    target,
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 8080,
    clock,
    log: pino({ level: 'warn' }),
  });
  out('');
  out(`styr kjører på ${running.url}  (API-referanse: ${running.url}/api/docs)`);
  out(`Demo-innlogging (passord for alle: ${DEMO_PASSWORD}):`);
  for (const l of logins) out(`  ${l.username.padEnd(20)} ${l.about}`);
  out('Stopp med Ctrl+C.');
  await (opts.until?.(running.url) ??
    new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    }));
  await running.close();
  return failures.length > 0 ? 2 : 0;
}
