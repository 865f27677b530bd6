import { describe, expect, it } from 'vitest';
import { EDGAR_REQUESTS_PER_SECOND, FairAccess, hasContactEmail } from '../../../../../lib/local/fakes/edgar/index.ts';

const UA = 'Leadstack Monitoring ops@leadstack.test';

describe('EDGAR fair access', () => {
  it('It should want a contact email in the User-Agent', () => {
    expect(hasContactEmail(UA)).toBe(true);
    expect(hasContactEmail('Sample Company Name AdminContact@sample.com')).toBe(true);
    expect(hasContactEmail('python-requests/2.32')).toBe(false);
    expect(hasContactEmail('Leadstack ops at leadstack')).toBe(false);
    expect(hasContactEmail(undefined)).toBe(false);
  });

  it('It should serve 10 per epoch second, refuse the 11th, and keep refusing for the cool-down', () => {
    let now = 5_000;
    const access = new FairAccess(60_000, () => now);
    const first = Array.from({ length: EDGAR_REQUESTS_PER_SECOND }, () => access.check(UA, 'a'));
    const eleventh = access.check(UA, 'a');
    now += 1_000;
    const nextSecond = access.check(UA, 'a');
    const otherClient = access.check(UA, 'b');
    now += 60_000;
    const afterCoolDown = access.check(UA, 'a');

    expect(first.every((v) => v === 'ok')).toBe(true);
    expect(eleventh).toBe('rate-exceeded');
    expect(nextSecond).toBe('cooling-down');
    expect(otherClient).toBe('ok');
    expect(afterCoolDown).toBe('ok');
    expect(access.stats()).toMatchObject({ served: 12, peakPerSecond: 10, refused: { rateExceeded: 1, coolingDown: 1, undeclared: 0 } });
  });

  it('It should let a client pacing 10 per second through every second, across boundaries', () => {
    let now = 0;
    const access = new FairAccess(60_000, () => now);
    const verdicts: string[] = [];
    for (let i = 0; i < 100; i++) {
      verdicts.push(access.check(UA, 'a'));
      now += 100;
    }
    expect(verdicts.every((v) => v === 'ok')).toBe(true);
  });

  it('It should extend the cool-down while the client keeps exceeding the rate', () => {
    let now = 0;
    const access = new FairAccess(10_000, () => now);
    for (let i = 0; i <= EDGAR_REQUESTS_PER_SECOND; i++) access.check(UA, 'a');
    now = 9_000;
    for (let i = 0; i <= EDGAR_REQUESTS_PER_SECOND; i++) access.check(UA, 'a');
    now = 12_000;
    expect(access.check(UA, 'a')).toBe('cooling-down');
    now = 19_500;
    expect(access.check(UA, 'a')).toBe('ok');
  });

  it('It should refuse an undeclared agent and forget everything on reset', () => {
    const access = new FairAccess(10_000, () => 0);
    expect(access.check('curl/8.0', 'a')).toBe('undeclared');
    access.configure({ reset: true, coolDownMs: 5 });
    expect(access.stats()).toMatchObject({ coolDownMs: 5, served: 0, refused: { undeclared: 0 } });
  });
});
