/**
 * Database failures in words a user can act on. A driver's message ("bind message has 70000 parameter
 * formats …", "value out of range for type bigint") is English and internal; the user is told which
 * operation failed and, where the SQLSTATE says it, why. The code stays available on the error.
 */
import { RegisterError } from './edits.js';

const BY_CLASS: Record<string, string> = {
  '08': 'forbindelsen til databasen ble brutt',
  '22': 'en verdi passet ikke i databasen (for stor eller ugyldig)',
  '23': 'dataene brøt en regel i databasen',
  '40': 'databasen avbrøt transaksjonen på grunn av samtidige endringer; prøv igjen',
  '53': 'databasen mangler ressurser (disk eller minne)',
  '54': 'forespørselen ble for stor for databasen',
  '57': 'databasen avbrøt operasjonen',
  '58': 'databasen fikk en systemfeil (disk?)',
  XX: 'databasen rapporterte en intern feil',
};

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE']);

/** Why a database operation failed, in Norwegian, from the error's code (never its driver text). */
export function dbReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (NETWORK.has(code)) return `fikk ikke kontakt med databaseserveren (${code})`;
    if (/^[0-9A-Z]{5}$/.test(code))
      return `${BY_CLASS[code.slice(0, 2)] ?? 'databasen avviste operasjonen'} (kode ${code})`;
  }
  return 'databasen avviste operasjonen';
}

/** Wrap any error from `run` that is not already a Norwegian RegisterError. */
export async function asRegisterError<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof RegisterError) throw err;
    const wrapped = new RegisterError('database_error', `Databasefeil under ${operation}: ${dbReason(err)}.`);
    wrapped.cause = err;
    throw wrapped;
  }
}
