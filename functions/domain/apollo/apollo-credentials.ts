/**
 * The credential routes' use cases: a pasted session or an API key goes in (write-only), and
 * what is set comes out without a secret in it.
 */
import { z } from 'zod';
import type { ApolloCredentialAdmin, ApolloCredentialStatus } from '../../ports/apollo-source.port.ts';
import { parseSessionCookies } from './session-cookies.ts';

/** Apollo's keys are a few dozen characters; anything past this is not one. */
export const MAX_API_KEY_LENGTH = 200;

export const apiKeyBodySchema = z
  .object({
    api_key: z
      .string()
      .trim()
      .min(8, 'Must be an Apollo API key')
      .max(MAX_API_KEY_LENGTH)
      .regex(/^[\x21-\x7e]+$/, 'Must be printable characters without spaces'),
  })
  .strict();

/** The answer of every credential route: what is set, when, and never a value. */
export const credentialStatusBody = (status: ApolloCredentialStatus) => ({
  session: status.session
    ? { set: true, stored_at: status.session.storedAt, earliest_expiry: status.session.earliestExpiry, cookie_count: status.session.cookieCount }
    : { set: false },
  api_key: status.apiKey ? { set: true, stored_at: status.apiKey.storedAt } : { set: false },
  /** Which one a collection uses: the key when one is set. */
  source: status.apiKey ? 'api' : status.session ? 'browser_session' : null,
});

export interface SessionPolicyInput {
  readonly appHost: string;
  readonly now: Date;
}

export async function putApolloSession(store: ApolloCredentialAdmin, workspaceId: string, body: unknown, policy: SessionPolicyInput): Promise<ApolloCredentialStatus> {
  const cookies = parseSessionCookies(body, { appHost: policy.appHost, nowSeconds: Math.floor(policy.now.getTime() / 1000) });
  return store.putSession(workspaceId, cookies);
}
