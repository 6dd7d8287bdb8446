/**
 * The `styr` command line. Commands call the same application functions the API uses. Only the group
 * of commands named on the command line is loaded, and each loads its heavy modules (readers, the
 * database, the use cases, the server) when it runs: a short command starts in a fraction of a second.
 */
import { Command, CommanderError } from 'commander';
import { terminalSafe } from '../../core/text/terminal-safe.js';
import { ReadError } from '../readers/errors.js';
import { norwegianError, useNorwegianHelp } from './norwegian-help.js';

interface MainContext {
  out: (s: string) => void;
  setExitCode: (c: number) => void;
}

type Group = 'extract' | 'register' | 'serve' | 'users' | 'ingest';

/** Which group defines each top-level command; a name not listed (help, a typo) loads every group. */
export const COMMAND_GROUPS: Readonly<Record<string, Group>> = {
  extract: 'extract',
  demo: 'extract',
  serve: 'serve',
  user: 'users',
  org: 'users',
  token: 'users',
  ingest: 'ingest',
  worker: 'ingest',
  ...Object.fromEntries(
    [
      'import',
      'assignments',
      'show',
      'status',
      'note',
      'owner',
      'frist',
      'deadlines',
      'search',
      'budget',
      'stats',
      'overview',
      'export',
      'restore',
      'documents',
      'remove-version',
      'audit',
      'report',
      'calendar',
    ].map((name) => [name, 'register' as const]),
  ),
};

function registerExtractCommands(program: Command, { out, setExitCode }: MainContext): void {
  program
    .command('extract')
    .description('Les tildelingsbrev/rapporter og skriv ut det som ble funnet')
    .argument('<files...>', 'filer (.txt, .md, .pdf, .docx, .html)')
    .option('--json', 'skriv ut resultatet som JSON (ett objekt per fil)')
    .option('--summary', 'skriv ut en oversikt med antall og varsler (standard)')
    .action(async (files: string[], opts: { json?: boolean; summary?: boolean }) => {
      const { extractFiles } = await import('./extract-command.js');
      const { results, failures } = await extractFiles(files);
      for (const f of failures) process.stderr.write(terminalSafe(`styr: ${f.error}\n`));
      if (failures.length > 0) setExitCode(2);
      if (opts.json)
        out(JSON.stringify(results.length === 1 && files.length === 1 ? results[0] : results, null, 2));
      else if (results.length > 0) out((await import('./summary.js')).renderSummary(results));
    });

  program
    .command('demo')
    .description('Importer eksempeldokumentene i en egen demo-datamappe, lag demo-brukere og start serveren')
    .option('--data <mappe>', 'demo-datamappe (standard .styr-data/demo i gjeldende mappe)')
    .option('--port <port>', 'porten serveren lytter på', '8080')
    .option('--no-serve', 'bare importer og skriv ut oversikten, ikke start serveren')
    .action(async (opts: { data?: string; port: string; serve: boolean }) => {
      const { runDemo } = await import('./register/demo.js');
      setExitCode(
        await runDemo({
          out,
          serve: opts.serve,
          port: Number(opts.port),
          ...(opts.data ? { dataDir: opts.data } : {}),
        }),
      );
    });
}

const REGISTER: Record<Group, (program: Command, ctx: MainContext) => Promise<void>> = {
  extract: async (program, ctx) => registerExtractCommands(program, ctx),
  register: async (program, ctx) =>
    (await import('./register/commands.js')).registerRegisterCommands(program, ctx),
  serve: async (program, ctx) =>
    (await import('./serve-command.js')).registerServeCommand(program, {
      err: (s) => process.stderr.write(`${s}\n`),
      setExitCode: ctx.setExitCode,
    }),
  users: async (program, ctx) => (await import('./register/users.js')).registerUserCommands(program, ctx),
  ingest: async (program, ctx) =>
    (await import('./ingest-command.js')).registerIngestCommands(program, {
      out: ctx.out,
      err: (s) => process.stderr.write(terminalSafe(`${s}\n`)),
      setExitCode: ctx.setExitCode,
    }),
};

/** The groups the command line needs: the named command's, or all (help, no command, an unknown one). */
function groupsFor(argv: readonly string[]): Group[] {
  const name = argv.slice(2).find((a) => !a.startsWith('-'));
  const group = name === undefined ? undefined : COMMAND_GROUPS[name];
  return group ? [group] : ['extract', 'register', 'serve', 'users', 'ingest'];
}

/** A program with the given command groups; `main` passes the ones the command line needs. */
export async function buildProgram(
  ctx: MainContext,
  groups: readonly Group[] = ['extract', 'register', 'serve', 'users', 'ingest'],
): Promise<Command> {
  const program = useNorwegianHelp(new Command())
    .name('styr')
    .description('styr: etatsstyring – tildelingsbrev, oppdrag og rapportering')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(norwegianError(s)),
    });
  for (const g of groups) await REGISTER[g](program, ctx);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  // Output carries text from files and users: control characters are neutralised (terminal-safe.ts).
  const out = (s: string) => process.stdout.write(terminalSafe(s.endsWith('\n') ? s : `${s}\n`));
  const program = await buildProgram({ out, setExitCode: (c) => (code = c) }, groupsFor(argv));
  try {
    await program.parseAsync(argv as string[]);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    // A limit set to nonsense in the environment (STYR_MAX_FILE_MB=abc) is a usage error, not a crash.
    if (err instanceof ReadError) {
      process.stderr.write(terminalSafe(`styr: ${err.message}\n`));
      return 2;
    }
    throw err;
  }
  return code;
}
