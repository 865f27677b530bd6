import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: nothing to brute-force, so a fast hash is the right one to store. */
const TOKEN_BYTES = 32;

/** Prefixes make a leaked token recognisable in logs and secret scanners. */
export const REFRESH_TOKEN_PREFIX = 'lsr_';
export const RESET_TOKEN_PREFIX = 'lsp_';

/** A new opaque token and the hash that is stored in its place. */
export function generateOpaqueToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
  return { token, hash: hashOpaqueToken(token) };
}

export const hashOpaqueToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
