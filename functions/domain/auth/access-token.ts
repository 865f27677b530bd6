import { SignJWT, jwtVerify, errors } from 'jose';
import { isRole, type Role } from './principal.ts';

/** Short-lived: a stolen access token is useful for minutes; sessions live on through refresh. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const TOKEN_ISSUER = 'leadstack';
export const TOKEN_AUDIENCE = 'leadstack-api';
/** HS256 keys shorter than the hash output weaken it (RFC 7518 §3.2). */
export const MIN_SIGNING_SECRET_LENGTH = 32;
const ALGORITHM = 'HS256';
/** Tolerated clock difference between the signer and the verifier. */
const CLOCK_TOLERANCE_SECONDS = 5;

export interface AccessClaims {
  readonly userId: string;
  readonly workspaceId: string;
  readonly role: Role;
  /** The refresh-token family (session) this token belongs to; logout revokes it. */
  readonly sessionId: string;
}

/** A JWT looks like `eyJ...`: three base64url parts, the header a JSON object. */
export const looksLikeJwt = (token: string): boolean => /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(token);

/**
 * Signs and verifies access tokens (HS256, with iss, aud, sub, iat and exp, plus the workspace,
 * the role and the session). Verification pins the algorithm, so `alg: none` and any other
 * algorithm are refused, as are a wrong issuer or audience and an expired token.
 */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    if (secret.length < MIN_SIGNING_SECRET_LENGTH) {
      throw new Error(`The token signing secret must be at least ${MIN_SIGNING_SECRET_LENGTH} characters`);
    }
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: AccessClaims, now = new Date()): Promise<{ token: string; expiresIn: number }> {
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({ ws: claims.workspaceId, role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(claims.userId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
      .sign(this.key);
    return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** The claims of a valid token, or undefined for anything else (never throws on bad input). */
  async verify(token: string, now = new Date()): Promise<AccessClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: now,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const { sub, ws, role, sid } = payload;
      if (typeof sub !== 'string' || typeof ws !== 'string' || typeof sid !== 'string' || !isRole(role)) return undefined;
      return { userId: sub, workspaceId: ws, role, sessionId: sid };
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }
}
