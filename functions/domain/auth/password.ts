import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt parameters: N = 2^15 (32 MiB), r = 8, p = 3, one of OWASP's equivalent minimum
 * configurations for scrypt, chosen to fit a 256 MB Lambda. They are stored with each hash, so
 * raising them later only changes new hashes (and `needsRehash` tells the caller when to).
 */
export const SCRYPT_COST = 2 ** 15;
export const SCRYPT_BLOCK_SIZE = 8;
export const SCRYPT_PARALLELISM = 3;
export const SCRYPT_KEY_BYTES = 32;
export const SCRYPT_SALT_BYTES = 16;
/** Node refuses N * r * 128 above `maxmem` (32 MiB by default, exactly our need): leave room. */
const SCRYPT_MAX_MEMORY = 64 * 1024 * 1024;
const SCHEME = 'scrypt';

export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the work a hostile request can ask of scrypt. */
export const PASSWORD_MAX_LENGTH = 128;

interface Params {
  readonly cost: number;
  readonly blockSize: number;
  readonly parallelism: number;
}

const CURRENT: Params = { cost: SCRYPT_COST, blockSize: SCRYPT_BLOCK_SIZE, parallelism: SCRYPT_PARALLELISM };

function derive(password: string, salt: Buffer, params: Params, keyBytes: number): Promise<Buffer> {
  const options: ScryptOptions = { N: params.cost, r: params.blockSize, p: params.parallelism, maxmem: SCRYPT_MAX_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const encode = (params: Params, salt: Buffer, key: Buffer): string =>
  [SCHEME, params.cost, params.blockSize, params.parallelism, salt.toString('base64url'), key.toString('base64url')].join('$');

function decode(encoded: string): { params: Params; salt: Buffer; key: Buffer } | undefined {
  const [scheme, cost, blockSize, parallelism, salt, key] = encoded.split('$');
  if (scheme !== SCHEME || !salt || !key) return undefined;
  const params = { cost: Number(cost), blockSize: Number(blockSize), parallelism: Number(parallelism) };
  if (!Object.values(params).every((n) => Number.isInteger(n) && n > 0)) return undefined;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Random bytes in the current format: verifying against it costs a real scrypt run and never succeeds. */
export const DUMMY_PASSWORD_HASH = encode(CURRENT, randomBytes(SCRYPT_SALT_BYTES), randomBytes(SCRYPT_KEY_BYTES));
const DUMMY = decode(DUMMY_PASSWORD_HASH)!;

/** `scrypt$N$r$p$<salt>$<key>`, with a fresh random salt per call. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT_SALT_BYTES);
  return encode(CURRENT, salt, await derive(password, salt, CURRENT, SCRYPT_KEY_BYTES));
}

/**
 * Verifies in constant time. An unknown user is checked against `DUMMY_PASSWORD_HASH` (same
 * parameters, random bytes that match nothing) so that "no such email" costs the same scrypt
 * run as "wrong password": no timing oracle on which emails exist.
 */
export async function verifyPassword(password: string, encoded: string | undefined): Promise<boolean> {
  const stored = (encoded === undefined ? undefined : decode(encoded)) ?? DUMMY;
  const candidate = await derive(password, stored.salt, stored.params, stored.key.length);
  return timingSafeEqual(candidate, stored.key) && stored !== DUMMY;
}

/** True when a hash was made with other parameters than today's. */
export const needsRehash = (encoded: string): boolean => {
  const stored = decode(encoded);
  return !stored || stored.params.cost !== CURRENT.cost || stored.params.blockSize !== CURRENT.blockSize || stored.params.parallelism !== CURRENT.parallelism;
};


/**
 * Minimum strength, after NIST SP 800-63B: length matters most, so at least 10 characters, at
 * least one letter and one digit, not one repeated character, and not the account's own email
 * or name. Each failed rule is one message, so a form can show them all.
 */
export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (!/\p{L}/u.test(password)) problems.push('Must contain a letter');
  if (!/\p{N}/u.test(password)) problems.push('Must contain a digit');
  if (password.length > 0 && new Set(password).size === 1) problems.push('Must not be one repeated character');
  const lowered = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lowered.includes(local)) problems.push('Must not contain your email address');
  const name = context.name?.trim().toLowerCase();
  if (name && name.length >= 3 && lowered.includes(name)) problems.push('Must not contain your name');
  return problems;
}

/** A password that meets the rules, for the admin CLI and seeded development users. */
export function generatePassword(): string {
  // 18 bytes → 24 base64url characters; the suffix guarantees the letter and digit rules.
  return `${randomBytes(18).toString('base64url')}a7`;
}
