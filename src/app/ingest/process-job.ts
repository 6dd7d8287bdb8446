/**
 * One ingest job: fetch (file or Kudos) → read → extract → import, with provenance and organisation
 * links written in the import's own transaction. The worker acts as the system principal
 * `system:ingest`. A document already imported under its key, or whose bytes are already a document
 * version, is "unchanged": nothing is extracted or written twice.
 */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract } from '../../core/extract/extract.js';
import type { Clock } from '../../core/register/viewer.js';
import type { KudosClient } from '../../adapters/kudos/client.js';
import type { KudosDocument } from '../../adapters/kudos/schemas.js';
import { readContext, readDocument } from '../../adapters/readers/index.js';
import type { ReadLimits } from '../../adapters/readers/limits.js';
import { readInputFile } from '../../adapters/readers/read-file.js';
import { audit } from '../../adapters/store/audit.js';
import { importResults } from '../../adapters/store/import.js';
import { knownKeys, recordSource, versionWithSha256 } from '../../adapters/store/ingest-sources.js';
import type { Db } from '../../adapters/store/open.js';
import { linkOrganisations, type NumberedActor } from '../../adapters/store/org-numbers.js';
import { AppError } from '../errors.js';
import { authorize } from '../policy.js';
import type { Principal } from '../principal.js';
import { IngestJob, jobKey } from './job.js';

export interface IngestDeps {
  store: Db;
  clock: Clock;
  principal: Principal;
  limits: ReadLimits;
  kudos?: KudosClient;
}

export interface IngestOutcome {
  key: string;
  label: string;
  outcome: 'new' | 'new_version' | 'unchanged';
  assignments: number;
}

interface Fetched {
  bytes: Uint8Array;
  name: string;
  sourceUrl: string;
  kudos: KudosDocument | null;
}

async function fetchSource(deps: IngestDeps, job: IngestJob): Promise<Fetched> {
  if (job.source === 'file') {
    const path = resolve(job.path);
    return {
      bytes: await readInputFile(path, deps.limits),
      name: basename(path),
      sourceUrl: pathToFileURL(path).href,
      kudos: null,
    };
  }
  if (!deps.kudos)
    throw new AppError('unavailable', 'kudos_missing', 'Kudos-jobb, men ingen Kudos-klient er satt opp.');
  const meta = await deps.kudos.document(job.uuid);
  const text = await deps.kudos.contents(job.uuid);
  return {
    bytes: new TextEncoder().encode(text),
    name: `kudos-${job.uuid}.txt`,
    sourceUrl: deps.kudos.documentUrl(job.uuid),
    kudos: meta,
  };
}

/** Publishers and owners are the ministry side; recipients the agencies. Only numbered actors link. */
function numberedActors(doc: KudosDocument): NumberedActor[] {
  const out = new Map<string, NumberedActor>();
  const add = (list: KudosDocument['recipients'], side: NumberedActor['side']) => {
    for (const a of list)
      if (a.org_number && !out.has(a.org_number))
        out.set(a.org_number, { orgNumber: a.org_number, name: a.name, side });
  };
  add(doc.publishers, 'departement');
  add(doc.owners, 'departement');
  add(doc.recipients, 'virksomhet');
  return [...out.values()];
}

export async function processIngestJob(deps: IngestDeps, payload: unknown): Promise<IngestOutcome> {
  authorize(deps.principal, 'import');
  const job = IngestJob.parse(payload);
  const key = jobKey(job);
  const db = deps.store.db;
  const label0 = job.source === 'file' ? job.path : `Kudos ${job.uuid}`;
  if ((await knownKeys(db, [key])).size > 0)
    return { key, label: label0, outcome: 'unchanged', assignments: 0 };

  const src = await fetchSource(deps, job);
  const sha256 = createHash('sha256').update(src.bytes).digest('hex');
  const label = src.kudos?.title ? `${src.kudos.title} (Kudos ${src.kudos.uuid})` : label0;
  const now = deps.clock().toISOString();
  const provenance = (documentId: number, version: number, outcome: string) => ({
    key,
    kind: job.source,
    source_url: src.sourceUrl,
    kudos_uuid: src.kudos?.uuid ?? null,
    kudos_type: src.kudos?.type ?? null,
    kudos_file_sha256: src.kudos?.files.find((f) => f.sha256)?.sha256?.toLowerCase() ?? null,
    published: src.kudos?.publish_date ?? null,
    sha256,
    document_id: documentId,
    document_version: version,
    outcome,
    imported_at: now,
    imported_by: deps.principal.username,
  });

  const same = await versionWithSha256(db, sha256);
  if (same) {
    await recordSource(db, provenance(same.document_id, same.version, 'unchanged'));
    return { key, label, outcome: 'unchanged', assignments: 0 };
  }
  const result = extract(await readDocument(src.bytes, src.name, readContext(src.name, deps.limits)));
  const [report] = await importResults(db, [{ file: label, result }], {
    actor: deps.principal.username,
    clock: deps.clock,
    within: async (trx, [rep]) => {
      if (!rep) return;
      await recordSource(trx, provenance(rep.documentId, rep.version, rep.outcome));
      if (src.kudos) {
        const linked = await linkOrganisations(trx, numberedActors(src.kudos), {
          actor: deps.principal.username,
          now,
        });
        await audit(trx, linked.audit);
      }
    },
  });
  if (!report) throw new Error('importen ga ingen rapport');
  return { key, label, outcome: report.outcome, assignments: result.assignments.length };
}
