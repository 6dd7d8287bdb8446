/**
 * `styr report <kind> --year … [--org …] [--date …] [--since …] [--accounts fil.csv] --out fil.docx|pdf`:
 * runs the report use case (in process or through the server, like every register command) and
 * prints its model to the file, in the format its extension names. Progress goes to standard error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { UseCaseInput } from '../../../app/app.js';
import { AppError } from '../../../app/errors.js';
import { REPORT_KINDS, REPORT_TITLES } from '../../../core/reports/model.js';
import { readAccountsCsv } from '../../readers/accounts-csv.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../reports/render.js';
import type { RegisterClient } from './client.js';
import { type CommonOptions, common, fileProblem } from './commands.js';

export interface ReportCommandDeps {
  run: <A extends unknown[]>(
    command: string,
    fn: (client: RegisterClient, ...args: A) => Promise<void>,
  ) => (...args: A) => Promise<void>;
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface ReportOptions extends CommonOptions {
  year?: string;
  org?: string;
  date?: string;
  since?: string;
  accounts?: string;
  out?: string;
}

function formatOf(file: string): ReportFormat {
  const ext = extname(file).slice(1).toLowerCase();
  if ((REPORT_FORMATS as readonly string[]).includes(ext)) return ext as ReportFormat;
  throw new AppError(
    'validation',
    'report_format',
    `Kan ikke skrive rapport til ${file}: filen må slutte på .docx eller .pdf.`,
  );
}

async function accountsFrom(file: string, err: (s: string) => void) {
  const bytes = await readFile(file).catch((e: unknown) => {
    throw new AppError('validation', 'accounts_read', `Kan ikke lese ${file}: ${fileProblem(e)}.`);
  });
  const parsed = readAccountsCsv(new Uint8Array(bytes), file);
  for (const w of parsed.warnings) err(`styr: ${file}: ${w.message}`);
  err(`Leste ${parsed.read} regnskapslinjer (${parsed.rows.length} kapitler/poster) fra ${file}.`);
  return parsed.rows;
}

export function registerReportCommand(program: Command, deps: ReportCommandDeps): void {
  common(program.command('report'))
    .description(
      `Lag en rapport som DOCX eller PDF: ${REPORT_KINDS.map((k) => `${k} (${REPORT_TITLES[k]})`).join(', ')}`,
    )
    .argument('<kind>', REPORT_KINDS.join(' | '))
    .option('--year <år>', 'året rapporten gjelder (ellers i år)')
    .option('--org <virksomhet>', 'bare denne virksomheten (del av navnet)')
    .option('--date <ÅÅÅÅ-MM-DD>', 'rapportdato: avvik per denne datoen, møtedato for møtegrunnlaget')
    .option('--since <ÅÅÅÅ-MM-DD>', 'møtegrunnlag: fra denne datoen (ellers forrige etatsstyringsmøte)')
    .option(
      '--accounts <fil.csv>',
      'budsjettavstemming: eksport fra statsregnskapet (semikolon, Windows-1252)',
    )
    .option('--out <fil>', 'skriv rapporten hit; .docx eller .pdf')
    .action(
      deps.run('report', async (client, kind: string, o: ReportOptions) => {
        const format = o.out !== undefined ? formatOf(o.out) : null;
        if (format === null && !o.json)
          throw new AppError(
            'validation',
            'report_out',
            'Oppgi --out rapport.docx eller --out rapport.pdf (eller --json).',
          );
        if (o.accounts !== undefined && kind !== 'budsjettavstemming')
          throw new AppError('validation', 'accounts_kind', '--accounts gjelder bare budsjettavstemming.');
        const input: UseCaseInput<'report'> = {
          kind: kind as UseCaseInput<'report'>['kind'],
          ...(o.year !== undefined ? { year: o.year } : {}),
          ...(o.org !== undefined ? { org: o.org } : {}),
          ...(o.date !== undefined ? { date: o.date } : {}),
          ...(o.since !== undefined ? { since: o.since } : {}),
          ...(o.accounts !== undefined ? { accounts: await accountsFrom(o.accounts, deps.err) } : {}),
        };
        deps.err(`Henter registerdata fra ${client.where} …`);
        const report = await client.call('report', input);
        if (format === null || o.out === undefined) return deps.out(JSON.stringify(report, null, 2));
        deps.err(`Skriver ${report.title} som ${format.toUpperCase()} …`);
        const bytes = await renderReport(report, format);
        await writeFile(o.out, bytes).catch((e: unknown) => {
          throw new AppError('validation', 'report_write', `Kan ikke skrive ${o.out}: ${fileProblem(e)}.`);
        });
        deps.out(`Skrev ${report.title} til ${o.out}`);
      }),
    );
}
