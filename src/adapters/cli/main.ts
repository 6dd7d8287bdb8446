/** The `styr` command line. Commands call the same application functions the API will use. */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { extractFiles } from './extract-command.js';
import { registerRegisterCommands } from './register/commands.js';
import { renderSummary } from './summary.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function exampleFiles(): Promise<string[]> {
  const dir = join(projectRoot, 'examples');
  const names = (await readdir(dir)).filter((n) => /\.(txt|pdf|docx|html?)$/i.test(n)).sort();
  return names.map((n) => join(dir, n));
}

export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  const program = new Command()
    .name('styr')
    .description('styr: etatsstyring – tildelingsbrev, oppdrag og rapportering')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('extract')
    .description('Les tildelingsbrev/rapporter og skriv ut det som ble funnet')
    .argument('<files...>', 'filer (.txt, .pdf, .docx, .html)')
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
    .command('demo', { hidden: true })
    .description('Les eksempeldokumentene i examples/ og skriv ut oversikten')
    .action(async () => {
      const { results, failures } = await extractFiles(await exampleFiles());
      for (const f of failures) process.stderr.write(`styr: ${f.error}\n`);
      out(renderSummary(results));
      if (failures.length > 0) code = 2;
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
