import { describe, expect, it } from 'vitest';
import { RateLimitedError, enforce, hit, refund } from '../../../../functions/domain/auth/rate-limit.ts';
import { MemoryCounter } from './fakes.ts';

const RULE = { name: 'test', limit: 3, windowSeconds: 3600 };

describe('fixed-window rate limits', () => {
  it('It should allow the limit, refuse the next with the seconds left in the window, and start again next window', async () => {
    const counter = new MemoryCounter();
    const at = new Date('2025-06-01T12:45:00Z');

    for (let i = 0; i < 3; i += 1) await enforce(counter, RULE, '1.2.3.4', at);
    const refused = await enforce(counter, RULE, '1.2.3.4', at).catch((error: unknown) => error);
    const nextWindow = await hit(counter, RULE, '1.2.3.4', new Date('2025-06-01T13:00:01Z'));

    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).status).toBe(429);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(15 * 60);
    expect(nextWindow.allowed).toBe(true);
    expect(nextWindow.count).toBe(1);
  });

  it('It should count subjects apart, keep them out of the key in clear, and give a hit back on refund', async () => {
    const counter = new MemoryCounter();

    const a = await hit(counter, RULE, 'ann@example.com');
    await hit(counter, RULE, 'bob@example.com');
    await refund(counter, a, RULE);

    expect(a.key).not.toContain('ann@example.com');
    expect(counter.counts.get(a.key)).toBe(0);
    expect([...counter.counts.values()].reduce((sum, n) => sum + n, 0)).toBe(1);
  });
});
