import type { FakeProvider } from '../fake-provider.ts';
import { startFakeRocketReach } from './rocketreach.server.ts';

export { DEFAULT_ROCKETREACH_SETTINGS, FAKE_ROCKETREACH_API_KEY, FAKE_ROCKETREACH_WEBHOOK_SECRET, type RocketReachSettings, type RocketReachSettingsChange } from './rocketreach-account.ts';
export { FAKE_ROCKETREACH_COMPANY_COUNT, type FakeCompany } from './rocketreach-companies.ts';
export { rocketReachDataset, type CompanyMatch, type PersonMatch, type RocketReachDataset } from './rocketreach-data.ts';
export { FAKE_ROCKETREACH_PERSON_COUNT, MAX_POLLS_TO_COMPLETE, type FakePerson } from './rocketreach-people.ts';
export { MAX_BULK_LOOKUPS, MIN_BULK_LOOKUPS } from './rocketreach-bulk.ts';
export { API_PREFIX, startFakeRocketReach, type FakeRocketReachOptions, type RunningFakeRocketReach } from './rocketreach.server.ts';
export { ROCKETREACH_WEBHOOK_PATH, signRocketReachBody, type WebhookDelivery } from './rocketreach-webhooks.ts';

/** RocketReach's API v2: person and company lookups and searches, bulk lookups with signed webhooks, credits and rate limits. */
export const fakeRocketReach: FakeProvider = { name: 'rocketreach', start: startFakeRocketReach };
