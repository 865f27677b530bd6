/** The fake web: synthetic company sites with ground truth, over HTTP or as plain pages. */
export { DEFAULT_HUGE_PAGE_BYTES, DEFAULT_SEED, DEFAULT_SITE_COUNT, MAX_SITE_COUNT, generateFakeWeb, normaliseHost } from './fake-web.generator.ts';
export type { FakePage, FakeWeb, FakeWebOptions } from './fake-web.generator.ts';
export { DEFAULT_SLOW_SITE_DELAY_MS, startFakeWeb } from './fake-web.server.ts';
export type { FakeWebKnobs, FakeWebServer, StartFakeWebOptions } from './fake-web.server.ts';
export { fakeWebProvider } from './fake-web.provider.ts';
export type { FakeWebStartOptions } from './fake-web.provider.ts';
export { INTERNAL_REDIRECT_TARGETS, IDN_UNICODE_DOMAIN, JS_CONTACT_SCRIPT_PATH, SPECIAL_KINDS } from './special-sites.ts';
export { TECHNOLOGIES } from './technologies.ts';
export type * from './site-truth.ts';
export type * from './saas-truth.ts';
export { NOT_SAAS_DOMAIN, SAAS_BRANDS, UNLISTED_CUSTOMERS, UNREACHABLE_SAAS_DOMAIN, planSaasSites } from './saas-sites.ts';
