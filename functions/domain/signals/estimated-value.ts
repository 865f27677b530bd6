/**
 * A deal size for a signal: the SaaS client's price (from its pricing tiers, when onboarding
 * found them) times the seats a customer of that size buys, times what the signal does to the
 * budget. Without tiers, a default price stands in and the band says so ("est.").
 */
import { SIGNAL_TYPE_SPECS, type SignalType } from './signal-types.ts';

export interface PricingTier {
  readonly name: string;
  /** Price per seat (or per account) per month, in `currency`; undefined for "contact sales". */
  readonly monthlyPrice?: number;
  readonly currency?: string;
}

export interface SizeBand {
  readonly label: string;
  /** Employees at least this many. */
  readonly minEmployees: number;
  /** Seats bought, low and high. */
  readonly seats: readonly [number, number];
}

/** Ordered from the largest band down; the first whose minimum a company reaches is its band. */
export const SIZE_BANDS: readonly SizeBand[] = [
  { label: 'enterprise', minEmployees: 10_000, seats: [500, 2_000] },
  { label: 'large', minEmployees: 1_000, seats: [100, 500] },
  { label: 'mid-market', minEmployees: 200, seats: [25, 100] },
  { label: 'small', minEmployees: 0, seats: [5, 25] },
];

/** A listed company with no headcount on record is at least mid-market. */
export const UNKNOWN_SIZE_BAND = 'mid-market';
/** Monthly per-seat price assumed when the client's pricing is unknown (a typical B2B SaaS seat). */
export const DEFAULT_MONTHLY_SEAT_PRICE = 50;

export interface EstimatedValue {
  readonly low: number;
  readonly high: number;
  readonly currency: string;
  readonly sizeBand: string;
  /** `"$250k-$500k ARR"`, the seed's shape. */
  readonly label: string;
}

export const sizeBandOf = (employees: number | undefined): SizeBand =>
  SIZE_BANDS.find((band) => employees !== undefined && employees >= band.minEmployees) ?? (SIZE_BANDS.find((band) => band.label === UNKNOWN_SIZE_BAND) as SizeBand);

const money = (value: number, symbol: string): string => {
  if (value >= 1_000_000) return `${symbol}${Math.round(value / 100_000) / 10}M`;
  if (value >= 1_000) return `${symbol}${Math.round(value / 1_000)}k`;
  return `${symbol}${Math.round(value)}`;
};

/** The median priced tier: entry tiers undersell an account that files 8-Ks, top tiers oversell it. */
function seatPrice(tiers: readonly PricingTier[]): { price: number; currency: string; known: boolean } {
  const priced = tiers.filter((tier) => tier.monthlyPrice !== undefined && tier.monthlyPrice > 0).sort((a, b) => (a.monthlyPrice ?? 0) - (b.monthlyPrice ?? 0));
  const median = priced[Math.floor((priced.length - 1) / 2)];
  if (!median?.monthlyPrice) return { price: DEFAULT_MONTHLY_SEAT_PRICE, currency: 'USD', known: false };
  return { price: median.monthlyPrice, currency: median.currency ?? 'USD', known: true };
}

export function estimatedValue(type: SignalType, employees: number | undefined, tiers: readonly PricingTier[]): EstimatedValue {
  const band = sizeBandOf(employees);
  const { price, currency, known } = seatPrice(tiers);
  const factor = SIGNAL_TYPE_SPECS[type].valueFactor;
  const low = Math.round(band.seats[0] * price * 12 * factor);
  const high = Math.round(band.seats[1] * price * 12 * factor);
  const [symbol, unit] = currency === 'USD' ? ['$', ''] : ['', ` ${currency}`];
  return { low, high, currency, sizeBand: band.label, label: `${money(low, symbol)}-${money(high, symbol)}${unit} ARR${known ? '' : ' (est.)'}` };
}
