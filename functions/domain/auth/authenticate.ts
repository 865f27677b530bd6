import type { RateCounter, SessionStore, UserStore, WorkspaceLimits } from '../../ports/accounts.port.ts';
import type { ApiKeyCatalog, ApiKeyRecord } from '../../ports/api-keys.port.ts';
import { isActiveSession } from '../accounts/sessions.ts';
import type { AccessTokens } from './access-token.ts';
import { looksLikeJwt } from './access-token.ts';
import { API_KEY_PREFIX, hashApiKey } from './api-key.ts';
import type { Principal, Role } from './principal.ts';
import { DEFAULT_API_REQUESTS_PER_HOUR, apiRule, hit } from './rate-limit.ts';
import { once } from '../../platform/services/once.ts';

/** `last_used_at` is written at most this often per key: one write a minute, not one per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;
/** A workspace's own rate limit is re-read this often by a warm authorizer. */
const LIMITS_CACHE_MS = 5 * 60_000;
const MAX_CREDENTIAL_LENGTH = 4096;

export interface AuthenticateDeps {
  readonly tokens: () => AccessTokens;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly keys: ApiKeyCatalog;
  readonly counter: RateCounter;
  readonly limits: WorkspaceLimits;
}

export type Authentication =
  | { readonly ok: true; readonly principal: Principal; readonly retryAfterSeconds?: number }
  | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): Authentication => ({ ok: false, reason });

/** The credential of `Authorization: Bearer <credential>`, whatever its kind. */
export function bearerCredential(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const credential = match?.[1];
  return credential && credential.length <= MAX_CREDENTIAL_LENGTH ? credential : undefined;
}

const lowerRole = (a: Role, b: Role): Role => (a === 'admin' && b === 'admin' ? 'admin' : 'user');

async function fromJwt(deps: AuthenticateDeps, token: string, now: Date): Promise<Authentication> {
  const claims = await deps.tokens().verify(token, now);
  if (!claims) return refuse('invalid or expired access token');
  const [user, family] = await Promise.all([deps.users.get(claims.workspaceId, claims.userId), deps.sessions.findFamily(claims.sessionId)]);
  if (!user || !user.isActive) return refuse('unknown or inactive user');
  if (!family || family.userId !== user.id || !isActiveSession(family, user, now)) return refuse('session ended');
  // The role is read from the user, not the token: a demotion takes effect on the next request.
  return { ok: true, principal: { workspaceId: user.workspaceId, userId: user.id, role: user.role } };
}

async function fromApiKey(deps: AuthenticateDeps, key: string, now: Date): Promise<Authentication> {
  const hash = hashApiKey(key);
  const record = await deps.keys.findByHash(hash);
  if (!record || record.revokedAt) return refuse('unknown or revoked API key');
  let role: Role = record.role ?? 'admin';
  if (record.createdBy) {
    // A key acts for the user who made it: it stops with them and never outranks them.
    const creator = await deps.users.get(record.workspaceId, record.createdBy);
    if (!creator || !creator.isActive) return refuse('the key creator is inactive');
    // A deactivation voids every key made before it, even if a revocation write was missed.
    if (creator.keysValidAfter !== undefined && record.createdAt <= creator.keysValidAfter) return refuse('the key predates a deactivation of its creator');
    role = lowerRole(role, creator.role);
  }
  await touchKey(deps.keys, record, now);
  const principal: Principal = {
    workspaceId: record.workspaceId,
    keyId: record.keyId,
    role,
    ...(record.createdBy ? { userId: record.createdBy } : {}),
  };
  return { ok: true, principal };
}

async function touchKey(keys: ApiKeyCatalog, record: ApiKeyRecord, now: Date): Promise<void> {
  const notBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  if (record.lastUsedAt !== undefined && record.lastUsedAt >= notBefore) return;
  await keys.touch(record.hash, now.toISOString(), notBefore);
}

// Per process, like a warm container's clients (and forgotten with them by resetProcessState).
const limitCache = once(() => new Map<string, { perHour: number; until: number }>());

async function apiLimit(limits: WorkspaceLimits, workspaceId: string, now: Date): Promise<number> {
  const cached = limitCache().get(workspaceId);
  if (cached && cached.until > now.getTime()) return cached.perHour;
  const perHour = (await limits.apiRequestsPerHour(workspaceId)) ?? DEFAULT_API_REQUESTS_PER_HOUR;
  limitCache().set(workspaceId, { perHour, until: now.getTime() + LIMITS_CACHE_MS });
  return perHour;
}

/**
 * Resolves `Authorization: Bearer <JWT | API key>` to a principal and counts the request against
 * the hourly API limit of its user (the signed-in one, or the one who made the key) or, for an
 * operator key, of the key. Over the limit, the principal is still returned with
 * `retryAfterSeconds`, so the route can answer 429 in the API's own error shape.
 */
export async function authenticate(deps: AuthenticateDeps, authorization: string | undefined, now = new Date()): Promise<Authentication> {
  const credential = bearerCredential(authorization);
  if (!credential) return refuse('no bearer credential');
  let outcome: Authentication;
  if (credential.startsWith(API_KEY_PREFIX)) outcome = await fromApiKey(deps, credential, now);
  else if (looksLikeJwt(credential)) outcome = await fromJwt(deps, credential, now);
  else return refuse('unrecognised credential');
  if (!outcome.ok) return outcome;
  const { principal } = outcome;
  // A user's keys share the user's counter, so making more keys buys no more requests; only
  // operator keys (no user behind them) count on their own.
  const subject = principal.userId ? `user:${principal.workspaceId}:${principal.userId}` : `key:${principal.keyId}`;
  const rate = await hit(deps.counter, apiRule(await apiLimit(deps.limits, principal.workspaceId, now)), subject, now);
  return rate.allowed ? outcome : { ok: true, principal, retryAfterSeconds: rate.retryAfterSeconds };
}
