/**
 * The register commands of `styr`: import, assignments, show, status, note, owner, frist, deadlines,
 * search, budget, stats, overview, export, restore. Readable Norwegian tables by default, `--json` for
 * machines. All of them call the Register services, as the API will.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { isStatus, STATUSES } from '../../../core/register/status.js';
import { INTERNAL_VIEWER, PUBLIC_VIEWER } from '../../../core/register/viewer.js';
import { type AssignmentFilter, DERIVED } from '../../store/assignments-query.js';
import { RegisterError } from '../../store/edits.js';
import type { FileReport } from '../../store/import.js';
import { targetFromEnv } from '../../store/open.js';
import { Register } from '../../store/register.js';
import { extractFiles } from '../extract-command.js';
import {
  ASSIGNMENT_KIND,
  formatAmount,
  formatDate,
  formatShare,
  statusLabel,
  TYPE_LABEL,
  table,
} from './format.js';

export interface CliContext {
  out: (s: string) => void;
  err?: (s: string) => void;
  setExitCode: (code: number) => void;
  /** Use this register instead of opening one from --data/DATABASE_URL (tests); it is not closed. */
  register?: (o: CommonOptions) => Promise<Register>;
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

async function openRegister(o: CommonOptions): Promise<Register> {
  const target = targetFromEnv(o.data);
  return Register.open(target, {
    actor: actorFrom(o.actor),
    clock: clockFrom(),
    viewer: o.public ? PUBLIC_VIEWER : INTERNAL_VIEWER,
  }).catch((e: unknown) => {
    // `--data` naming a file or a folder without write access fails in mkdir with Node's English text.
    if (target.kind !== 'pglite' || typeof (e as { code?: unknown } | null)?.code !== 'string') throw e;
    throw new RegisterError(
      'data_dir',
      `Kan ikke bruke datamappen ${target.dataDir ?? ''}: ${fileProblem(e)}.`,
    );
  });
}

function common(cmd: Command): Command {
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

function parseYear(s: string): number {
  const y = Number(s);
  if (!/^\d{4}$/.test(s.trim()) || !Number.isInteger(y))
    throw new RegisterError('invalid_year', `Ugyldig år «${s}». Bruk fire sifre, f.eks. 2025.`);
  return y;
}

function toFilter(o: FilterOpts): AssignmentFilter {
  const f: AssignmentFilter = {};
  if (o.year !== undefined) f.year = parseYear(o.year);
  if (o.agency) f.agency = o.agency;
  if (o.department) f.department = o.department;
  if (o.status) {
    // A misspelt status would otherwise match nothing and look like an empty register.
    if (!isStatus(o.status) && !DERIVED.includes(o.status))
      throw new RegisterError(
        'unknown_status',
        `Ukjent status «${o.status}». Gyldige: ${[...STATUSES, ...DERIVED].join(', ')}.`,
      );
    f.status = o.status;
  }
  if (o.section) f.section = o.section;
  if (o.hasDeadline) f.hasDeadline = true;
  if (o.deadline === false) f.hasDeadline = false;
  return f;
}

/** `30d`, `2w`, `30` → days; at most ten years, beyond which the date arithmetic overflows. */
function parseWithin(s: string): number {
  const m = /^(\d{1,6})\s*([dw]?)$/i.exec(s.trim());
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!(days <= 3660))
    throw new RegisterError(
      'invalid_within',
      `Ugyldig periode «${s}». Bruk f.eks. 30d eller 2w (høyst ti år).`,
    );
  return days;
}

function parseLimit(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1)
    throw new RegisterError('invalid_limit', `Ugyldig antall treff «${s}». Bruk et helt tall, f.eks. 20.`);
  return n;
}

/** A file system error in words a user can act on; Node's own messages are English and technical. */
function fileProblem(e: unknown): string {
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
    if (r.lineage.linked + r.lineage.merged > 0)
      parts.push(
        `Oppdrag koblet til tidligere dokumenter: ${r.lineage.linked}; slått sammen: ${r.lineage.merged}`,
      );
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

export function registerRegisterCommands(program: Command, ctx: CliContext): void {
  const err = ctx.err ?? ((s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`));
  const json = (v: unknown) => ctx.out(JSON.stringify(v, null, 2));

  /** Open, run, close; a RegisterError becomes a Norwegian message and exit code 1. */
  const run =
    <A extends unknown[]>(fn: (reg: Register, ...args: A) => Promise<void>) =>
    async (...args: A) => {
      const opts = args.find((a, i) => i === args.length - 2 && typeof a === 'object' && a !== null) as
        CommonOptions | undefined;
      let reg: Register | undefined;
      try {
        if (ctx.register) await fn(await ctx.register(opts ?? {}), ...args);
        else {
          reg = await openRegister(opts ?? {});
          await fn(reg, ...args);
        }
      } catch (e) {
        if (e instanceof RegisterError) {
          err(`styr: ${e.message}`);
          ctx.setExitCode(1);
        } else throw e;
      } finally {
        await reg?.close();
      }
    };

  common(program.command('import'))
    .description('Importer dokumenter (filer eller mapper) i registeret, alt i én transaksjon')
    .argument('<paths...>', 'filer eller mapper')
    .action(
      run(async (reg, paths: string[], o: CommonOptions) => {
        const files = await expandPaths(paths);
        if (files.length === 0) {
          err(`styr: fant ingen dokumenter (.txt, .md, .pdf, .docx, .html) i ${paths.join(', ')}.`);
          ctx.setExitCode(2);
          return;
        }
        const { results, failures } = await extractFiles(files);
        if (failures.length > 0) {
          for (const f of failures) err(`styr: ${f.error}`);
          err('styr: ingenting ble importert (rett eller fjern filene over og prøv igjen).');
          ctx.setExitCode(2);
          return;
        }
        const reports = await reg.import(results.map((result, i) => ({ file: files[i] ?? '', result })));
        if (o.json) json(reports);
        else ctx.out(renderImport(reports));
      }),
    );

  filterOptions(common(program.command('assignments')))
    .description('List oppdrag i registeret')
    .action(
      run(async (reg, o: CommonOptions & FilterOpts) => {
        const list = await reg.assignments(toFilter(o));
        if (o.json) return json(list);
        ctx.out(
          table(
            ['ID', 'Tittel', 'Avd.', 'År', 'Type', 'Status', 'Neste frist'],
            list.map((a) => [
              a.ids.join(' / ') || a.key,
              a.title,
              a.departments.join(', '),
              a.year ?? '–',
              ASSIGNMENT_KIND[a.kind] ?? a.kind,
              statusLabel(a.status, a.derived),
              formatDate(a.nextDeadline),
            ]),
            { widths: [16, 50, 8, 6, 12, 14, 20] },
          ),
        );
        ctx.out(`${list.length} oppdrag`);
      }),
    );

  common(program.command('show'))
    .description('Vis et oppdrag med hele tidslinjen på tvers av dokumenter')
    .argument('<id>', 'en av oppdragets ID-er, f.eks. TB2024-07')
    .action(
      run(async (reg, id: string, o: CommonOptions) => {
        const a = await reg.show(id);
        if (!a) throw new RegisterError('assignment_not_found', `Fant ikke oppdraget «${id}».`);
        if (o.json) return json(a);
        ctx.out(`${a.ids.join(' / ')}  ${a.title}`);
        ctx.out(
          `Status: ${statusLabel(a.status, a.derived)} (satt ${formatDate(a.statusChangedAt)} av ${a.statusChangedBy})`,
        );
        if (a.departments.length > 0) ctx.out(`Avdeling: ${a.departments.join(', ')}`);
        if (a.owners.length > 0) ctx.out(`Ansvarlig: ${a.owners.join(', ')}`);
        if (a.confidential) ctx.out('Unntatt offentlighet');
        for (const d of a.deadlines)
          ctx.out(`Frist${d.part ? ` (${d.part})` : ''}: ${d.date ? formatDate(d.date) : d.text}`);
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
    .action(
      run(async (reg, id: string, status: string, o: CommonOptions & { note: string }) => {
        const r = await reg.setStatus(id, status, o.note);
        if (o.json) return json(r);
        ctx.out(`${id}: ${r.from} → ${r.to}`);
      }),
    );

  common(program.command('note'))
    .description('Legg til et notat (eller et svar med --answer) på et oppdrag')
    .argument('<id>', 'oppdragets ID, f.eks. TB2024-07')
    .argument('<tekst>', 'notatet (i anførselstegn)')
    .option('--answer', 'registrer som svar fra virksomheten')
    .action(
      run(async (reg, id: string, text: string, o: CommonOptions & { answer?: boolean }) => {
        await reg.note(id, text, o.answer ? 'answer' : 'note');
        ctx.out(`${id}: ${o.answer ? 'svar' : 'notat'} lagret`);
      }),
    );

  common(program.command('owner'))
    .description('Sett en ansvarlig person på et oppdrag')
    .argument('<id>', 'oppdragets ID, f.eks. TB2024-07')
    .argument('<person>', 'navnet på den ansvarlige')
    .action(
      run(async (reg, id: string, person: string) => {
        await reg.owner(id, person);
        ctx.out(`${id}: ansvarlig ${person}`);
      }),
    );

  common(program.command('frist'))
    .description('Endre fristen for et oppdrag (f.eks. etter etatsstyringsmøte); begrunnelse kreves')
    .argument('<id>', 'oppdragets ID, f.eks. TB2024-07')
    .argument('<dato>', 'ny frist, ÅÅÅÅ-MM-DD')
    .requiredOption('--note <tekst>', 'hvorfor')
    .action(
      run(async (reg, id: string, date: string, o: CommonOptions & { note: string }) => {
        await reg.moveDeadline(id, date, o.note);
        ctx.out(`${id}: ny frist ${formatDate(date)}`);
      }),
    );

  filterOptions(common(program.command('deadlines')))
    .description('Frister de neste dagene, eller oppdrag som har forfalt')
    .option('--within <periode>', 'periode, f.eks. 30d eller 2w', '30d')
    .option('--overdue', 'bare forfalte oppdrag')
    .action(
      run(async (reg, o: CommonOptions & FilterOpts & { within: string; overdue?: boolean }) => {
        const rows = await reg.deadlines({
          withinDays: parseWithin(o.within),
          ...(o.overdue ? { overdue: true } : {}),
          filter: toFilter(o),
        });
        if (o.json) return json(rows);
        ctx.out(
          table(
            ['Frist', 'ID', 'Tittel', 'Avd.', 'Status'],
            rows.map((r) => [
              formatDate(r.date),
              r.assignment.ids.join(' / ') || r.assignment.key,
              r.assignment.title,
              r.assignment.departments.join(', '),
              statusLabel(r.assignment.status, r.assignment.derived),
            ]),
            { widths: [20, 16, 56, 8, 22] },
          ),
        );
        ctx.out(`${rows.length} frister`);
      }),
    );

  filterOptions(common(program.command('search')))
    .description('Fulltekstsøk i oppdrag, mål og budsjettkommentarer')
    .argument('<query...>', 'søkeord')
    .option('--limit <n>', 'antall treff', '20')
    .action(
      run(async (reg, words: string[], o: CommonOptions & FilterOpts & { limit: string }) => {
        const hits = await reg.search(words.join(' '), toFilter(o), parseLimit(o.limit));
        if (o.json) return json(hits);
        const KIND: Record<string, string> = { assignment: 'Oppdrag', goal: 'Mål', budget: 'Budsjett' };
        ctx.out(
          table(
            ['Treff', 'Dokument', 'Tittel', 'Utdrag'],
            hits.map((h) => [
              `${KIND[h.kind] ?? h.kind} ${h.ref}`,
              `${TYPE_LABEL[h.document.type] ?? h.document.type} ${h.document.year ?? ''}`,
              h.title,
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
      run(async (reg, o: CommonOptions & { year?: string; chapter?: string }) => {
        const b = await reg.budget({
          ...(o.year ? { year: parseYear(o.year) } : {}),
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
      run(async (reg, o: CommonOptions) => {
        const st = await reg.stats();
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
      run(async (reg, o: CommonOptions) => {
        const ov = await reg.overview();
        if (o.json) return json(ov);
        ctx.out(renderOverview(ov));
      }),
    );

  common(program.command('export'))
    .description('Eksporter hele registeret som JSON (dokumenter, poster, status, notater og revisjonslogg)')
    .option('--out <fil>', 'skriv til fil i stedet for standard ut')
    .action(
      run(async (reg, o: CommonOptions & { out?: string }) => {
        const data = JSON.stringify(await reg.export());
        if (o.out) {
          await writeFile(o.out, data).catch((e: unknown) => {
            throw new RegisterError('export_write', `Kan ikke skrive ${o.out}: ${fileProblem(e)}.`);
          });
          ctx.out(`Eksportert til ${o.out}`);
        } else ctx.out(data);
      }),
    );

  common(program.command('restore'))
    .description('Gjenopprett en eksport i et tomt register')
    .argument('<fil>', 'en fil laget med styr export --out')
    .action(
      run(async (reg, file: string, o: CommonOptions) => {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (e) {
          throw new RegisterError('invalid_export', `Kan ikke lese ${file}: ${fileProblem(e)}.`);
        }
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          throw new RegisterError(
            'invalid_export',
            `${file} er ikke gyldig JSON (avkuttet eller redigert?). Ingenting ble gjenopprettet.`,
          );
        }
        const counts = await reg.restore(data, file);
        if (o.json) return json(counts);
        ctx.out(
          `Gjenopprettet: ${counts.document ?? 0} dokumenter, ${counts.assignment ?? 0} oppdrag, ${counts.audit_log ?? 0} loggføringer`,
        );
      }),
    );
}

export function renderOverview(ov: Awaited<ReturnType<Register['overview']>>): string {
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
  if (ov.upcoming.length > 0) {
    parts.push('Kommende frister (30 dager):');
    parts.push(
      table(
        ['Frist', 'ID', 'Tittel'],
        ov.upcoming.map((r) => [
          formatDate(r.date),
          r.assignment.ids.join(' / ') || r.assignment.key,
          r.assignment.title,
        ]),
        { widths: [20, 16, 70] },
      ),
    );
  }
  return parts.join('\n');
}
