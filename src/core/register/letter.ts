/**
 * Which stored document an imported file is a version of. A corrected letter has the same issuer,
 * recipient, type and year (and reference, when printed) but different bytes; it becomes version n+1
 * of that document. Without type and year styr cannot tell letters apart, so such a file is its own
 * document (keyed by its content hash).
 */
import type { DocumentInfo } from '../model/extraction.js';

const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

export function letterKey(doc: DocumentInfo): string {
  if (doc.type === 'ukjent' || doc.year === null) return `sha:${doc.sha256}`;
  const parts = [doc.type, String(doc.year), norm(doc.issuer), norm(doc.recipient), norm(doc.reference)];
  // Several supplementary letters a year share everything else; without a reference the title tells them apart.
  if (doc.type === 'tillegg' && doc.reference === null) parts.push(norm(doc.title));
  return parts.join('|');
}
