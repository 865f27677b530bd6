import { DynamoBillingStore } from '../../adapters/dynamodb/billing.dynamodb.ts';
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

const table = () => config().CONTROL_TABLE_NAME;

export const billingStore = /* @__PURE__ */ once(() => new DynamoBillingStore(documentClient(), table()));

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

/** Fails loudly, naming the variable, when a billing function runs without its credentials. */
const required = (name: 'RAZORPAY_KEY_ID' | 'RAZORPAY_KEY_SECRET' | 'RAZORPAY_WEBHOOK_SECRET'): string => {
  const value = config()[name];
  if (!value) throw new Error(`${name} is not set: this function has no Razorpay credentials`);
  return value;
};

export const paymentProvider = /* @__PURE__ */ once(
  () => new RazorpayPaymentProvider(outboundHttp(), { keyId: required('RAZORPAY_KEY_ID'), keySecret: required('RAZORPAY_KEY_SECRET') }),
);

export const webhookSecret = (): string => required('RAZORPAY_WEBHOOK_SECRET');

export const billingDeps = () => ({ provider: paymentProvider(), store: billingStore() });
