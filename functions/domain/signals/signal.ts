/**
 * A buying signal: one 8-K item of one customer, with the seed's fields (`ticker`,
 * `company_name`, `signal_type`, `opportunity_type`, `urgency_score`, `estimated_value`,
 * `generated_at`), its evidence (the item's text and a link to the filing) and the briefs.
 */
import type { PersonaBrief } from './persona-briefs.ts';
import type { OpportunityType, SignalType } from './signal-types.ts';

export interface Signal {
  readonly uuid: string;
  readonly ticker: string;
  readonly cik: string;
  readonly company_name: string;
  /** The workspace's company record this customer is, when known. */
  readonly company_id?: string;
  readonly signal_type: SignalType;
  readonly opportunity_type: OpportunityType;
  /** 0..1: the type's weight decayed by the filing's age when it was generated. */
  readonly urgency_score: number;
  /** `"$250k-$500k ARR"` */
  readonly estimated_value: string;
  readonly estimated_value_low: number;
  readonly estimated_value_high: number;
  readonly size_band: string;
  readonly form: string;
  readonly item: string;
  readonly accession_number: string;
  /** `YYYY-MM-DD` */
  readonly filing_date: string;
  readonly filing_url: string;
  /** The item's text from the primary document; empty when the document could not be read. */
  readonly excerpt: string;
  readonly briefs: readonly PersonaBrief[];
  readonly saas_client_name?: string;
  readonly job_id?: string;
  readonly generated_at: string;
}
