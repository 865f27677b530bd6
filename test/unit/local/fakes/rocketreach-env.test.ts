import { describe, expect, it } from 'vitest';
import { FAKE_ROCKETREACH_API_KEY } from '../../../../lib/local/fakes/rocketreach/index.ts';
import { rocketReachEnv } from '../../../../lib/local/fakes/rocketreach/rocketreach-env.ts';

const FAKE = { name: 'rocketreach', url: 'http://127.0.0.1:4011' };
const OTHER = { name: 'apollo', url: 'http://127.0.0.1:4009' };

describe('rocketReachEnv', () => {
  it('It should give lookups the fake key by default when the fake RocketReach runs', () => {
    expect(rocketReachEnv([OTHER, FAKE], {})).toEqual({ ROCKETREACH_DEFAULT_API_KEY: FAKE_ROCKETREACH_API_KEY });
  });

  it('It should keep a default key from the developer environment', () => {
    expect(rocketReachEnv([FAKE], { ROCKETREACH_DEFAULT_API_KEY: 'rr-own-key' })).toEqual({ ROCKETREACH_DEFAULT_API_KEY: 'rr-own-key' });
  });

  it('It should set nothing when RocketReach is pointed elsewhere and its fake does not run', () => {
    expect(rocketReachEnv([OTHER], {})).toEqual({});
  });
});
