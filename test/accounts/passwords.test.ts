/** Password hashing: salted scrypt with its parameters in the stored form, and the rules for new ones. */
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/app/auth/passwords.js';
import { CHEAP } from './harness.js';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('riktig hest batteri', CHEAP);
    expect(await verifyPassword('riktig hest batteri', h)).toBe(true);
    expect(await verifyPassword('riktig hest batteri ', h)).toBe(false);
    expect(await verifyPassword('Riktig hest batteri', h)).toBe(false);
  });

  it('stores parameters and a fresh salt with every hash, never the password', async () => {
    const a = await hashPassword('samme passord her', CHEAP);
    const b = await hashPassword('samme passord her', CHEAP);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('samme');
    // Verification reads the cost from the hash, whatever the current default is.
    expect(await verifyPassword('samme passord her', b)).toBe(true);
  });

  it('treats a malformed stored hash as no match', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$10$8$1$AAAA$AAAA')).toBe(false);
  });

  it('says in Norwegian why a new password is refused', () => {
    expect(passwordProblem('kort')).toMatch(/minst 10 tegn/);
    expect(passwordProblem('langt nok passord')).toBeNull();
  });
});
