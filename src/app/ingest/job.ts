/**
 * An ingest job: one document, from a file (by path, keyed by its sha256 when queued) or from Kudos
 * (by uuid). The payload comes back from the database, so it is validated again before use.
 */
import { z } from 'zod';

export const IngestJob = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('file'),
    path: z.string().min(1, 'Stien mangler.'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Ugyldig sha256.'),
  }),
  z.object({
    source: z.literal('kudos'),
    uuid: z.string().regex(/^[0-9a-zA-Z-]{8,64}$/, 'Ugyldig Kudos-uuid.'),
  }),
]);
export type IngestJob = z.infer<typeof IngestJob>;

/** The document key: the queue holds one job per key, provenance one row per key. */
export function jobKey(job: IngestJob): string {
  return job.source === 'file' ? `sha256:${job.sha256}` : `kudos:${job.uuid}`;
}

export const INGEST_QUEUE = 'styr.ingest';
export const INGEST_PRINCIPAL = 'ingest';
