import type { User, UserPatch } from '../../../../functions/domain/accounts/user.ts';
import type {
  ChargeOutcome,
  DownloadLedger,
  OneTimeTokenRecord,
  OneTimeTokenStore,
  RateCounter,
  RefreshTokenRecord,
  RotateOutcome,
  SessionFamily,
  SessionStore,
  UserStore,
} from '../../../../functions/ports/accounts.port.ts';

/** In-memory ports with the same atomic contracts as the DynamoDB adapters. */
export class MemoryCounter implements RateCounter {
  readonly counts = new Map<string, number>();
  async add(key: string, delta: number): Promise<number> {
    const next = (this.counts.get(key) ?? 0) + delta;
    this.counts.set(key, next);
    return next;
  }
}

export class MemoryUsers implements UserStore {
  readonly users = new Map<string, User>();
  async create(user: User) {
    if ([...this.users.values()].some((u) => u.email.toLowerCase() === user.email.toLowerCase())) throw new Error('taken');
    this.users.set(user.id, user);
  }
  async get(workspaceId: string, userId: string) {
    const user = this.users.get(userId);
    return user?.workspaceId === workspaceId ? user : undefined;
  }
  async findByEmail(email: string) {
    return [...this.users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
  }
  async list(workspaceId: string) {
    return [...this.users.values()].filter((u) => u.workspaceId === workspaceId);
  }
  async update(current: User, patch: UserPatch) {
    const next = { ...current, ...patch };
    this.users.set(current.id, next);
    return next;
  }
  async setPassword(_ws: string, userId: string, passwordHash: string, at: string) {
    const user = this.users.get(userId)!;
    this.users.set(userId, { ...user, passwordHash, sessionsValidAfter: at });
  }
  async recordLogin(_ws: string, userId: string, at: string) {
    this.users.set(userId, { ...this.users.get(userId)!, lastLogin: at });
  }
}

export class MemorySessions implements SessionStore {
  readonly families = new Map<string, SessionFamily>();
  readonly tokens = new Map<string, RefreshTokenRecord>();
  async start(family: SessionFamily, first: RefreshTokenRecord) {
    this.families.set(family.familyId, family);
    this.tokens.set(first.hash, first);
  }
  async findToken(hash: string) {
    return this.tokens.get(hash);
  }
  async findFamily(familyId: string) {
    return this.families.get(familyId);
  }
  async rotate(usedHash: string, next: RefreshTokenRecord, at: string): Promise<RotateOutcome> {
    const used = this.tokens.get(usedHash);
    if (!used || used.usedAt) return 'reused';
    if (this.families.get(next.familyId)?.revokedAt) return 'revoked';
    this.tokens.set(usedHash, { ...used, usedAt: at });
    this.tokens.set(next.hash, next);
    return 'rotated';
  }
  async revokeFamily(familyId: string, at: string) {
    const family = this.families.get(familyId);
    if (family && !family.revokedAt) this.families.set(familyId, { ...family, revokedAt: at });
  }
}

export class MemoryOneTimeTokens implements OneTimeTokenStore {
  readonly tokens = new Map<string, OneTimeTokenRecord>();
  async put(record: OneTimeTokenRecord) {
    this.tokens.set(record.hash, record);
  }
  async find(hash: string) {
    return this.tokens.get(hash);
  }
  async consume(hash: string) {
    return this.tokens.delete(hash);
  }
}

export class MemoryLedger implements DownloadLedger {
  readonly used_ = new Map<string, number>();
  async charge(ws: string, userId: string, period: string, rows: number, limit: number): Promise<ChargeOutcome> {
    const key = `${ws}#${userId}#${period}`;
    const used = this.used_.get(key) ?? 0;
    if (used + rows > limit) return { ok: false, used };
    this.used_.set(key, used + rows);
    return { ok: true, used: used + rows };
  }
  readonly receipts = new Set<string>();
  async chargeOnce(ws: string, userId: string, receipt: string, period: string, rows: number, limit: number) {
    const paid = `${ws}#${userId}#${receipt}`;
    if (this.receipts.has(paid)) return { ok: true as const, used: await this.used(ws, userId, period), alreadyPaid: true };
    const outcome = await this.charge(ws, userId, period, rows, limit);
    if (outcome.ok) this.receipts.add(paid);
    return outcome;
  }
  async refund(ws: string, userId: string, period: string, rows: number) {
    const key = `${ws}#${userId}#${period}`;
    this.used_.set(key, (this.used_.get(key) ?? 0) - rows);
  }
  async used(ws: string, userId: string, period: string) {
    return this.used_.get(`${ws}#${userId}#${period}`) ?? 0;
  }
}

export const aUser = (overrides: Partial<User> = {}): User => ({
  id: '11111111-1111-4111-8111-111111111111',
  workspaceId: 'ws-a',
  email: 'ann@example.com',
  name: 'Ann',
  role: 'user',
  isActive: true,
  downloadLimit: 100,
  dateJoined: '2025-01-01T00:00:00.000Z',
  ...overrides,
});
