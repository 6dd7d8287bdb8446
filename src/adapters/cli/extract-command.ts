import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { extract } from '../../core/extract/extract.js';
import type { ExtractionResult } from '../../core/model/extraction.js';
import { ReadError } from '../readers/errors.js';
import { readDocument } from '../readers/index.js';

export interface FileFailure {
  file: string;
  error: string;
}

/** Read and extract each file; a file that cannot be read is reported, the others still run. */
export async function extractFiles(
  files: readonly string[],
): Promise<{ results: ExtractionResult[]; failures: FileFailure[] }> {
  const results: ExtractionResult[] = [];
  const failures: FileFailure[] = [];
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      results.push(extract(await readDocument(bytes, basename(file))));
    } catch (err) {
      if (err instanceof ReadError) failures.push({ file, error: err.message });
      else if (err instanceof Error && 'code' in err && err.code === 'ENOENT')
        failures.push({ file, error: `${file}: filen finnes ikke.` });
      else if (err instanceof Error && 'code' in err && err.code === 'EISDIR')
        failures.push({ file, error: `${file}: er en mappe, ikke en fil.` });
      else throw err;
    }
  }
  return { results, failures };
}
