/**
 * Opaque page cursors. A cursor is tied to the sort it was made for, so a client that changes the
 * sort without starting over gets a clear error instead of a silently shifted page.
 */
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
