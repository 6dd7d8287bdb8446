/**
 * Several files at once, on worker threads up to the number of cores (parallel/pool.ts): the same
 * results as reading them one by one, in input order, a failure in the place of a file that cannot
 * be read. Worth it for PDFs and DOCX files, whose reading is most of the cost.
 */
import type { ExtractionResult } from '../../core/model/extraction.js';
import { limitsFromEnv, type ReadLimits } from './limits.js';
import { allInWorkers, type FileOutcome, type PoolOptions } from './parallel/pool.js';
import type { DocumentInput } from './read-document.js';

export type { FileOutcome, PoolOptions } from './parallel/pool.js';
export { inWorkers, workerCount } from './parallel/pool.js';

export function readMany(
  files: readonly string[],
  limits: ReadLimits = limitsFromEnv(),
  options: PoolOptions = {},
): Promise<FileOutcome<DocumentInput>[]> {
  return allInWorkers('read', files, limits, options);
}

export function extractMany(
  files: readonly string[],
  limits: ReadLimits = limitsFromEnv(),
  options: PoolOptions = {},
): Promise<FileOutcome<ExtractionResult>[]> {
  return allInWorkers('extract', files, limits, options);
}
