import type { FakeProvider } from '../fake-provider.ts';
import { startFakeRazorpay } from './razorpay.server.ts';

export { FAKE_RAZORPAY_CREDENTIALS, fakePlans } from './razorpay-data.ts';

/** Razorpay's Plans and Subscriptions API, its hosted checkout, and its signed webhooks. */
export const fakeRazorpay: FakeProvider = { name: 'razorpay', start: startFakeRazorpay };
