import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { SealedKey } from '../../ports/lookups.port.ts';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const KEY_BYTES = 32;
/** Binds each derived key to its purpose, so the deployment secret it comes from signs nothing else with it. */
const HKDF_INFO = 'leadstack provider keys v1';
const HINT_CHARS = 4;

/**
 * Seals workspaces' provider keys with AES-256-GCM under a key derived (HKDF-SHA256) from a
 * deployment secret, the same one on AWS and locally. The workspace id is the GCM associated
 * data: a sealed key copied into another workspace's item does not open.
 */
export class ProviderKeyBox {
  private readonly key: Buffer;

  constructor(deploymentSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', deploymentSecret, 'leadstack', HKDF_INFO, KEY_BYTES));
  }

  seal(workspaceId: string, plaintext: string, rotatedAt: string, rotatedBy?: string): SealedKey {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    cipher.setAAD(Buffer.from(workspaceId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      ciphertext: ciphertext.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      hint: plaintext.slice(-HINT_CHARS),
      rotatedAt,
      ...(rotatedBy ? { rotatedBy } : {}),
    };
  }

  /** Undefined when the sealed key does not open (another workspace's, or the secret changed). */
  open(workspaceId: string, sealed: SealedKey): string | undefined {
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(workspaceId, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
