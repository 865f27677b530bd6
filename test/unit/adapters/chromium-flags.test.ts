import { describe, expect, it } from 'vitest';
import { hostResolverRules, QUIET_FLAGS } from '../../../functions/adapters/chromium/chromium-flags.ts';

describe('Chromium flags', () => {
  it('It should map each connect-to rule to one host-resolver rule', () => {
    const rules = hostResolverRules([
      { pattern: '*.test', host: '127.0.0.1', port: 4100 },
      { pattern: 'api.example.com', host: '127.0.0.1', port: 4101 },
    ]);

    expect(rules).toEqual(['--host-resolver-rules=MAP *.test 127.0.0.1:4100, MAP api.example.com 127.0.0.1:4101']);
  });

  it('It should add no flag without rules', () => {
    expect(hostResolverRules([])).toEqual([]);
  });

  it('It should refuse a pattern that would smuggle a second rule in', () => {
    expect(() => hostResolverRules([{ pattern: '*.test 127.0.0.1:1, MAP *', host: '127.0.0.1', port: 4100 }])).toThrow(/not a hostname pattern/);
    expect(() => hostResolverRules([{ pattern: '*.test', host: '127.0.0.1', port: 70_000 }])).toThrow(/not a hostname pattern/);
  });

  it('It should keep Chromium from calling home and run it as root', () => {
    expect(QUIET_FLAGS).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']));
  });
});
