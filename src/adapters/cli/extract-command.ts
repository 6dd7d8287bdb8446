import { basename } from 'node:path';
import { extract } from '../../core/extract/extract.js';
import type { ExtractionResult } from '../../core/model/extraction.js';
import { ReadError } from '../readers/errors.js';
import { readContext, readDocument } from '../readers/index.js';
import { limitsFromEnv, type ReadLimits } from '../readers/limits.js';
import { readInputFile } from '../readers/read-file.js';
import { inWorkers, workerCount } from '../readers/read-many.js';

export interface FileFailure {
  file: string;
  error: string;
  /** The ReadError code (file_too_large, symlink_loop …). */
  code: string;
}

/**
 * Read and extract each file within the limits; a file that cannot be read is reported, the others
 * still run. The time budget covers reading and extraction of one file. Several files are read and
 * extracted on worker threads up to the number of cores (same results, same order).
 */
export async function extractFiles(
  files: readonly string[],
  limits: ReadLimits = limitsFromEnv(),
): Promise<{ results: ExtractionResult[]; failures: FileFailure[] }> {
  const results: ExtractionResult[] = [];
  const failures: FileFailure[] = [];
  if (workerCount(files.length) > 1) {
    for await (const o of inWorkers('extract', files, limits)) {
      if (o.ok) results.push(o.value);
      else failures.push({ file: o.file, error: o.message, code: o.code });
    }
    return { results, failures };
  }
  for (const file of files) {
    try {
      // A single PDF is read on this thread: sharing its pages between workers (ctx.pdfWorkers) was
      // slower on the measured 2-core machine (each worker loads pdfjs and parses the file again).
      const ctx = readContext(file, limits);
      const bytes = await readInputFile(file, limits);
      const result = extract(await readDocument(bytes, basename(file), ctx));
      ctx.budget.check();
      results.push(result);
    } catch (err) {
      if (err instanceof ReadError) failures.push({ file, error: err.message, code: err.code });
      else throw err;
    }
  }
  return { results, failures };
}
