/**
 * The pg-boss job id of a document key: a UUID derived from the key, so the job table's primary key
 * makes a second job for the same document impossible, whichever process or machine sends it.
 */
import { createHash } from 'node:crypto';

export function jobIdFor(key: string): string {
  const h = createHash('sha256').update(`styr.ingest:${key}`).digest('hex');
  // Version 8 ("custom") UUID with the RFC 9562 variant bits; PostgreSQL's uuid type accepts any.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
