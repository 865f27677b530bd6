import { createHash, randomBytes } from 'node:crypto';

/** Recognisable in logs and secret scanners, so a leaked key is easy to find and revoke. */
export const API_KEY_PREFIX = 'lsk_';
const SECRET_BYTES = 32;

/** A new key: shown to its owner once; only its hash is ever stored. */
export function generateApiKey(): { key: string; hash: string; displayPrefix: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { key, hash: hashApiKey(key), displayPrefix: key.slice(0, API_KEY_PREFIX.length + 6) };
}

/**
 * SHA-256 is the right hash here, unlike for passwords: a key carries 256 random bits, so there
 * is nothing to brute-force, and the authorizer runs this on every request.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key from `Authorization: Bearer <key>`, or undefined when the header is not of that form. */
export function bearerKey(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const key = match?.[1];
  return key?.startsWith(API_KEY_PREFIX) && key.length < 200 ? key : undefined;
}
