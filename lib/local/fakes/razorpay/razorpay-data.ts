/**
 * The fake Razorpay's fixed test credentials and its plans, generated from the seed so tests
 * know the ground truth (ids, prices, and the limits each plan's notes grant).
 */
import { seededRandom } from '../seeded-random.ts';

/** What `npm start` gives the billing functions unless RAZORPAY_* are set in its environment. */
export const FAKE_RAZORPAY_CREDENTIALS = {
  keyId: 'rzp_test_leadstackfake01',
  keySecret: 'fake_razorpay_key_secret_not_for_production',
  webhookSecret: 'fake_razorpay_webhook_secret_not_for_production',
} as const;

export const FAKE_RAZORPAY_ACCOUNT_ID = 'acc_LeadstackFake01';

export interface FakePlan {
  readonly id: string;
  readonly entity: 'plan';
  readonly interval: number;
  readonly period: 'monthly' | 'yearly';
  readonly item: { id: string; active: boolean; name: string; description: string; amount: number; unit_amount: number; currency: string; type: 'plan' };
  readonly notes: Record<string, string>;
  readonly created_at: number;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Razorpay ids are a prefix and 14 base62 characters. */
export const idMaker = (seed: string) => {
  const random = seededRandom(seed);
  return (prefix: string): string => `${prefix}_${Array.from({ length: 14 }, () => ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)]).join('')}`;
};

/** The catalogue's tiers; prices in paise, limits as the plan notes leadstack reads. */
const TIERS = [
  { name: 'Starter', amount: 99_900, downloadRows: 20_000, apiPerHour: 2_000, lookupCredits: 500 },
  { name: 'Pro', amount: 249_900, downloadRows: 100_000, apiPerHour: 5_000, lookupCredits: 2_500 },
  { name: 'Enterprise', amount: 999_900, downloadRows: 1_000_000, apiPerHour: 20_000, lookupCredits: 20_000 },
] as const;

const CATALOGUE_CREATED_AT = 1_735_689_600;

export function fakePlans(seed: string): FakePlan[] {
  const nextId = idMaker(`${seed}:plans`);
  return TIERS.map((tier, index) => ({
    id: nextId('plan'),
    entity: 'plan',
    interval: 1,
    period: 'monthly',
    item: { id: nextId('item'), active: true, name: `leadstack ${tier.name}`, description: `${tier.name} monthly`, amount: tier.amount, unit_amount: tier.amount, currency: 'INR', type: 'plan' },
    notes: { download_rows: String(tier.downloadRows), api_requests_per_hour: String(tier.apiPerHour), lookup_credits: String(tier.lookupCredits) },
    created_at: CATALOGUE_CREATED_AT + index,
  }));
}
