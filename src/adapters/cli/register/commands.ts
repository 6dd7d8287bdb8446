/**
 * The register commands of `styr`: import, assignments, show, status, note, owner, frist, deadlines,
 * search, budget, stats, overview, export, restore, report. Readable Norwegian tables by default, `--json` for
 * machines. Every command runs a use case of the application layer (src/app), in process or through
 * the server that owns the data folder.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { UseCaseInput, UseCaseName, UseCaseOutput } from '../../../app/app.js';
import { AppError } from '../../../app/errors.js';
import { STATUSES } from '../../../core/register/status.js';
import type { FileReport } from '../../store/import.js';
import { targetFromEnv } from '../../store/target.js';
import { openClient, type RegisterClient } from './client.js';
import { registerReportCommand } from './report-command.js';
import { exportTableFile, tableName, writeCalendarFile } from './export-table.js';
import {
  ASSIGNMENT_KIND,
  formatAmount,
  formatDate,
  formatShare,
  NOT_IN_CURRENT_VERSION,
  safeOutput,
  statusLabel,
  TYPE_LABEL,
  table,
  titleLabel,
} from './format.js';

export interface CliContext {
  out: (s: string) => void;
  err?: (s: string) => void;
  setExitCode: (code: number) => void;
  /** Use this client instead of opening one from --data/DATABASE_URL (tests); it is not closed. */
  client?: (o: CommonOptions) => Promise<RegisterClient>;
}

export interface CommonOptions {
  data?: string;
  actor?: string;
  public?: boolean;
  json?: boolean;
}

const SUPPORTED = /\.(txt|md|markdown|pdf|docx|html?)$/i;

/** Files as given, folders expanded to the supported files inside them (sorted, not recursive). */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => SUPPORTED.test(n)).sort();
      out.push(...names.map((n) => join(p, n)));
    } else out.push(p);
  }
  return out;
}

export function actorFrom(opt: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (opt?.trim()) return opt.trim();
  if (env.STYR_ACTOR?.trim()) return env.STYR_ACTOR.trim();
  try {
    return userInfo().username || 'ukjent';
  } catch {
    return env.USER ?? 'ukjent';
  }
}

/** STYR_NOW pins "today" (tests, demos of overdue deadlines); otherwise the real clock. */
export function clockFrom(env: NodeJS.ProcessEnv = process.env): () => Date {
  const fixed = env.STYR_NOW ? new Date(env.STYR_NOW) : null;
  return fixed && !Number.isNaN(fixed.getTime()) ? () => fixed : () => new Date();
}

async function connect(o: CommonOptions, command: string): Promise<RegisterClient> {
  const target = targetFromEnv(o.data);
  return openClient({
    target,
    actor: actorFrom(o.actor),
    publicOnly: o.public === true,
    clock: clockFrom(),
    command,
  }).catch((e: unknown) => {
    // `--data` naming a file or a folder without write access fails in mkdir with Node's English text.
    if (
      e instanceof AppError ||
      target.kind !== 'pglite' ||
      typeof (e as { code?: unknown } | null)?.code !== 'string'
    )
      throw e;
    throw new AppError(
      'unavailable',
      'data_dir',
      `Kan ikke bruke datamappen ${target.dataDir ?? ''}: ${fileProblem(e)}.`,
    );
  });
}

export function common(cmd: Command): Command {
  return cmd
    .option(
      '--data <mappe>',
      'datamappe for den innebygde databasen (ellers STYR_DATA eller ~/.local/share/styr)',
    )
    .option('--actor <navn>', 'hvem som gjør endringen (ellers STYR_ACTOR eller brukernavnet)')
    .option('--public', 'vis bare det som er offentlig (skjuler oppdrag unntatt offentlighet)')
    .option('--json', 'skriv ut JSON');
}

function filterOptions(cmd: Command): Command {
  return cmd
    .option('--year <år>', 'år (brevets år)')
    .option('--agency <navn>', 'virksomhet')
    .option('--department <kode>', 'avdeling i departementet (FHA, KTA, SHA …)')
    .option('--status <status>', `status (${STATUSES.join(', ')}, forfalt, «snart forfall»)`)
    .option('--section <nr>', 'kapittel/seksjon i brevet, f.eks. 3 eller 3.2')
    .option('--has-deadline', 'bare oppdrag med konkret frist')
    .option('--no-deadline', 'bare oppdrag uten frist');
}

interface FilterOpts {
  year?: string;
  agency?: string;
  department?: string;
  status?: string;
  section?: string;
  hasDeadline?: boolean;
  deadline?: boolean;
}

/** CLI filter options as the use cases' filter input; the schemas validate year and status. */
function toFilter(o: FilterOpts): UseCaseInput<'listAssignments'> {
  return {
    ...(o.year !== undefined ? { year: o.year } : {}),
    ...(o.agency ? { agency: o.agency } : {}),
    ...(o.department ? { department: o.department } : {}),
    ...(o.status ? { status: o.status as never } : {}),
    ...(o.section ? { section: o.section } : {}),
    ...(o.hasDeadline ? { hasDeadline: true } : {}),
    ...(o.deadline === false ? { hasDeadline: false } : {}),
  };
}

/** `30d`, `2w`, `30` → days; at most ten years, beyond which the date arithmetic overflows. */
function parseWithin(s: string): number {
  const m = /^(\d{1,6})\s*([dw]?)$/i.exec(s.trim());
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!(days <= 3660))
    throw new AppError(
      'validation',
      'invalid_within',
      `Ugyldig periode «${s}». Bruk f.eks. 30d eller 2w (høyst ti år).`,
    );
  return days;
}

function parseCount(s: string, what: string, max: number): number {
  const n = Number(s);
  if (!/^\d{1,7}$/.test(s.trim()) || !Number.isInteger(n) || n < 1 || n > max)
    throw new AppError(
      'validation',
      'invalid_limit',
      `Ugyldig ${what} «${s}». Bruk et helt tall fra 1 til ${max}.`,
    );
  return n;
}

/** A file system error in words a user can act on; Node's own messages are English and technical. */
export function fileProblem(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'filen eller mappen finnes ikke';
  if (code === 'EACCES' || code === 'EPERM') return 'ingen tilgang';
  if (code === 'EISDIR') return 'det er en mappe, ikke en fil';
  if (code === 'ENOTDIR') return 'en del av stien er ikke en mappe';
  if (code === 'EEXIST') return 'det finnes allerede en fil med det navnet';
  return e instanceof Error ? e.message : String(e);
}

const OUTCOME: Record<FileReport['outcome'], string> = {
  new: 'nytt dokument',
  new_version: 'ny versjon',
  unchanged: 'uendret (allerede importert)',
};
const RECORD_LABEL: Record<string, string> = {
  sections: 'Seksjoner',
  goals: 'Mål',
  assignments: 'Oppdrag',
  budgetLines: 'Budsjettlinjer',
  authorisations: 'Fullmakter',
  calendar: 'Kalender',
};

export function renderImport(reports: readonly FileReport[]): string {
  const parts: string[] = [];
  for (const r of reports) {
    const head = `${r.file}: ${OUTCOME[r.outcome]} – ${TYPE_LABEL[r.type] ?? r.type} ${r.year ?? ''}${
      r.version > 1 ? ` (versjon ${r.version})` : ''
    }`;
    const rows = Object.entries(r.counts).map(([k, c]) => [
      RECORD_LABEL[k] ?? k,
      c.new,
      c.changed,
      c.unchanged,
      c.removed,
    ]);
    parts.push(head, table(['Type', 'Nye', 'Endret', 'Uendret', 'Fjernet'], rows));
    if (r.coverage) parts.push(r.coverage);
    if (r.lineage.linked + r.lineage.merged > 0)
      parts.push(
        `Oppdrag koblet til tidligere dokumenter: ${r.lineage.linked}; slått sammen: ${r.lineage.merged}`,
      );
    if (r.dropped.length > 0) {
      parts.push(`Ikke lenger med i denne versjonen (beholdt som «${NOT_IN_CURRENT_VERSION}»):`);
      for (const d of r.dropped) parts.push(`  ${d.printedId} ${d.title}`);
    }
    if (r.warnings.length > 0) {
      parts.push(`Varsler (${r.warnings.length}):`);
      for (const w of r.warnings.slice(0, 25))
        parts.push(`  linje ${w.line ?? '–'}: ${w.message} [${w.code}]`);
      if (r.warnings.length > 25) parts.push(`  … og ${r.warnings.length - 25} til (bruk --json for alle)`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** Files as upload items for the import use case; unreadable paths are reported, not thrown one by one. */
async function readUploads(files: readonly string[]) {
  const uploads: { name: string; data: Uint8Array }[] = [];
  const failures: string[] = [];
  for (const file of files) {
    try {
      uploads.push({ name: basename(file), data: await readFile(file) });
    } catch (e) {
      failures.push(`${file}: ${fileProblem(e)}.`);
    }
  }
  return { uploads, failures };
}

/** Every page of a paged use case, for `--all`. */
async function allPages(client: RegisterClient, input: UseCaseInput<'listAssignments'>) {
  const items: UseCaseOutput<'listAssignments'>['items'] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await client.call('listAssignments', {
      ...input,
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    if (!page.nextCursor) return { items, total: page.total };
    cursor = page.nextCursor;
  }
}

export function registerRegisterCommands(program: Command, cli: CliContext): void {
  // Everything printed may carry user text (notes, owners, titles): control characters are neutralised.
  const ctx: CliContext = { ...cli, out: safeOutput(cli.out) };
  const err = safeOutput(cli.err ?? ((s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`)));
  const json = (v: unknown) => ctx.out(JSON.stringify(v, null, 2));

  /** Connect, run, close; an AppError becomes its Norwegian detail and its exit code. */
  const run =
    <A extends unknown[]>(command: string, fn: (client: RegisterClient, ...args: A) => Promise<void>) =>
    async (...args: A) => {
      const opts = args.find((a, i) => i === args.length - 2 && typeof a === 'object' && a !== null) as
        CommonOptions | undefined;
      let client: RegisterClient | undefined;
      try {
        if (ctx.client) await fn(await ctx.client(opts ?? {}), ...args);
        else {
          client = await connect(opts ?? {}, command);
          await fn(client, ...args);
        }
      } catch (e) {
        if (e instanceof AppError) {
          err(`styr: ${e.detail}`);
          ctx.setExitCode(e.exitCode);
        } else throw e;
      } finally {
        await client?.close();
      }
    };

  const call = <N extends UseCaseName>(client: RegisterClient, name: N, input: UseCaseInput<N>) =>
    client.call(name, input);

  common(program.command('import'))
    .description('Importer dokumenter (filer eller mapper) i registeret, alt i én transaksjon')
    .argument('<paths...>', 'filer eller mapper')
    .option('--dry-run', 'vis hva som ville blitt importert, uten å lagre')
    .action(
      run('import', async (client, paths: string[], o: CommonOptions & { dryRun?: boolean }) => {
        const files = await expandPaths(paths);
        if (files.length === 0) {
          err(`styr: fant ingen dokumenter (.txt, .md, .pdf, .docx, .html) i ${paths.join(', ')}.`);
          ctx.setExitCode(2);
          return;
        }
        const { uploads, failures } = await readUploads(files);
        if (failures.length > 0) {
          for (const f of failures) err(`styr: ${f}`);
          err('styr: ingenting ble importert (rett eller fjern filene over og prøv igjen).');
          ctx.setExitCode(2);
          return;
        }
        const r = await call(client, 'importDocuments', { files: uploads, dryRun: o.dryRun === true });
        // Reports name the files as the user gave them, not their base names.
        const reports = r.reports.map((rep, i) => ({ ...rep, file: files[i] ?? rep.file }));
        if (o.json) return json(o.dryRun ? r.previews : reports);
        if (o.dryRun)
          for (const p of r.previews)
            ctx.out(
              `${p.file}: ${TYPE_LABEL[p.type] ?? p.type} ${p.year ?? ''} – ${p.counts.assignments} oppdrag, ${p.counts.budgetLines} budsjettlinjer, ${p.warnings.length} varsler (ikke lagret)`,
            );
        else ctx.out(renderImport(reports));
      }),
    );

  filterOptions(common(program.command('assignments')))
    .description('List oppdrag i registeret (50 om gangen; --all for alle)')
    .option('--limit <n>', 'antall per side', '50')
    .option('--all', 'alle oppdragene, ikke bare første side')
    .option('--sort <felt>', 'sorter etter id, deadline, status, year eller title', 'id')
    .action(
      run(
        'assignments',
        async (client, o: CommonOptions & FilterOpts & { limit: string; all?: boolean; sort: string }) => {
          const input = { ...toFilter(o), sort: o.sort as never };
          const page = o.all
            ? await allPages(client, input)
            : await call(client, 'listAssignments', { ...input, limit: parseCount(o.limit, 'antall', 1000) });
          if (o.json) return json(page.items);
          ctx.out(
            table(
              ['ID', 'Tittel', 'Avd.', 'År', 'Type', 'Status', 'Neste frist'],
              page.items.map((a) => [
                a.ids.join(' / ') || a.ref,
                a.title,
                a.departments.join(', '),
                a.year ?? '–',
                ASSIGNMENT_KIND[a.kind] ?? a.kind,
                statusLabel(a.status, a.derived, a.inCurrentVersion),
                formatDate(a.nextDeadline),
              ]),
              { widths: [16, 50, 8, 6, 12, 14, 20] },
            ),
          );
          ctx.out(
            page.items.length < page.total
              ? `${page.items.length} av ${page.total} oppdrag (bruk --all for alle, eller --limit)`
              : `${page.total} oppdrag`,
          );
        },
      ),
    );

  common(program.command('show'))
    .description('Vis et oppdrag med full tekst, frister og hele tidslinjen på tvers av dokumenter')
    .argument('<id>', 'en av oppdragets ID-er, f.eks. TB2024-07')
    .action(
      run('show', async (client, id: string, o: CommonOptions) => {
        const a = await call(client, 'showAssignment', { id });
        if (o.json) return json(a);
        ctx.out(`${a.ids.join(' / ') || a.ref}  ${a.title}`);
        ctx.out(
          `Status: ${statusLabel(a.status, a.derived, a.inCurrentVersion)} (satt ${formatDate(a.statusChangedAt)} av ${a.statusChangedBy})`,
        );
        if (a.departments.length > 0) ctx.out(`Avdeling: ${a.departments.join(', ')}`);
        if (a.owners.length > 0) ctx.out(`Ansvarlig: ${a.owners.join(', ')}`);
        if (a.confidential) ctx.out('Unntatt offentlighet');
        for (const d of a.deadlines.filter((x) => x.part === null))
          ctx.out(`Frist: ${d.date ? formatDate(d.date) : d.text}`);
        if (a.body.trim() !== '') {
          ctx.out('');
          ctx.out(a.body);
        }
        const partDeadlines = a.deadlines.filter((x) => x.part !== null);
        if (a.parts.length > 0 || partDeadlines.length > 0) {
          ctx.out('');
          ctx.out('Deloppgaver:');
          const labels = [
            ...new Set([...a.parts.map((p) => p.label), ...partDeadlines.map((d) => d.part ?? '')]),
          ];
          for (const label of labels) {
            const text = a.parts.find((p) => p.label === label)?.text ?? '';
            const due = partDeadlines
              .filter((d) => d.part === label)
              .map((d) => (d.date ? formatDate(d.date) : d.text))
              .join(', ');
            ctx.out(`  ${label}) ${text}${due ? ` – gjeldende frist ${due}` : ''}`.trimEnd());
          }
        }
        ctx.out('');
        ctx.out(
          table(
            ['Dato', 'Dokument', 'Hendelse', 'Av'],
            a.timeline.map((e) => [
              // An undated letter is placed at the start of its year for sorting; show only the year.
              e.document && e.document.date === null && e.at.length === 10
                ? `${e.document.year ?? ''} (udatert)`
                : formatDate(e.at),
              e.document
                ? (e.document.title ?? `${TYPE_LABEL[e.document.type] ?? ''} ${e.document.year ?? ''}`)
                : '–',
              e.text,
              e.actor ?? '',
            ]),
            { widths: [26, 28, 60, 12] },
          ),
        );
      }),
    );

  common(program.command('status'))
    .description(`Endre status (${STATUSES.join(', ')}); begrunnelse kreves`)
    .argument('<id>', 'oppdragets ID, f.eks. TB2024-07')
    .argument('<status>', 'ny status')
    .requiredOption('--note <tekst>', 'hvorfor')
    .option('--answer <tekst>', 'virksomhetens svar (ved levert)')
    .action(
      run(
        'status',
        async (client, id: string, status: string, o: CommonOptions & { note: string; answer?: string }) => {
          const r = await call(client, 'changeStatus', {
            id,
            status: status as never,
            reason: o.note,
            ...(o.answer ? { answer: o.answer } : {}),
          });
          if (o.json) return json(r);
          ctx.out(`${id}: ${r.from} → ${r.to}`);
        },
      ),
    );

  common(program.command('note'))
    .description('Legg til et notat (eller et svar med --answer) på et oppdrag')
    .argument('<id>', 'oppdragets ID, f.eks. TB2024-07')
    .argument('<tekst>', 'notatet (i anførselstegn)')
    .option('--answer', 'registrer som svar fra virksomheten')
    .action(
      run('note', async (client, id: string, text: string, o: CommonOptions & { answer?: boolean }) => {
        await call(client, 'addNote', { id, text, kind: o.answer ? 'answer' : 'note' });
        ctx.out(`${id}: ${o.answer ? 'svar' : 'notat'} lagret`);
      }),
    );

  common(program.command('owner'))
    .description('Sett en ansvarlig person på et oppdrag')
    .argument('<id>', 'oppdragets ID, f.eks. TB2024-07')
    .argument('<person>', 'navnet på den ansvarlige')
    .action(
      run('owner', async (client, id: string, person: string) => {
        await call(client, 'setOwner', { id, person });
        ctx.out(`${id}: ansvarlig ${person}`);
      }),
    );

  common(program.command('frist'))
    .description('Endre fristen for et oppdrag (f.eks. etter etatsstyringsmøte); begrunnelse kreves')
    .argument('<id>', 'oppdragets ID, f.eks. TB2024-07')
    .argument('<dato>', 'ny frist, ÅÅÅÅ-MM-DD')
    .requiredOption('--note <tekst>', 'hvorfor')
    .action(
      run('frist', async (client, id: string, date: string, o: CommonOptions & { note: string }) => {
        await call(client, 'changeDeadline', { id, date, reason: o.note });
        ctx.out(`${id}: ny frist ${formatDate(date)}`);
      }),
    );

  filterOptions(common(program.command('deadlines')))
    .description('Frister de neste dagene, eller oppdrag som har forfalt')
    .option('--within <periode>', 'periode, f.eks. 30d eller 2w', '30d')
    .option('--overdue', 'bare forfalte oppdrag')
    .action(
      run(
        'deadlines',
        async (client, o: CommonOptions & FilterOpts & { within: string; overdue?: boolean }) => {
          const rows = await call(client, 'deadlines', {
            ...toFilter(o),
            withinDays: parseWithin(o.within),
            overdue: o.overdue === true,
          });
          if (o.json) return json(rows);
          ctx.out(
            table(
              ['Frist', 'ID', 'Tittel', 'Avd.', 'Status'],
              rows.map((r) => [
                formatDate(r.date),
                r.assignment.ids.join(' / ') || r.assignment.ref,
                r.assignment.title,
                r.assignment.departments.join(', '),
                statusLabel(r.assignment.status, r.assignment.derived, r.assignment.inCurrentVersion),
              ]),
              { widths: [20, 16, 56, 8, 22] },
            ),
          );
          ctx.out(`${rows.length} frister`);
        },
      ),
    );

  filterOptions(common(program.command('search')))
    .description('Fulltekstsøk i oppdrag, mål og budsjettkommentarer')
    .argument('<query...>', 'søkeord')
    .option('--limit <n>', 'antall treff', '20')
    .action(
      run('search', async (client, words: string[], o: CommonOptions & FilterOpts & { limit: string }) => {
        const hits = await call(client, 'search', {
          ...toFilter(o),
          q: words.join(' '),
          limit: parseCount(o.limit, 'antall treff', 200),
        });
        if (o.json) return json(hits);
        const KIND: Record<string, string> = { assignment: 'Oppdrag', goal: 'Mål', budget: 'Budsjett' };
        ctx.out(
          table(
            ['Treff', 'Dokument', 'Tittel', 'Utdrag'],
            hits.map((h) => [
              `${KIND[h.kind] ?? h.kind} ${h.ref}`,
              `${TYPE_LABEL[h.document.type] ?? h.document.type} ${h.document.year ?? ''}`,
              titleLabel(h.title, h.inCurrentVersion),
              h.snippet.replace(/\s+/g, ' '),
            ]),
            { widths: [18, 20, 36, 60] },
          ),
        );
        ctx.out(`${hits.length} treff`);
      }),
    );

  common(program.command('budget'))
    .description('Budsjett per kapittel/post, år for år på tvers av importerte brev')
    .option('--year <år>', 'vis dette året (og året før)')
    .option('--chapter <kap>', 'bare dette kapitlet')
    .action(
      run('budget', async (client, o: CommonOptions & { year?: string; chapter?: string }) => {
        const b = await call(client, 'budget', {
          ...(o.year !== undefined ? { year: o.year } : {}),
          ...(o.chapter ? { chapter: o.chapter } : {}),
        });
        if (o.json) return json(b);
        const rows = b.rows.map((r) => {
          const vals = b.years.map((y) => r.byYear[String(y)] ?? null);
          const last = vals[vals.length - 1];
          const prev = vals[vals.length - 2];
          const change = last != null && prev != null ? formatAmount(last - prev) : '–';
          return [`${r.chapter} ${r.post}`, r.name, ...vals.map((v) => formatAmount(v)), change];
        });
        ctx.out(table(['Kap. post', 'Navn', ...b.years.map(String), 'Endring'], rows));
        ctx.out('Beløp i kroner.');
      }),
    );

  common(program.command('stats'))
    .description('Styringsbelastning per brev: mål, kriterier, parametere, nøkkeltall, oppdrag og frister')
    .action(
      run('stats', async (client, o: CommonOptions) => {
        const st = await call(client, 'stats', {});
        if (o.json) return json(st);
        ctx.out(
          table(
            [
              'Dokument',
              'Mål',
              'Krit.',
              'Param.',
              'Nøkkelt.',
              'Nye',
              'Videref.',
              'Tillegg',
              'Med frist',
              'Per avdeling',
            ],
            st.map((s) => [
              s.label,
              s.goals,
              s.criteria,
              s.steeringParameters,
              s.keyFigures,
              s.assignmentsNew,
              s.assignmentsCarriedOver,
              s.assignmentsSupplement,
              formatShare(s.shareWithDeadline),
              Object.entries(s.perDepartment)
                .sort()
                .map(([k, v]) => `${k} ${v}`)
                .join(', '),
            ]),
          ),
        );
      }),
    );

  common(program.command('overview'))
    .description('Oversikt over registeret')
    .action(
      run('overview', async (client, o: CommonOptions) => {
        const ov = await call(client, 'overview', {});
        if (o.json) return json(ov);
        ctx.out(renderOverview(ov));
      }),
    );

  filterOptions(common(program.command('export')))
    .description(
      'Eksporter: hele registeret som JSON (standard, for restore), eller oppdrag, budsjett eller nøkkeltall som XLSX/CSV',
    )
    .argument('[format]', 'json (hele registeret), xlsx eller csv', 'json')
    .argument('[tabell]', 'for xlsx/csv: oppdrag (standard), budsjett eller nøkkeltall')
    .option('--out <fil>', 'skriv til fil (json: ellers standard ut; xlsx/csv: ellers <tabell>.xlsx/.csv)')
    .option('--chapter <kap>', 'budsjett: bare dette kapitlet')
    .option('--owner <navn>', 'oppdrag: bare med denne ansvarlige')
    .option('--text <tekst>', 'oppdrag: tekst i tittel eller ID')
    .option('--sort <felt>', 'oppdrag: sorter etter id, deadline, status, year eller title', 'id')
    .action(
      run(
        'export',
        async (
          client,
          format: string,
          tableArg: string | undefined,
          o: CommonOptions &
            FilterOpts & { out?: string; chapter?: string; owner?: string; text?: string; sort: string },
        ) => {
          if (format === 'xlsx' || format === 'csv') {
            const r = await exportTableFile(
              client,
              format,
              {
                ...toFilter(o),
                table: tableName(tableArg),
                sort: o.sort as never,
                ...(o.chapter ? { chapter: o.chapter } : {}),
                ...(o.owner ? { owner: o.owner } : {}),
                ...(o.text ? { text: o.text } : {}),
              },
              { ...(o.out ? { out: o.out } : {}), progress: err, now: clockFrom()() },
            );
            ctx.out(`Eksportert ${r.rows} rader til ${r.path}`);
            return;
          }
          if (format !== 'json')
            throw new AppError(
              'validation',
              'unknown_format',
              `Ukjent format «${format}». Bruk json, xlsx eller csv.`,
            );
          const data = JSON.stringify(await call(client, 'exportRegister', { public: o.public === true }));
          if (o.out) {
            await writeFile(o.out, data).catch((e: unknown) => {
              throw new AppError(
                'validation',
                'export_write',
                `Kan ikke skrive ${o.out}: ${fileProblem(e)}.`,
              );
            });
            ctx.out(`Eksportert til ${o.out}`);
          } else ctx.out(data);
        },
      ),
    );

  common(program.command('calendar'))
    .description('Skriv frister og styringskalender som iCalendar-fil (.ics) med påminnelser')
    .option('--out <fil>', 'filen som skrives', 'frister.ics')
    .option('--year <år>', 'bare dette året')
    .option('--base-url <adresse>', 'webappens adresse for lenker (ellers STYR_PUBLIC_URL)')
    .action(
      run('calendar', async (client, o: CommonOptions & { out: string; year?: string; baseUrl?: string }) => {
        const r = await writeCalendarFile(client, {
          out: o.out,
          ...(o.year !== undefined ? { year: o.year } : {}),
          ...((o.baseUrl ?? process.env.STYR_PUBLIC_URL)
            ? { baseUrl: o.baseUrl ?? process.env.STYR_PUBLIC_URL }
            : {}),
          progress: err,
          now: clockFrom()(),
        });
        if (o.json) return json(r);
        ctx.out(`Skrev ${r.events} hendelser til ${r.path}`);
      }),
    );

  common(program.command('restore'))
    .description('Gjenopprett en eksport i et tomt register')
    .argument('<fil>', 'en fil laget med styr export --out')
    .action(
      run('restore', async (client, file: string, o: CommonOptions) => {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (e) {
          throw new AppError('validation', 'invalid_export', `Kan ikke lese ${file}: ${fileProblem(e)}.`);
        }
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          throw new AppError(
            'validation',
            'invalid_export',
            `${file} er ikke gyldig JSON (avkuttet eller redigert?). Ingenting ble gjenopprettet.`,
          );
        }
        const counts = await call(client, 'restoreRegister', { data, file });
        if (o.json) return json(counts);
        ctx.out(
          `Gjenopprettet: ${counts.document ?? 0} dokumenter, ${counts.assignment ?? 0} oppdrag, ${counts.audit_log ?? 0} loggføringer`,
        );
      }),
    );

  common(program.command('documents'))
    .description('List dokumentene i registeret med versjoner')
    .action(
      run('documents', async (client, o: CommonOptions) => {
        const docs = await call(client, 'listDocuments', {});
        if (o.json) return json(docs);
        ctx.out(
          table(
            ['Nr.', 'Dokument', 'År', 'Versjoner', 'Importert av', 'Varsler'],
            docs.map((d) => {
              const cur = d.versions.find((v) => v.version === d.currentVersion);
              return [
                d.id,
                d.label,
                d.year ?? '–',
                d.versions.map((v) => `${v.version}${v.version === d.currentVersion ? '*' : ''}`).join(', '),
                cur ? `${cur.importedBy} ${formatDate(cur.importedAt)}` : '–',
                cur?.warnings ?? 0,
              ];
            }),
          ),
        );
      }),
    );

  common(program.command('remove-version'))
    .description('Fjern en feilimportert dokumentversjon (administrator); importer filen igjen for å angre')
    .argument('<dokument>', 'dokumentnummeret fra styr documents')
    .argument('<versjon>', 'versjonsnummeret')
    .requiredOption('--note <tekst>', 'hvorfor')
    .action(
      run(
        'remove-version',
        async (client, doc: string, version: string, o: CommonOptions & { note: string }) => {
          const r = await call(client, 'removeDocumentVersion', {
            id: doc,
            version,
            reason: o.note,
          } as never);
          if (o.json) return json(r);
          ctx.out(
            r.currentVersion === null
              ? `Dokument ${doc} versjon ${version} fjernet; dokumentet hadde ingen andre versjoner.`
              : `Dokument ${doc} versjon ${version} fjernet; gjeldende versjon er nå ${r.currentVersion}.`,
          );
        },
      ),
    );

  registerReportCommand(program, { run, out: ctx.out, err });

  const auditCmd = program.command('audit').description('Revisjonsloggen');
  common(auditCmd.command('verify'))
    .description('Kontroller at revisjonsloggens hashkjede er hel')
    .action(
      run('audit verify', async (client, o: CommonOptions) => {
        const r = await call(client, 'verifyAudit', {});
        if (o.json) return json(r);
        if (r.ok) ctx.out(`Revisjonsloggen er hel: ${r.entries} poster, siste hash ${r.lastHash ?? '–'}`);
        else {
          err(`styr: revisjonsloggen er brutt: ${r.reason ?? ''}`);
          ctx.setExitCode(8);
        }
      }),
    );
  common(auditCmd.command('log'))
    .description('Vis de siste postene i revisjonsloggen')
    .option('--limit <n>', 'antall poster', '50')
    .action(
      run('audit log', async (client, o: CommonOptions & { limit: string }) => {
        const r = await call(client, 'auditLog', { limit: parseCount(o.limit, 'antall', 1000) });
        if (o.json) return json(r.items);
        ctx.out(
          table(
            ['Tid', 'Hvem', 'Handling', 'Gjelder'],
            r.items.map((e) => [formatDate(e.at), e.actor, e.action, `${e.entity} ${e.entityRef ?? ''}`]),
          ),
        );
      }),
    );
}

export function renderOverview(ov: UseCaseOutput<'overview'>): string {
  const parts: string[] = [];
  parts.push(
    table(
      ['Dokument', 'Type', 'År', 'Versjon', 'Oppdrag'],
      ov.documents.map((d) => [
        d.label,
        TYPE_LABEL[d.type] ?? d.type,
        d.year ?? '–',
        d.version,
        d.assignments,
      ]),
    ),
  );
  const statuses = Object.entries(ov.byStatus)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  parts.push(`${ov.assignments} oppdrag i registeret${statuses ? ` (${statuses})` : ''}`);
  parts.push(`Forfalt: ${ov.overdue}  Snart forfall: ${ov.dueSoon}`);
  if (ov.notInCurrentVersion > 0) parts.push(`Ikke i gjeldende versjon: ${ov.notInCurrentVersion} oppdrag`);
  if (ov.upcoming.length > 0) {
    parts.push('Kommende frister (30 dager):');
    parts.push(
      table(
        ['Frist', 'ID', 'Tittel'],
        ov.upcoming.map((r) => [
          formatDate(r.date),
          r.assignment.ids.join(' / ') || r.assignment.ref,
          titleLabel(r.assignment.title, r.assignment.inCurrentVersion),
        ]),
        { widths: [20, 16, 70] },
      ),
    );
  }
  return parts.join('\n');
}
