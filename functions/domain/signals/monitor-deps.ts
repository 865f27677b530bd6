import type { CompanyTickers } from '../../ports/company-tickers.port.ts';
import type { EdgarFilings } from '../../ports/edgar-filings.port.ts';
import type { PricingTier } from './estimated-value.ts';
import type { BriefWriter, Persona } from './persona-briefs.ts';
import type { SignalNotifier } from './signal-notifier.ts';
import type { SignalStore } from './signal-store.ts';

/** A customer to watch, as the job's data or onboarding's records name it. */
export interface CustomerRef {
  readonly name?: string;
  readonly ticker?: string;
  readonly companyId?: string;
  readonly employees?: number;
}

/** What onboarding knows about a SaaS client: its customers, pricing and personas. */
export interface OnboardedClient {
  readonly name?: string;
  readonly customers: readonly CustomerRef[];
  readonly tiers: readonly PricingTier[];
  readonly personas: readonly Persona[];
}

export interface OnboardedClients {
  /** The client's customers seen since `seenSince` (records with provenance `research`); undefined when no such client. */
  find(workspaceId: string, client: { readonly name?: string; readonly companyId?: string }, seenSince: string): Promise<OnboardedClient | undefined>;
}

export interface MonitorSignalsDeps {
  readonly tickers: CompanyTickers;
  readonly filings: EdgarFilings;
  readonly signals: SignalStore;
  readonly clients: OnboardedClients;
  readonly briefs: BriefWriter;
  readonly defaultLookbackDays: number;
  /** Pushes each customer's new signals out (WebSocket, webhook) once stored. */
  readonly notifier?: SignalNotifier;
  readonly now?: () => Date;
}
