/**
 * Random secrets and their storage form. Session cookies and API tokens carry 32 random bytes; the
 * register keeps only their SHA-256, which is enough for a lookup because the input has full entropy
 * (a slow hash buys nothing against a 256-bit secret).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compare two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length) {
    // Still spend a comparison, so the length difference is the only thing timing reveals.
    timingSafeEqual(x, x);
    return false;
  }
  return timingSafeEqual(x, y);
}
