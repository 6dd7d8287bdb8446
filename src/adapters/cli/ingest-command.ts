/**
 * `styr ingest` and `styr worker`. On PostgreSQL (DATABASE_URL) `ingest` queues documents as pg-boss
 * jobs and any number of `styr worker` processes, on any machine, import them. On the embedded
 * database the queue runs in this process and `ingest` works it to completion. Both print a summary:
 * queued, imported, unchanged, failed (dead letters with their reasons).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../app/errors.js';
import { INGEST_PRINCIPAL, INGEST_QUEUE, type IngestJob } from '../../app/ingest/job.js';
import { syncKudos } from '../../app/ingest/kudos-sync.js';
import { queueFiles } from '../../app/ingest/queue-files.js';
import { workIngest, type WorkSummary } from '../../app/ingest/work.js';
import { systemPrincipal } from '../../app/principal.js';
import { openQueue } from '../jobs/open-queue.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Outcome } from '../jobs/run-jobs.js';
import { KudosClient, type KudosQuery, kudosOptionsFromEnv } from '../kudos/client.js';
import { limitsFromEnv } from '../readers/limits.js';
import type { Db } from '../store/open.js';
import { targetFromEnv } from '../store/target.js';
import type { IngestOutcome } from '../../app/ingest/process-job.js';
import { openLockedStore } from './register/client.js';
import { clockFrom, expandPaths } from './register/commands.js';

export interface IngestCliContext {
  out: (s: string) => void;
  err: (s: string) => void;
  setExitCode: (code: number) => void;
}

interface IngestOpts {
  data?: string;
  list?: string;
  kudos?: boolean;
  type?: string;
  from?: string;
  to?: string;
  ministry?: string;
  concurrency: string;
  work?: boolean;
}

function count(s: string | undefined, what: string, max: number): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!/^\d{1,5}$/.test(s.trim()) || n < 1 || n > max)
    throw new AppError(
      'validation',
      'invalid_number',
      `Ugyldig ${what} «${s}» (et helt tall fra 1 til ${max}).`,
    );
  return n;
}

function year(s: string | undefined, what: string): number | undefined {
  if (s === undefined) return undefined;
  if (!/^(19|20)\d\d$/.test(s.trim()))
    throw new AppError('validation', 'invalid_year', `Ugyldig ${what} «${s}».`);
  return Number(s);
}

async function listedPaths(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('validation', 'list_unreadable', `Kan ikke lese listen ${file}.`);
  });
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function progress(ctx: IngestCliContext) {
  let n = 0;
  return (o: Outcome<IngestOutcome>) => {
    n++;
    if (o.ok) {
      const r = o.result;
      const what = r.outcome === 'unchanged' ? 'uendret' : r.outcome === 'new' ? 'importert' : 'ny versjon';
      ctx.out(`[${n}] ${what}: ${r.label}${r.outcome === 'unchanged' ? '' : ` (${r.assignments} oppdrag)`}`);
    } else ctx.err(`[${n}] feilet (forsøk ${o.job.attempt + 1}): ${o.job.key}: ${o.reason}`);
  };
}

async function printSummary(
  ctx: IngestCliContext,
  queue: JobQueue<IngestJob>,
  w: WorkSummary,
  queued: number | null,
) {
  const dead = await queue.deadLetters();
  const parts = [
    ...(queued === null ? [] : [`${queued} lagt i køen`]),
    `${w.imported} importert (${w.assignments} oppdrag)`,
    `${w.unchanged} uendret`,
    `${dead.length} feilet`,
  ];
  ctx.out(`Oppsummering: ${parts.join(', ')}.`);
  for (const d of dead) ctx.err(`Lagt til side etter ${d.attempts} forsøk: ${d.key}: ${d.reason}`);
  if (dead.length > 0) ctx.setExitCode(2);
}

/** Open the store (under the data folder's lock when embedded) and the queue that goes with it. */
async function openIngest(o: { data?: string }, command: string) {
  const target = targetFromEnv(o.data);
  const held = await openLockedStore(target, command);
  try {
    const queue = await openQueue<IngestJob>(target, INGEST_QUEUE);
    return {
      store: held.store,
      queue,
      embedded: target.kind !== 'postgres',
      close: async () => {
        await queue.close();
        await held.close();
      },
    };
  } catch (e) {
    await held.close();
    throw e;
  }
}

function ingestDeps(store: Db) {
  const kudos = new KudosClient(kudosOptionsFromEnv());
  return {
    store,
    clock: clockFrom(),
    principal: systemPrincipal(INGEST_PRINCIPAL),
    limits: limitsFromEnv(),
    kudos,
  };
}

export function registerIngestCommands(program: Command, ctx: IngestCliContext): void {
  const guard =
    <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await fn(...args);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        ctx.err(`styr: ${e.detail}`);
        ctx.setExitCode(e.exitCode);
      }
    };

  program
    .command('ingest')
    .description(
      'Legg dokumenter i importkøen (filer, mapper, en liste eller et Kudos-søk); på den innebygde databasen importeres de med en gang',
    )
    .argument('[paths...]', 'filer eller mapper')
    .option('--data <mappe>', 'datamappe for den innebygde databasen')
    .option('--list <fil>', 'fil med én sti per linje')
    .option('--kudos', 'hent fra Kudos (STYR_KUDOS_URL), nyeste først, til en side uten nye dokumenter')
    .option('--type <type>', 'Kudos-dokumenttype', 'Tildelingsbrev')
    .option('--from <år>', 'Kudos: fra og med år')
    .option('--to <år>', 'Kudos: til og med år')
    .option('--ministry <navn>', 'Kudos: departement')
    .option('--concurrency <n>', 'samtidige jobber når køen kjøres her', '1')
    .option('--work', 'på PostgreSQL: kjør også køen til den er tom i denne prosessen')
    .action(
      guard(async (paths: string[], o: IngestOpts) => {
        const concurrency = count(o.concurrency, 'antall samtidige jobber', 64) ?? 1;
        const from = year(o.from, 'fra-år');
        const to = year(o.to, 'til-år');
        const query: KudosQuery = {
          ...(o.type ? { type: o.type } : {}),
          ...(o.ministry ? { ministry: o.ministry } : {}),
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
        };
        const files = [...(await expandPaths(paths)), ...(o.list ? await listedPaths(o.list) : [])];
        if (files.length === 0 && !o.kudos)
          throw new AppError(
            'validation',
            'nothing_to_ingest',
            'Ingenting å importere: gi filer, mapper, --list eller --kudos.',
          );
        const s = await openIngest(o, 'ingest');
        try {
          const deps = ingestDeps(s.store);
          let queued = 0;
          if (files.length > 0) {
            const r = await queueFiles(s.store, s.queue, files, (done, total) =>
              ctx.out(`Lest ${done} av ${total} filer`),
            );
            for (const f of r.failures) ctx.err(`styr: ${f.file}: ${f.error}`);
            if (r.failures.length > 0) ctx.setExitCode(2);
            ctx.out(`Filer: ${r.queued} lagt i køen, ${r.known} allerede importert eller i køen.`);
            queued += r.queued;
          }
          if (o.kudos) {
            const r = await syncKudos(deps, s.queue, query, (page, last, n) =>
              ctx.out(`Kudos side ${page} av ${last}: ${n} nye`),
            );
            ctx.out(
              `Kudos: ${r.queued} lagt i køen, ${r.known} kjente, ${r.pages} sider${r.stop === 'known_page' ? ' (stoppet ved en side uten nye dokumenter)' : ''}${r.resumedAt ? ` (fortsatte fra side ${r.resumedAt})` : ''}.`,
            );
            queued += r.queued;
          }
          if (!s.embedded && !o.work) {
            ctx.out(
              `${queued} dokumenter lagt i køen. Start én eller flere «styr worker» for å importere dem.`,
            );
            return;
          }
          const w = await workIngest(
            deps,
            s.queue,
            { concurrency, untilEmpty: true, pollMs: 200 },
            progress(ctx),
          );
          await printSummary(ctx, s.queue, w, queued);
        } finally {
          await s.close();
        }
      }),
    );

  program
    .command('worker')
    .description(
      'Importer dokumenter fra køen i PostgreSQL (DATABASE_URL); flere arbeidere kan kjøre samtidig',
    )
    .option('--concurrency <n>', 'samtidige jobber i denne prosessen', '1')
    .option('--once', 'ta én jobb og avslutt')
    .option('--until-empty', 'avslutt når køen er tom')
    .action(
      guard(async (o: { concurrency: string; once?: boolean; untilEmpty?: boolean }) => {
        const concurrency = count(o.concurrency, 'antall samtidige jobber', 64) ?? 1;
        if (targetFromEnv(undefined).kind !== 'postgres')
          throw new AppError(
            'validation',
            'worker_needs_postgres',
            'styr worker trenger PostgreSQL (DATABASE_URL). På den innebygde databasen importerer «styr ingest» selv.',
          );
        const s = await openIngest({}, 'worker');
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          ctx.out(`Arbeider startet (${concurrency} samtidige jobber).`);
          const w = await workIngest(
            ingestDeps(s.store),
            s.queue,
            {
              concurrency,
              untilEmpty: o.untilEmpty === true || o.once === true,
              ...(o.once ? { maxJobs: 1 } : {}),
              signal: stop.signal,
            },
            progress(ctx),
          );
          await printSummary(ctx, s.queue, w, null);
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await s.close();
        }
      }),
    );
}
