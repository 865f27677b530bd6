/**
 * What every handler of the fake RocketReach shares: the data set, the account, the lookups in
 * flight and the webhooks; plus the answer shape (RocketReach's flat `{status, message}` error
 * body) and the credit rules both single and bulk lookups follow.
 */
import type { RocketReachAccount } from './rocketreach-account.ts';
import type { RocketReachDataset } from './rocketreach-data.ts';
import type { LookupTracker } from './rocketreach-lookups.ts';
import type { FakePerson } from './rocketreach-people.ts';
import type { WebhookRegistry } from './rocketreach-webhooks.ts';

export interface RocketReachState {
  readonly dataset: RocketReachDataset;
  readonly account: RocketReachAccount;
  readonly lookups: LookupTracker;
  readonly webhooks: WebhookRegistry;
  /** A fresh `RR-Request-ID` (a UUID, unique across restarts so receivers can de-duplicate on it). */
  readonly requestId: () => string;
  /** Runs `task` later; the server cancels what is still pending when it closes. */
  readonly later: (delayMs: number, task: () => Promise<void>) => void;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiRequest {
  readonly method: string;
  /** The path after `/api/v2`, e.g. `/person/lookup`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The parsed JSON (or form) body of a POST; undefined for GET. */
  readonly body: Record<string, unknown> | undefined;
}

/** RocketReach's error body, as its Responses & Errors guide shows it. */
export const rrError = (status: number, message: string, headers?: Record<string, string>): Answer => ({ status, body: { status, message }, ...(headers ? { headers } : {}) });

export const OUT_OF_LOOKUP_CREDITS = 'You have run out of lookup credits. Visit your RocketReach account to add more.';
export const OUT_OF_COMPANY_CREDITS = 'You have run out of company credits. Visit your RocketReach account to add more.';
/**
 * Running out of credits: RocketReach documents this condition as HTTP 402 (its error guide's
 * `insufficient_credits`), so the fake answers 402 with its flat error body.
 */
export const CREDITS_EXHAUSTED_STATUS = 402;

/** Whether looking this person up now costs a lookup credit (contact data returned, repeat rules). */
export function lookupCost(state: RocketReachState, person: FakePerson): number {
  if (!person.chargeable) return 0;
  if (!state.account.settings.chargeRepeatLookups && state.account.usage.chargedProfiles.has(person.profile.id)) return 0;
  return 1;
}

/** Spends a lookup credit for this person when it costs one; the caller checked the balance. */
export function chargeLookup(state: RocketReachState, person: FakePerson): void {
  if (lookupCost(state, person) === 0) return;
  state.account.spend('lookup', 1);
  state.account.usage.chargedLookups += 1;
  state.account.usage.chargedProfiles.add(person.profile.id);
}

/** Whether a company lookup of this id costs a company credit now. */
export function companyCost(state: RocketReachState, companyId: number): number {
  if (!state.account.settings.chargeRepeatLookups && state.account.usage.chargedCompanies.has(companyId)) return 0;
  return 1;
}

export function chargeCompany(state: RocketReachState, companyId: number): void {
  if (companyCost(state, companyId) === 0) return;
  state.account.spend('company', 1);
  state.account.usage.chargedCompanies.add(companyId);
}
