/**
 * `npm start`: extract the example documents (printing the extraction summary), import them into the
 * register (--data, STYR_DATA, the per-user default, or DATABASE_URL) and print the register overview.
 * Importing twice changes nothing.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTERNAL_VIEWER } from '../../../core/register/viewer.js';
import { targetFromEnv } from '../../store/open.js';
import { Register } from '../../store/register.js';
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
  const files = await expandPaths([dir]);
  const { results, failures } = await extractFiles(files);
  for (const f of failures) process.stderr.write(`styr: ${f.error}\n`);
  out(renderSummary(results));
  const target = targetFromEnv(opts.dataDir);
  const reg = await Register.open(target, {
    actor: actorFrom(undefined),
    clock: clockFrom(),
    viewer: INTERNAL_VIEWER,
  });
  try {
    const ok = results.map((result) => ({ file: result.source.name, result }));
    const reports = await reg.import(ok);
    out(renderImport(reports));
    out(
      `Register: ${target.kind === 'pglite' ? (target.dataDir ?? 'i minnet') : 'PostgreSQL (DATABASE_URL)'}`,
    );
    out(renderOverview(await reg.overview()));
  } finally {
    await reg.close();
  }
  return failures.length > 0 ? 2 : 0;
}
