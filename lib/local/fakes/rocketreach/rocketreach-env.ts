import type { StartedFake } from '../start-fakes.ts';
import { FAKE_ROCKETREACH_API_KEY } from './rocketreach-account.ts';

const DEFAULT_KEY_ENV = 'ROCKETREACH_DEFAULT_API_KEY';

/**
 * The lookups' deployment-wide RocketReach key under `npm start`: when the local cloud runs the
 * fake RocketReach, workspaces that set no key of their own use the fake's, so a lookup works
 * right after `npm start`. A key in the developer's environment wins. When RocketReach is
 * pointed elsewhere (`--provider-url rocketreach=...`) nothing is set here: the fake's key would
 * mean nothing to that server.
 */
export const rocketReachEnv = (started: readonly StartedFake[], env: Readonly<Record<string, string | undefined>>): Record<string, string> =>
  started.some((fake) => fake.name === 'rocketreach') ? { [DEFAULT_KEY_ENV]: env[DEFAULT_KEY_ENV] || FAKE_ROCKETREACH_API_KEY } : {};
