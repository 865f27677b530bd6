import { FAKE_RAZORPAY_CREDENTIALS } from './razorpay-data.ts';

/**
 * The billing functions' Razorpay credentials under `npm start`: each RAZORPAY_* set in the
 * developer's environment wins (with `--provider-url razorpay=https://api.razorpay.com` and test
 * keys, the local stack talks to the real provider), else the fake's fixed test credentials.
 */
export const razorpayEnv = (env: Readonly<Record<string, string | undefined>>): Record<string, string> => ({
  RAZORPAY_KEY_ID: env.RAZORPAY_KEY_ID || FAKE_RAZORPAY_CREDENTIALS.keyId,
  RAZORPAY_KEY_SECRET: env.RAZORPAY_KEY_SECRET || FAKE_RAZORPAY_CREDENTIALS.keySecret,
  RAZORPAY_WEBHOOK_SECRET: env.RAZORPAY_WEBHOOK_SECRET || FAKE_RAZORPAY_CREDENTIALS.webhookSecret,
});
