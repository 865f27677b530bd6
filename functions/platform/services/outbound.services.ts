import { DynamoCallLog } from '../../adapters/dynamodb/call-log.dynamodb.ts';
import { DynamoRateCounter } from '../../adapters/dynamodb/rate-limits.dynamodb.ts';
import { systemResolver } from '../../adapters/http/guarded-dispatcher.ts';
import { FetchOutboundHttp } from '../../adapters/http/outbound-http.fetch.ts';
import { SharedLimiter, systemClock } from '../../domain/outbound/shared-limiter.ts';
import { checkUrl, resolveTarget } from '../../domain/outbound/ssrf-guard.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';

/** The one outbound client of a function: shared limits and the call log live in the control table. */
export const outboundHttp = /* @__PURE__ */ once(
  () =>
    new FetchOutboundHttp({
      config: config().outbound,
      limiter: new SharedLimiter(new DynamoRateCounter(documentClient(), config().CONTROL_TABLE_NAME), systemClock),
      callLog: new DynamoCallLog(documentClient(), config().CONTROL_TABLE_NAME),
      clock: systemClock,
      resolver: systemResolver,
      logFailure: (message, error) => logger.warn(message, { error }),
    }),
);

/** The SSRF guard as a function of a URL, for clients other than fetch (the browser checks every request with it). */
export const urlGuard = /* @__PURE__ */ once(() => {
  const { allowHosts, connectTo } = config().outbound;
  const policy = { allowHosts, connectTo };
  return async (url: string): Promise<void> => {
    await resolveTarget(checkUrl(url, policy), policy, systemResolver);
  };
});
