/**
 * `styr export xlsx|csv [tabell]` and `styr calendar`: one register list as a spreadsheet file, or the
 * deadline calendar as an iCalendar file. The table comes from the
 * exportTable use case (in process or through the server), the bytes from the adapters' writers.
 */
import { writeFile } from 'node:fs/promises';
import type { UseCaseInput } from '../../../app/app.js';
import { AppError } from '../../../app/errors.js';
import { type TableFormat, tableFile } from '../../exports/formats.js';
import { eventsToIcs } from '../../exports/ical.js';
import type { RegisterClient } from './client.js';

/** What people type for a table, Norwegian or English, → the use case's table name. */
const TABLE_ALIASES: Record<string, UseCaseInput<'exportTable'>['table']> = {
  assignments: 'assignments',
  oppdrag: 'assignments',
  budget: 'budget',
  budsjett: 'budget',
  'key-figures': 'key-figures',
  keyfigures: 'key-figures',
  'key figures': 'key-figures',
  nøkkeltall: 'key-figures',
  nokkeltall: 'key-figures',
};

export function tableName(arg: string | undefined): UseCaseInput<'exportTable'>['table'] {
  const t = TABLE_ALIASES[(arg ?? 'assignments').trim().toLowerCase()];
  if (!t)
    throw new AppError(
      'validation',
      'unknown_table',
      `Ukjent tabell «${arg ?? ''}». Bruk oppdrag (assignments), budsjett (budget) eller nøkkeltall (key-figures).`,
    );
  return t;
}

export interface TableExportResult {
  path: string;
  rows: number;
}

async function writeOut(path: string, bytes: Uint8Array | string): Promise<void> {
  await writeFile(path, bytes).catch((e: unknown) => {
    throw new AppError(
      'validation',
      'export_write',
      `Kan ikke skrive ${path}: ${e instanceof Error ? e.message : String(e)}.`,
    );
  });
}

export async function writeCalendarFile(
  client: RegisterClient,
  o: { out: string; year?: string; baseUrl?: string | undefined; progress: (s: string) => void; now: Date },
): Promise<{ path: string; events: number }> {
  o.progress(`Henter frister og styringskalender fra ${client.where} …`);
  const { name, events } = await client.call('deadlineCalendar', {
    ...(o.year !== undefined ? { year: o.year as never } : {}),
    ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
  });
  await writeOut(o.out, eventsToIcs(events, { name, now: o.now }));
  return { path: o.out, events: events.length };
}

export async function exportTableFile(
  client: RegisterClient,
  format: TableFormat,
  input: UseCaseInput<'exportTable'>,
  opts: { out?: string; progress: (s: string) => void; now: Date },
): Promise<TableExportResult> {
  opts.progress(
    `Henter ${input.table === 'assignments' ? 'oppdrag' : input.table === 'budget' ? 'budsjett' : 'nøkkeltall'} fra ${client.where} …`,
  );
  const table = await client.call('exportTable', input);
  opts.progress(`Skriver ${table.rows.length} rader som ${format.toUpperCase()} …`);
  const file = await tableFile(table, format, opts.now);
  // Always a file (named for the table without --out): a workbook is binary, and the CSV's BOM, CRs and
  // user text are not for a terminal (the CLI's output neutralises control characters).
  const path = opts.out ?? file.fileName;
  await writeOut(path, file.bytes);
  return { path, rows: table.rows.length };
}
