import type { User, UserPatch } from '../domain/accounts/user.ts';

/**
 * Users of every workspace. Emails are unique across the service (sign-in takes only an email),
 * compared case-insensitively. The store keeps the count of active admins per workspace in the
 * same transaction as every change, so "the last admin cannot be demoted" holds under races.
 */
export interface UserStore {
  /** Throws ERR_CONFLICT when the email is taken. */
  create(user: User): Promise<void>;
  get(workspaceId: string, userId: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  list(workspaceId: string): Promise<User[]>;
  /**
   * Writes only the patch's fields. A change of role or status applies only if they are still
   * what `current` says (ERR_CONFLICT otherwise, or for the last admin). A deactivation also
   * stamps `sessionsValidAfter` and `keysValidAfter` with `at`. Answers the user as stored.
   */
  update(current: User, patch: UserPatch, at?: string): Promise<User>;
  /** Sets the password hash and voids every session issued before `at`. */
  setPassword(workspaceId: string, userId: string, passwordHash: string, at: string): Promise<void>;
  recordLogin(workspaceId: string, userId: string, at: string): Promise<void>;
}

export interface RefreshTokenRecord {
  /** SHA-256 of the token; the token itself is never stored. */
  readonly hash: string;
  readonly familyId: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  /** Set once the token was exchanged; a second exchange is a reuse. */
  readonly usedAt?: string;
}

export interface SessionFamily {
  readonly familyId: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt?: string;
}

export type RotateOutcome = 'rotated' | 'reused' | 'revoked';

/** Refresh-token families: one per sign-in, one live token at a time. */
export interface SessionStore {
  start(family: SessionFamily, first: RefreshTokenRecord): Promise<void>;
  findToken(hash: string): Promise<RefreshTokenRecord | undefined>;
  findFamily(familyId: string): Promise<SessionFamily | undefined>;
  /** Atomically marks `usedHash` used and stores `next`, unless it was used already or the family is revoked. */
  rotate(usedHash: string, next: RefreshTokenRecord, at: string): Promise<RotateOutcome>;
  revokeFamily(familyId: string, at: string): Promise<void>;
}

export type OneTimeTokenPurpose = 'password_reset' | 'invitation';

export interface OneTimeTokenRecord {
  readonly hash: string;
  readonly purpose: OneTimeTokenPurpose;
  readonly workspaceId: string;
  readonly userId: string;
  readonly expiresAt: string;
}

/** Password-reset and invitation tokens: stored hashed, consumed at most once. */
export interface OneTimeTokenStore {
  put(record: OneTimeTokenRecord): Promise<void>;
  find(hash: string): Promise<OneTimeTokenRecord | undefined>;
  /** Deletes the token atomically; only one caller ever gets `true`. */
  consume(hash: string): Promise<boolean>;
}

/** Fixed-window counters shared by every Lambda (atomic increments with a TTL). */
export interface RateCounter {
  /** Adds `delta` to the counter `key` (created at 0) and answers the new value. */
  add(key: string, delta: number, expiresAtEpochSeconds: number): Promise<number>;
}

export type ChargeOutcome = { readonly ok: true; readonly used: number } | { readonly ok: false; readonly used: number };

/** Rows each user downloaded per period. */
export interface DownloadLedger {
  /** Adds `rows` unless the total would pass `limit` (then nothing changes). */
  charge(workspaceId: string, userId: string, period: string, rows: number, limit: number, expiresAtEpochSeconds: number): Promise<ChargeOutcome>;
  /**
   * Charges `rows` once per `receipt` (e.g. one job's file for one downloader): the receipt and
   * the charge are written together, so a second call with the same receipt charges nothing
   * (`alreadyPaid`), and concurrent calls charge once.
   */
  chargeOnce(
    workspaceId: string,
    userId: string,
    receipt: string,
    period: string,
    rows: number,
    limit: number,
    expiresAtEpochSeconds: number,
  ): Promise<ChargeOutcome & { readonly alreadyPaid?: boolean }>;
  /** Gives rows back (work that was charged but could not start). */
  refund(workspaceId: string, userId: string, period: string, rows: number): Promise<void>;
  used(workspaceId: string, userId: string, period: string): Promise<number>;
}

/** Per-workspace settings of the accounts area. */
export interface WorkspaceLimits {
  /** Requests per hour per user or key, when the workspace overrides the default. */
  apiRequestsPerHour(workspaceId: string): Promise<number | undefined>;
  setApiRequestsPerHour(workspaceId: string, perHour: number): Promise<void>;
  /** Monthly download rows per user that a paid plan grants, while it is in force. */
  downloadRowsPerUser(workspaceId: string): Promise<number | undefined>;
}
