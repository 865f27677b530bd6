import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, generatePassword, hashPassword, needsRehash, passwordProblems, verifyPassword } from '../../../../functions/domain/auth/password.ts';

describe('passwords (scrypt)', () => {
  it('It should verify the right password and refuse a wrong one, with a fresh salt per hash', async () => {
    const first = await hashPassword('Correct-horse-1');
    const second = await hashPassword('Correct-horse-1');

    expect(first).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('Correct-horse-1', first)).toBe(true);
    expect(await verifyPassword('Correct-horse-2', first)).toBe(false);
    expect(needsRehash(first)).toBe(false);
  });

  it('It should never accept anything for an unknown user, a malformed hash or the dummy hash', async () => {
    expect(await verifyPassword('anything-1', undefined)).toBe(false);
    expect(await verifyPassword('anything-1', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('anything-1', DUMMY_PASSWORD_HASH)).toBe(false);
    expect(needsRehash('scrypt$1024$8$1$a$b')).toBe(true);
  });

  it('It should name every weakness of a password, and accept a generated one', () => {
    expect(passwordProblems('short')).toEqual(expect.arrayContaining(['Must be at least 10 characters', 'Must contain a digit']));
    expect(passwordProblems('1234567890')).toContain('Must contain a letter');
    expect(passwordProblems('aaaaaaaaaaaa')).toContain('Must not be one repeated character');
    expect(passwordProblems('annsmith-2025', { email: 'annsmith@example.com' })).toContain('Must not contain your email address');
    expect(passwordProblems('Long-enough-1')).toEqual([]);
    expect(passwordProblems(generatePassword())).toEqual([]);
  });
});
