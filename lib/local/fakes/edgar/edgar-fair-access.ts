/**
 * SEC's fair-access rules as the fake enforces them: a declared User-Agent with a contact email,
 * and at most 10 requests per second per client, beyond which every request is refused with 403
 * for a cool-down (SEC says ten minutes; a request rate still over the limit while cooling down
 * starts the cool-down again). Seconds are counted on epoch-aligned windows, the same windows a
 * shared fixed-window limiter counts on, so a client that paces itself at 10 per second is never
 * refused. All loopback callers are one client, as all of a stack's Lambdas behind one NAT are.
 */

export const EDGAR_REQUESTS_PER_SECOND = 10;
export const DEFAULT_EDGAR_COOL_DOWN_MS = 10 * 60_000;
const WINDOW_MS = 1_000;
/** `Sample Company Name AdminContact@sample.com`: something shaped like an address is enough. */
const CONTACT_EMAIL = /[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[A-Za-z]{2,}/;

export type FairAccessVerdict = 'ok' | 'undeclared' | 'rate-exceeded' | 'cooling-down';

export interface FairAccessStats {
  readonly limitPerSecond: number;
  readonly coolDownMs: number;
  /** Requests let through, and the most let through in any one second. */
  readonly served: number;
  readonly peakPerSecond: number;
  readonly refused: { readonly undeclared: number; readonly rateExceeded: number; readonly coolingDown: number };
  /** Clients refused until an epoch millisecond. */
  readonly blocked: readonly { readonly client: string; readonly until: number }[];
}

interface ClientState {
  window: number;
  count: number;
  servedInWindow: number;
  blockedUntil: number;
}

export const hasContactEmail = (userAgent: string | undefined): boolean => CONTACT_EMAIL.test(userAgent ?? '');

export class FairAccess {
  private readonly clients = new Map<string, ClientState>();
  private served = 0;
  private peak = 0;
  private refused = { undeclared: 0, rateExceeded: 0, coolingDown: 0 };

  private coolDownMs: number;
  private readonly now: () => number;

  constructor(coolDownMs: number, now: () => number = Date.now) {
    this.coolDownMs = coolDownMs;
    this.now = now;
  }

  /** Counts the request and says whether it may be answered. */
  check(userAgent: string | undefined, client: string): FairAccessVerdict {
    const now = this.now();
    const state = this.counted(client, now);
    const overRate = state.count > EDGAR_REQUESTS_PER_SECOND;
    if (now < state.blockedUntil) {
      if (overRate) state.blockedUntil = now + this.coolDownMs;
      this.refused.coolingDown += 1;
      return 'cooling-down';
    }
    if (overRate) {
      state.blockedUntil = now + this.coolDownMs;
      this.refused.rateExceeded += 1;
      return 'rate-exceeded';
    }
    if (!hasContactEmail(userAgent)) {
      this.refused.undeclared += 1;
      return 'undeclared';
    }
    this.served += 1;
    state.servedInWindow += 1;
    this.peak = Math.max(this.peak, state.servedInWindow);
    return 'ok';
  }

  stats(): FairAccessStats {
    const now = this.now();
    return {
      limitPerSecond: EDGAR_REQUESTS_PER_SECOND,
      coolDownMs: this.coolDownMs,
      served: this.served,
      peakPerSecond: this.peak,
      refused: { ...this.refused },
      blocked: [...this.clients].filter(([, s]) => s.blockedUntil > now).map(([client, s]) => ({ client, until: s.blockedUntil })),
    };
  }

  /** A test shortens the cool-down, or clears blocks and counts between cases. */
  configure(change: { coolDownMs?: number; reset?: boolean }): void {
    if (change.coolDownMs !== undefined) this.coolDownMs = change.coolDownMs;
    if (change.reset) {
      this.clients.clear();
      this.served = 0;
      this.peak = 0;
      this.refused = { undeclared: 0, rateExceeded: 0, coolingDown: 0 };
    }
  }

  private counted(client: string, now: number): ClientState {
    const window = Math.floor(now / WINDOW_MS);
    const state = this.clients.get(client) ?? { window, count: 0, servedInWindow: 0, blockedUntil: 0 };
    if (state.window !== window) Object.assign(state, { window, count: 0, servedInWindow: 0 });
    state.count += 1;
    this.clients.set(client, state);
    return state;
  }
}
