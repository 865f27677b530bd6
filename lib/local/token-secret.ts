/**
 * The local counterpart of the stack's Secrets Manager secret that signs access tokens: made
 * once per data directory (mode 0600) so tokens survive a restart, and handed to handlers as
 * AUTH_TOKEN_SECRET, the variable CDK fills from the secret on AWS.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILE = 'token-signing-secret';
/** 48 random bytes → 64 base64url characters, like the stack's generated secret. */
const SECRET_BYTES = 48;

export async function ensureTokenSecret(dataDir: string): Promise<string> {
  return ensureLocalSecret(dataDir, FILE);
}

/** The same for any generated secret of the stack, one file each in the data directory. */
export async function ensureLocalSecret(dataDir: string, fileName: string): Promise<string> {
  const file = path.join(dataDir, fileName);
  const saved = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (saved.length >= 32) return saved;
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
