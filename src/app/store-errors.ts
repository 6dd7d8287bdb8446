/**
 * Errors from below the application layer, turned into AppErrors. A store RegisterError already
 * carries a Norwegian message; anything else (a driver error, a bug) becomes `internal` with a
 * message that names the operation and never the driver's words.
 */
import { RegisterError } from '../adapters/store/edits.js';
import { ReadError } from '../adapters/readers/errors.js';
import { AppError, type ErrorKind } from './errors.js';

const KIND_OF: Record<string, ErrorKind> = {
  assignment_not_found: 'not_found',
  document_not_found: 'not_found',
  version_not_found: 'not_found',
  conflict: 'precondition_failed',
  invalid_transition: 'conflict',
  same_status: 'conflict',
  unknown_status: 'validation',
  reason_required: 'validation',
  invalid_date: 'validation',
  empty_note: 'validation',
  empty_owner: 'validation',
  invalid_export: 'validation',
  newer_export: 'validation',
  corrupt_export: 'validation',
  public_export: 'validation',
  audit_chain_broken: 'validation',
  register_not_empty: 'conflict',
  data_dir: 'unavailable',
};

export function toAppError(e: unknown, operation: string): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof RegisterError) return new AppError(KIND_OF[e.code] ?? 'validation', e.code, e.message);
  if (e instanceof ReadError) return new AppError('validation', 'unreadable_document', e.message);
  const code = (e as { code?: unknown } | null)?.code;
  // PostgreSQL serialisation failures and deadlocks: the other writer won; the client may retry.
  if (code === '40001' || code === '40P01')
    return new AppError(
      'conflict',
      'concurrent_change',
      `Noen andre endret det samme samtidig (${operation}). Prøv igjen.`,
    );
  if (code === 'ECONNREFUSED' || code === '57P01' || code === '08006' || code === '08001')
    return new AppError('unavailable', 'database_unavailable', `Databasen svarer ikke (${operation}).`);
  return new AppError('internal', 'internal_error', `Noe gikk galt under ${operation}. Feilen er logget.`);
}
