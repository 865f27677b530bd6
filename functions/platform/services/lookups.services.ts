import { DynamoCallLog } from '../../adapters/dynamodb/call-log.dynamodb.ts';
import { DynamoLookupsStore } from '../../adapters/dynamodb/lookups.dynamodb.ts';
import { DynamoProviderDeliveries } from '../../adapters/dynamodb/provider-deliveries.dynamodb.ts';
import { RocketReachPeopleData } from '../../adapters/rocketreach/people-data.rocketreach.ts';
import type { BulkLookupDeps } from '../../domain/lookups/run-bulk-lookup.ts';
import type { LookupDeps } from '../../domain/lookups/lookup-deps.ts';
import type { UsageDeps } from '../../domain/lookups/lookup-usage.ts';
import { ProviderKeyBox } from '../../domain/lookups/provider-key-box.ts';
import { systemClock } from '../../domain/outbound/shared-limiter.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { mailer, rateCounter, users } from './accounts.services.ts';
import { documentClient, recordStore } from './dynamodb.services.ts';
import { lookupCache } from './enrichment.services.ts';
import { once } from './once.ts';
import { outboundHttp } from './outbound.services.ts';

const lookupsStore = /* @__PURE__ */ once(() => new DynamoLookupsStore(documentClient(), config().CONTROL_TABLE_NAME));
const peopleData = /* @__PURE__ */ once(() => new RocketReachPeopleData(outboundHttp()));

const sealingSecret = (): string => {
  const secret = config().PROVIDER_KEY_SEALING_SECRET;
  if (!secret) throw new Error('PROVIDER_KEY_SEALING_SECRET is not set: this function has no providerKeySealing access');
  return secret;
};

/** Provider keys are sealed under a key derived from a secret of their own (Secrets Manager on AWS, the data dir locally). */
const keyBox = /* @__PURE__ */ once(() => new ProviderKeyBox(sealingSecret()));

/** Each workspace's webhook secret is derived from the sealing secret (functions/domain/lookups/bulk-webhook.ts). */
export const webhookSecretBase = (): string => sealingSecret();

export const bulkLookupDeps = (): BulkLookupDeps => ({
  lookups: lookupDeps(),
  webhooks: { http: outboundHttp(), now: () => systemClock.now(), sleep: (ms) => systemClock.sleep(ms) },
  webhookSecretBase: sealingSecret(),
});

export const providerDeliveries = /* @__PURE__ */ once(() => new DynamoProviderDeliveries(documentClient(), config().CONTROL_TABLE_NAME));

const admins = async (workspaceId: string): Promise<string[]> =>
  (await users().list(workspaceId)).filter((user) => user.role === 'admin' && user.isActive).map((user) => user.email);

export const lookupDeps = (): LookupDeps => {
  const c = config();
  return {
    provider: peopleData(),
    cache: lookupCache(),
    ledger: lookupsStore(),
    registry: lookupsStore(),
    keys: lookupsStore(),
    keyBox: keyBox(),
    ...(c.ROCKETREACH_DEFAULT_API_KEY ? { defaultKey: c.ROCKETREACH_DEFAULT_API_KEY } : {}),
    counter: rateCounter(),
    userLookupsPerHour: c.LOOKUP_USER_LIMIT_PER_HOUR,
    store: { records: recordStore(), crud: recordStore() },
    alerts: {
      latch: lookupsStore(),
      mailer: mailer(),
      admins,
      // No workspace-wide WebSocket channel exists yet (subscriptions are per job): the event is logged.
      notify: async (workspaceId, event) => logger.warn('lookup credits low', { workspaceId, ...event }),
    },
    lowCreditThreshold: c.LOOKUP_LOW_CREDIT_THRESHOLD,
    ttl: { lookupSeconds: c.LOOKUP_CACHE_TTL_SECONDS, searchSeconds: c.LOOKUP_SEARCH_CACHE_TTL_SECONDS, accountSeconds: c.LOOKUP_ACCOUNT_CACHE_TTL_SECONDS },
    pollBudgetMs: c.LOOKUP_STATUS_POLL_BUDGET_MS,
    clock: { now: () => systemClock.now(), sleep: (ms) => systemClock.sleep(ms) },
  };
};

export const usageDeps = (): UsageDeps => ({ ledger: lookupsStore(), callLog: new DynamoCallLog(documentClient(), config().CONTROL_TABLE_NAME), provider: peopleData().name });
