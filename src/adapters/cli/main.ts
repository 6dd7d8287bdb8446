/** The `styr` command line. Commands call the same application functions the API will use. */
import { Command, CommanderError } from 'commander';
import { extractFiles } from './extract-command.js';
import { norwegianError, useNorwegianHelp } from './norwegian-help.js';
import { registerRegisterCommands } from './register/commands.js';
import { runDemo } from './register/demo.js';
import { renderSummary } from './summary.js';

export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
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
      for (const f of failures) process.stderr.write(`styr: ${f.error}\n`);
      if (failures.length > 0) code = 2;
      if (opts.json)
        out(JSON.stringify(results.length === 1 && files.length === 1 ? results[0] : results, null, 2));
      else if (results.length > 0) out(renderSummary(results));
    });

  program
    .command('demo')
    .description('Les eksempeldokumentene i examples/ inn i registeret og skriv ut oversikten')
    .option('--data <mappe>', 'mappe for den innebygde databasen (ellers STYR_DATA eller standardmappen)')
    .action(async (opts: { data?: string }) => {
      code = await runDemo({ out, ...(opts.data ? { dataDir: opts.data } : {}) });
    });

  registerRegisterCommands(program, { out, setExitCode: (c) => (code = c) });

  try {
    await program.parseAsync(argv as string[]);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return code;
}
