/**
 * `npm start`: extract the example documents (printing the extraction summary), import them into the
 * register (--data, STYR_DATA, the per-user default, or DATABASE_URL) and print the register overview.
 * Importing twice changes nothing.
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { targetFromEnv } from '../../store/open.js';
import { openClient } from './client.js';
import { extractFiles } from '../extract-command.js';
import { renderSummary } from '../summary.js';
import { actorFrom, clockFrom, expandPaths, renderImport, renderOverview } from './commands.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export interface DemoOptions {
  out?: (s: string) => void;
  dataDir?: string;
  examplesDir?: string;
}

/** Returns the exit code: 0, or 2 when an example could not be read. */
export async function runDemo(opts: DemoOptions = {}): Promise<number> {
  const out = opts.out ?? ((s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`));
  const dir = opts.examplesDir ?? join(projectRoot, 'examples');
  const paths = await expandPaths([dir]);
  const { results, failures } = await extractFiles(paths);
  for (const f of failures) process.stderr.write(`styr: ${f.error}\n`);
  out(renderSummary(results));
  const target = targetFromEnv(opts.dataDir);
  const client = await openClient({
    target,
    actor: actorFrom(undefined),
    publicOnly: false,
    clock: clockFrom(),
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
  return failures.length > 0 ? 2 : 0;
}
