import type { Role } from '../auth/principal.ts';

/** Rows a new user may export or look up per period unless an admin sets another limit. */
export const DEFAULT_DOWNLOAD_LIMIT = 10_000;
/** The largest limit an admin may set (the counter is a DynamoDB number; this keeps it sane). */
export const MAX_DOWNLOAD_LIMIT = 100_000_000;

export interface User {
  readonly id: string;
  readonly workspaceId: string;
  /** As typed at creation; uniqueness and sign-in compare `normaliseEmail(email)`. */
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly isActive: boolean;
  readonly downloadLimit: number;
  /** Absent for an invited user who has not chosen a password yet. */
  readonly passwordHash?: string;
  readonly lastLogin?: string;
  readonly dateJoined: string;
  /** Sessions and access tokens issued before this instant are void (set by a password change). */
  readonly sessionsValidAfter?: string;
  /** API keys the user created before this instant are void (set by a deactivation). */
  readonly keysValidAfter?: string;
}

export interface UserPatch {
  readonly name?: string;
  readonly role?: Role;
  readonly isActive?: boolean;
  readonly downloadLimit?: number;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** The profile as clients see it (seed 004's shape); never the password hash. */
export function publicUser(user: User): Record<string, unknown> {
  return {
    id: user.id,
    username: user.email,
    email: user.email,
    name: user.name,
    role: user.role,
    is_active: user.isActive,
    download_limit: user.downloadLimit,
    last_login: user.lastLogin ?? null,
    date_joined: user.dateJoined,
  };
}

/** Counts towards "a workspace keeps at least one active admin". */
export const isActiveAdmin = (user: Pick<User, 'role' | 'isActive'>): boolean => user.role === 'admin' && user.isActive;
