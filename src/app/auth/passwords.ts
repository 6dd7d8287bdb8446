/**
 * Password hashing with scrypt from node:crypto (no native dependency). The stored form carries its
 * own parameters and salt, `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking
 * existing hashes, and tests can use a cheap cost by passing parameters instead of patching a global.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * One of OWASP's equivalent minimum settings for scrypt (N=2^15, r=8, p=3): 32 MiB per hash, so a burst
 * of logins cannot exhaust a small server's memory the way N=2^17 (128 MiB) would.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const MAX_PASSWORD = 1024;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((v) => Number.isInteger(v) && v > 0)) return null;
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** True when the password matches; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || password.length > MAX_PASSWORD) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/**
 * Spend the same work as a real verification for a username that does not exist (or has no password),
 * so the response time does not tell which usernames are registered.
 */
export async function verifyNothing(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<false> {
  await derive(password.slice(0, MAX_PASSWORD), randomBytes(16), params);
  return false;
}

/** Rules every new password meets; returns a Norwegian reason, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Passordet må ha minst 10 tegn.';
  if (password.length > MAX_PASSWORD) return `Passordet kan ha høyst ${MAX_PASSWORD} tegn.`;
  return null;
}
