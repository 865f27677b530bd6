/**
 * AES-256-GCM for credentials kept in the control table. The key is derived (HKDF-SHA-256) from
 * the stack's generated secret, which reaches only functions granted `apolloCredentials`. Each
 * sealed value is bound to what it is (workspace and kind, as associated data): an item copied
 * to another workspace's key, or edited, does not open.
 */
import { SEALING_IV_BYTES as IV_BYTES, deriveSealingKey, openWithKey, sealWithKey } from '../../platform/aes-gcm.ts';

const VERSION = 'v1';
const TAG_BYTES = 16;
const HKDF_SALT = 'leadstack';
const HKDF_INFO = 'apollo-credentials/aes-256-gcm';

export class CredentialsCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('the credentials key must be at least 32 characters');
    this.key = deriveSealingKey(secret, HKDF_SALT, HKDF_INFO);
  }

  /** `v1.<base64url of iv | tag | ciphertext>` */
  seal(plaintext: string, boundTo: string): string {
    const { iv, tag, ciphertext } = sealWithKey(this.key, plaintext, boundTo);
    return `${VERSION}.${Buffer.concat([iv, tag, ciphertext]).toString('base64url')}`;
  }

  /** Throws (without the content) when the value was sealed with another key, for something else, or changed. */
  open(sealed: string, boundTo: string): string {
    const [version, payload] = sealed.split('.', 2);
    if (version !== VERSION || payload === undefined) throw new Error('sealed credentials in an unknown format');
    const raw = Buffer.from(payload, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed credentials are truncated');
    const parts = { iv: raw.subarray(0, IV_BYTES), tag: raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), ciphertext: raw.subarray(IV_BYTES + TAG_BYTES) };
    try {
      return openWithKey(this.key, parts, boundTo);
    } catch (error) {
      throw new Error('sealed credentials do not open with this key', { cause: error });
    }
  }
}
