/**
 * AES-256-GCM with a key derived (HKDF-SHA-256) from a deployment secret: the one primitive
 * behind every secret leadstack keeps sealed in its tables. The associated data binds a sealed
 * value to what it belongs to (a workspace, a kind), so a copied or edited value does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const KEY_BYTES = 32;

/** A key for one purpose (`info`), derived from a deployment secret. */
export const deriveSealingKey = (secret: string, salt: string, info: string): Buffer => Buffer.from(hkdfSync('sha256', secret, salt, info, KEY_BYTES));

export interface SealedParts {
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

export function sealWithKey(key: Buffer, plaintext: string, boundTo: string): SealedParts {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Throws when the parts were sealed with another key, for something else, or changed. */
export function openWithKey(key: Buffer, parts: SealedParts, boundTo: string): string {
  const decipher = createDecipheriv(ALGORITHM, key, parts.iv);
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
}

export const SEALING_IV_BYTES = IV_BYTES;
