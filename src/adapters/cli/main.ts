/** The `styr` command line. Commands call the same application functions the API will use. */
import { Command, CommanderError } from 'commander';
import { terminalSafe } from '../../core/text/terminal-safe.js';
import { ReadError } from '../readers/errors.js';
import { extractFiles } from './extract-command.js';
import { registerIngestCommands } from './ingest-command.js';
import { norwegianError, useNorwegianHelp } from './norwegian-help.js';
import { registerRegisterCommands } from './register/commands.js';
import { runDemo } from './register/demo.js';
import { registerServeCommand } from './serve-command.js';
import { registerUserCommands } from './register/users.js';
import { renderSummary } from './summary.js';

export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  // Output carries text from files and users: control characters are neutralised (terminal-safe.ts).
  const out = (s: string) => process.stdout.write(terminalSafe(s.endsWith('\n') ? s : `${s}\n`));
  const program = useNorwegianHelp(new Command())
    .name('styr')
    .description('styr: etatsstyring – tildelingsbrev, oppdrag og rapportering')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(norwegianError(s)),
    });

  program
    .command('extract')
    .description('Les tildelingsbrev/rapporter og skriv ut det som ble funnet')
    .argument('<files...>', 'filer (.txt, .md, .pdf, .docx, .html)')
    .option('--json', 'skriv ut resultatet som JSON (ett objekt per fil)')
    .option('--summary', 'skriv ut en oversikt med antall og varsler (standard)')
    .action(async (files: string[], opts: { json?: boolean; summary?: boolean }) => {
      const { results, failures } = await extractFiles(files);
      for (const f of failures) process.stderr.write(terminalSafe(`styr: ${f.error}\n`));
      if (failures.length > 0) code = 2;
      if (opts.json)
        out(JSON.stringify(results.length === 1 && files.length === 1 ? results[0] : results, null, 2));
      else if (results.length > 0) out(renderSummary(results));
    });

  program
    .command('demo')
    .description('Importer eksempeldokumentene i en egen demo-datamappe, lag demo-brukere og start serveren')
    .option('--data <mappe>', 'demo-datamappe (standard .styr-data/demo i gjeldende mappe)')
    .option('--port <port>', 'porten serveren lytter på', '8080')
    .option('--no-serve', 'bare importer og skriv ut oversikten, ikke start serveren')
    .action(async (opts: { data?: string; port: string; serve: boolean }) => {
      code = await runDemo({
        out,
        serve: opts.serve,
        port: Number(opts.port),
        ...(opts.data ? { dataDir: opts.data } : {}),
      });
    });

  registerRegisterCommands(program, { out, setExitCode: (c) => (code = c) });
  registerServeCommand(program, {
    err: (s) => process.stderr.write(`${s}\n`),
    setExitCode: (c) => (code = c),
  });
  registerUserCommands(program, { out, setExitCode: (c) => (code = c) });
  registerIngestCommands(program, {
    out,
    err: (s) => process.stderr.write(terminalSafe(`${s}\n`)),
    setExitCode: (c) => (code = c),
  });

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
