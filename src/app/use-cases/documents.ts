/**
 * Documents: import (read → extract → one all-or-nothing transaction), a dry-run preview that stores
 * nothing, and the list of documents with their versions.
 */
import { extract } from '../../core/extract/extract.js';
import type { ExtractionResult } from '../../core/model/extraction.js';
import { parties } from '../../core/register/ids.js';
import { letterKey } from '../../core/register/letter.js';
import { versionDiff } from '../../core/register/version-diff.js';
import { currentExtraction } from '../../adapters/store/current-extraction.js';
import { listDocuments } from '../../adapters/store/catalogue.js';
import { importResults, recordsOf } from '../../adapters/store/import.js';
import { readDocument } from '../../adapters/readers/index.js';
import { ReadError } from '../../adapters/readers/errors.js';
import { AppError } from '../errors.js';
import { authorize, viewerFor } from '../policy.js';
import type { Principal } from '../principal.js';
import { ImportInput, NoInput, type UploadedFile } from '../schemas.js';
import { type Call, useCase } from '../use-case.js';

export interface FileFailure {
  file: string;
  error: string;
}

/** Read and extract every file; the unreadable ones are collected, never thrown one by one. */
export async function extractUploads(
  files: readonly UploadedFile[],
): Promise<{ results: ExtractionResult[]; failures: FileFailure[] }> {
  const results: ExtractionResult[] = [];
  const failures: FileFailure[] = [];
  for (const f of files) {
    try {
      results.push(extract(await readDocument(f.data, f.name)));
    } catch (e) {
      if (e instanceof ReadError) failures.push({ file: f.name, error: e.message });
      else throw e;
    }
  }
  return { results, failures };
}

/** The organisation a scoped principal imports for must be a party to every document. */
async function checkParties(call: Call, results: readonly ExtractionResult[]): Promise<void> {
  const org = call.principal.organisation;
  if (!org) return;
  const table = org.side === 'departement' ? 'ministry' : 'agency';
  const id = org.side === 'departement' ? org.ministryId : org.agencyId;
  const row =
    id === null
      ? undefined
      : await call.deps.store.db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst();
  const mine = (row?.name ?? org.name).toLocaleLowerCase('nb');
  for (const r of results) {
    const p = parties(r.document);
    const party = (org.side === 'departement' ? p.ministry : p.agency)?.toLocaleLowerCase('nb') ?? null;
    if (party !== mine)
      throw new AppError(
        'forbidden',
        'not_a_party',
        `${r.source.name}: dokumentet gjelder ${party ?? 'en ukjent part'}, ikke ${org.name}. Du kan bare importere dokumenter til eller fra din egen organisasjon.`,
      );
  }
}

/**
 * The preview of one file, with a diff against the stored current version of the same document when
 * there is one. Stored confidential assignments stay out of the diff for a viewer without the grant.
 */
async function preview(call: Call, r: ExtractionResult) {
  const key = letterKey(r.document);
  const stored = await currentExtraction(call.deps.store.db, key);
  const seeAll = viewerFor(call.principal).canSeeConfidential;
  return {
    file: r.source.name,
    format: r.source.format,
    type: r.document.type,
    year: r.document.year,
    title: r.document.title,
    counts: recordsOf(r),
    warnings: r.warnings,
    extraction: r,
    /** The stored document this file would become a new version of, or null for a new document. */
    against: stored ? { documentId: stored.documentId, version: stored.version } : null,
    /** True when these exact bytes are already the current version: importing changes nothing. */
    unchanged: stored?.extraction.document.sha256 === r.document.sha256,
    diff: stored ? versionDiff(stored.extraction, r, key, (a) => a.confidential && !seeAll) : null,
  };
}

export function canImport(p: Principal): void {
  authorize(p, 'import');
}

export const importDocumentsUseCase = useCase({
  name: 'importDocuments',
  summary: 'Importer dokumenter (alt eller ingenting); dryRun viser hva som ble funnet uten å lagre',
  input: ImportInput,
  readOnly: false,
  async run(call, input) {
    canImport(call.principal);
    const { results, failures } = await extractUploads(input.files);
    if (failures.length > 0)
      throw new AppError(
        'validation',
        'unreadable_documents',
        `Ingenting ble importert: ${failures.map((f) => f.error).join(' ')}`,
        { failures },
      );
    await checkParties(call, results);
    if (input.dryRun) {
      const previews = [];
      for (const r of results) previews.push(await preview(call, r));
      return { dryRun: true as const, previews, reports: [] };
    }
    const reports = await importResults(
      call.deps.store.db,
      results.map((result, i) => ({ file: input.files[i]?.name ?? result.source.name, result })),
      { actor: call.principal.username, clock: call.deps.clock },
    );
    return { dryRun: false as const, previews: [], reports };
  },
});

export const listDocumentsUseCase = useCase({
  name: 'listDocuments',
  summary: 'Dokumenter og versjoner',
  input: NoInput,
  readOnly: true,
  async run(call) {
    authorize(call.principal, 'read');
    return listDocuments(call.deps.store.db, viewerFor(call.principal));
  },
});
