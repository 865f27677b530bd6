import { DynamoCallLog } from '../../adapters/dynamodb/call-log.dynamodb.ts';
import { DynamoRateCounter } from '../../adapters/dynamodb/rate-limits.dynamodb.ts';
import { systemResolver } from '../../adapters/http/guarded-dispatcher.ts';
import { FetchOutboundHttp } from '../../adapters/http/outbound-http.fetch.ts';
import { RazorpayPaymentProvider } from '../../adapters/razorpay/payments.razorpay.ts';
import { SharedLimiter, systemClock } from '../../domain/outbound/shared-limiter.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';
import { billingStore, requiredRazorpaySetting } from './billing-store.services.ts';

const table = () => config().CONTROL_TABLE_NAME;

const outboundHttp = /* @__PURE__ */ once(
  () =>
    new FetchOutboundHttp({
      config: config().outbound,
      limiter: new SharedLimiter(new DynamoRateCounter(documentClient(), table()), systemClock),
      callLog: new DynamoCallLog(documentClient(), table()),
      clock: systemClock,
      resolver: systemResolver,
      logFailure: (message, error) => logger.warn(message, { error: String(error) }),
    }),
);

export const paymentProvider = /* @__PURE__ */ once(
  () => new RazorpayPaymentProvider(outboundHttp(), { keyId: requiredRazorpaySetting('RAZORPAY_KEY_ID'), keySecret: requiredRazorpaySetting('RAZORPAY_KEY_SECRET') }),
);

export const billingDeps = () => ({ provider: paymentProvider(), store: billingStore() });
