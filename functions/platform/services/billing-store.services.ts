import { DynamoBillingStore } from '../../adapters/dynamodb/billing.dynamodb.ts';
import { config } from '../config.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';

// Apart from billing.services.ts so that the webhook and the subscription read, which never
// call Razorpay, do not carry the outbound client in their bundles.
export const billingStore = /* @__PURE__ */ once(() => new DynamoBillingStore(documentClient(), config().CONTROL_TABLE_NAME));

/** Fails loudly, naming the variable, when a billing function runs without its credentials. */
export const requiredRazorpaySetting = (name: 'RAZORPAY_KEY_ID' | 'RAZORPAY_KEY_SECRET' | 'RAZORPAY_WEBHOOK_SECRET'): string => {
  const value = config()[name];
  if (!value) throw new Error(`${name} is not set: this function has no Razorpay credentials`);
  return value;
};

export const webhookSecret = (): string => requiredRazorpaySetting('RAZORPAY_WEBHOOK_SECRET');
