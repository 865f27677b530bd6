import { deriveSealingKey, openWithKey, sealWithKey } from '../../platform/aes-gcm.ts';
import type { SealedKey } from '../../ports/lookups.port.ts';

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
    this.key = deriveSealingKey(deploymentSecret, 'leadstack', HKDF_INFO);
  }

  seal(workspaceId: string, plaintext: string, rotatedAt: string, rotatedBy?: string): SealedKey {
    const { iv, tag, ciphertext } = sealWithKey(this.key, plaintext, workspaceId);
    return {
      ciphertext: ciphertext.toString('base64'),
      iv: iv.toString('base64'),
      tag: tag.toString('base64'),
      hint: plaintext.slice(-HINT_CHARS),
      rotatedAt,
      ...(rotatedBy ? { rotatedBy } : {}),
    };
  }

  /** Undefined when the sealed key does not open (another workspace's, or the secret changed). */
  open(workspaceId: string, sealed: SealedKey): string | undefined {
    try {
      const parts = { iv: Buffer.from(sealed.iv, 'base64'), tag: Buffer.from(sealed.tag, 'base64'), ciphertext: Buffer.from(sealed.ciphertext, 'base64') };
      return openWithKey(this.key, parts, workspaceId);
    } catch {
      return undefined;
    }
  }
}
