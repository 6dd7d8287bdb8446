/**
 * Opaque page cursors. A cursor is tied to the sort it was made for, so a client that changes the
 * sort without starting over gets a clear error instead of a silently shifted page.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';

interface CursorState {
  o: number;
  s: string;
}

export function encodeCursor(offset: number, sort: Record<string, string>): string {
  const state: CursorState = { o: offset, s: JSON.stringify(sort) };
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: Record<string, string>): number {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorState>;
    if (
      typeof state.o === 'number' &&
      Number.isInteger(state.o) &&
      state.o >= 0 &&
      state.s === JSON.stringify(sort)
    )
      return state.o;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation', 'invalid_cursor', 'Ugyldig side-peker (cursor). Start fra første side.');
}

/**
 * A cursor whose content the client cannot read: the audit log pages by the entry's sequence number,
 * and gaps in it would tell a viewer how many entries it may not see. Sealed with a key of this
 * process, so a cursor does not outlive a restart (the client starts from the first page again).
 */
const SEAL_KEY = randomBytes(32);

export function sealCursor(offset: number, sort: Record<string, string>): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', SEAL_KEY, iv);
  const body = Buffer.concat([c.update(encodeCursor(offset, sort), 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
}

export function openCursor(cursor: string, sort: Record<string, string>): number {
  let plain = '';
  try {
    const raw = Buffer.from(cursor, 'base64url');
    const d = createDecipheriv('aes-256-gcm', SEAL_KEY, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    plain = Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  } catch {
    // a tampered, foreign or stale cursor: the same error as any other bad cursor
  }
  return decodeCursor(plain, sort);
}
