import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import type { RefreshTokenRecord, SessionFamily, SessionStore, UserStore } from '../../ports/accounts.port.ts';
import type { AccessTokens } from '../auth/access-token.ts';
import { REFRESH_TOKEN_PREFIX, generateOpaqueToken, hashOpaqueToken } from '../auth/opaque-token.ts';
import { logger } from '../../platform/logger.ts';
import type { User } from './user.ts';

/** A refresh token is good for 14 days, and a session (its family) for 30 days from sign-in. */
export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

const plus = (now: Date, seconds: number): string => new Date(now.getTime() + seconds * 1000).toISOString();

/** A session is live until it expires, is revoked, or a password change voids everything before it. */
export function isActiveSession(family: SessionFamily, user: Pick<User, 'sessionsValidAfter'>, now: Date): boolean {
  if (family.revokedAt !== undefined) return false;
  if (family.expiresAt <= now.toISOString()) return false;
  return user.sessionsValidAfter === undefined || family.createdAt >= user.sessionsValidAfter;
}

export interface SessionDeps {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: () => AccessTokens;
}

export interface TokenPair {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly refresh_token: string;
  readonly refresh_expires_at: string;
}

function nextRefreshToken(family: SessionFamily, now: Date): { token: string; record: RefreshTokenRecord } {
  const { token, hash } = generateOpaqueToken(REFRESH_TOKEN_PREFIX);
  const ttlEnd = plus(now, REFRESH_TOKEN_TTL_SECONDS);
  const expiresAt = ttlEnd < family.expiresAt ? ttlEnd : family.expiresAt;
  return { token, record: { hash, familyId: family.familyId, workspaceId: family.workspaceId, userId: family.userId, issuedAt: now.toISOString(), expiresAt } };
}

async function pair(deps: SessionDeps, user: User, family: SessionFamily, refresh: { token: string; record: RefreshTokenRecord }, now: Date): Promise<TokenPair> {
  const access = await deps.tokens().issue({ userId: user.id, workspaceId: user.workspaceId, role: user.role, sessionId: family.familyId }, now);
  return { access_token: access.token, token_type: 'Bearer', expires_in: access.expiresIn, refresh_token: refresh.token, refresh_expires_at: refresh.record.expiresAt };
}

/** Starts a session (a new refresh-token family) for a user who just proved who they are. */
export async function startSession(deps: SessionDeps, user: User, now = new Date()): Promise<TokenPair> {
  const family: SessionFamily = {
    familyId: randomUUID(),
    workspaceId: user.workspaceId,
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: plus(now, SESSION_TTL_SECONDS),
  };
  const first = nextRefreshToken(family, now);
  await deps.sessions.start(family, first.record);
  return pair(deps, user, family, first, now);
}

const sessionEnded = (): AppError => new AppError('ERR_UNAUTHORIZED', 'The refresh token is invalid, expired or revoked; sign in again');

/**
 * Exchanges a refresh token for a new pair. Each token works once: presenting a used one means
 * it was copied, so the whole family is revoked (the thief's and the owner's tokens alike).
 *
 * ```
 * owner:  login → R1 ──refresh──▶ R2 ──refresh──▶ R3
 * thief:        copies R1 ──refresh(R1)──▶ reuse! family revoked: R3 and every access token die
 * ```
 */
export async function refreshSession(deps: SessionDeps, refreshToken: string, now = new Date()): Promise<TokenPair> {
  const hash = hashOpaqueToken(refreshToken);
  const token = await deps.sessions.findToken(hash);
  if (!token || token.expiresAt <= now.toISOString()) throw sessionEnded();
  const [family, user] = await Promise.all([deps.sessions.findFamily(token.familyId), deps.users.get(token.workspaceId, token.userId)]);
  if (!family || !user || !user.isActive || !isActiveSession(family, user, now)) throw sessionEnded();
  if (token.usedAt !== undefined) return revokeOnReuse(deps, family, now);
  const next = nextRefreshToken(family, now);
  const outcome = await deps.sessions.rotate(hash, next.record, now.toISOString());
  if (outcome === 'reused') return revokeOnReuse(deps, family, now);
  if (outcome === 'revoked') throw sessionEnded();
  return pair(deps, user, family, next, now);
}

async function revokeOnReuse(deps: SessionDeps, family: SessionFamily, now: Date): Promise<never> {
  await deps.sessions.revokeFamily(family.familyId, now.toISOString());
  logger.warn('Refresh token reused: session revoked', { familyId: family.familyId, userId: family.userId, workspaceId: family.workspaceId });
  throw sessionEnded();
}

/** Ends the session the refresh token belongs to; its access tokens stop working at once. Idempotent. */
export async function endSession(deps: Pick<SessionDeps, 'sessions'>, refreshToken: string, now = new Date()): Promise<void> {
  const token = await deps.sessions.findToken(hashOpaqueToken(refreshToken));
  if (token) await deps.sessions.revokeFamily(token.familyId, now.toISOString());
}
