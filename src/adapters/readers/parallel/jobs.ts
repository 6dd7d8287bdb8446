/**
 * What a reading worker does with one file: the same steps as a serial run, so a file gives the same
 * result (or the same ReadError) in a worker as in the main thread. `read` gives the extraction
 * input, `extract` the extraction result; the time budget covers both steps, as in the serial CLI.
 */
import { basename } from 'node:path';
import { extract } from '../../../core/extract/extract.js';
import type { ExtractionResult } from '../../../core/model/extraction.js';
import { type DocumentInput, readContext, readDocument } from '../index.js';
import type { ReadLimits } from '../limits.js';
import { readInputFile } from '../read-file.js';

export type JobKind = 'read' | 'extract';
export interface JobResult {
  read: DocumentInput;
  extract: ExtractionResult;
}

export async function readFileInput(file: string, limits: ReadLimits): Promise<DocumentInput> {
  const ctx = readContext(file, limits);
  const bytes = await readInputFile(file, limits);
  return readDocument(bytes, basename(file), ctx);
}

export async function extractFile(file: string, limits: ReadLimits): Promise<ExtractionResult> {
  const ctx = readContext(file, limits);
  const bytes = await readInputFile(file, limits);
  const result = extract(await readDocument(bytes, basename(file), ctx));
  ctx.budget.check();
  return result;
}

export function runJob<K extends JobKind>(kind: K, file: string, limits: ReadLimits): Promise<JobResult[K]> {
  return (kind === 'read' ? readFileInput(file, limits) : extractFile(file, limits)) as Promise<JobResult[K]>;
}
