/**
 * What an 8-K can tell a seller, as data: the signal types, and for each its weight (how urgent
 * a fresh one is, 0..1), the opportunity it opens, and how long that urgency lasts. Items map to
 * types in ./items-table.ts; functions/domain/signals/README.md documents both tables.
 */

export const SIGNAL_TYPES = [
  'EXECUTIVE_HIRE',
  'EXECUTIVE_DEPARTURE',
  'MATERIAL_AGREEMENT',
  'ACQUISITION',
  'FINANCING',
  'DISTRESS',
  'CYBER_INCIDENT',
  'EARNINGS',
  'CHANGE_IN_CONTROL',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export const OPPORTUNITY_TYPES = ['Expansion', 'New Project', 'Risk', 'Retention', 'Re-evaluation'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export interface SignalTypeSpec {
  /** Urgency of a signal filed today, before decay. */
  readonly weight: number;
  readonly opportunity: OpportunityType;
  /** Days after which the urgency has halved. */
  readonly halfLifeDays: number;
  /** Multiplies the deal size: an acquisition widens the footprint, distress shrinks the budget. */
  readonly valueFactor: number;
  /** Human name, for briefs. */
  readonly label: string;
}

export const SIGNAL_TYPE_SPECS: Readonly<Record<SignalType, SignalTypeSpec>> = {
  // A new executive reviews the vendor stack in their first 90 days.
  EXECUTIVE_HIRE: { weight: 0.85, opportunity: 'Expansion', halfLifeDays: 45, valueFactor: 1, label: 'new executive' },
  // A departing sponsor puts an existing account at risk.
  EXECUTIVE_DEPARTURE: { weight: 0.7, opportunity: 'Retention', halfLifeDays: 30, valueFactor: 1, label: 'executive departure' },
  MATERIAL_AGREEMENT: { weight: 0.6, opportunity: 'New Project', halfLifeDays: 30, valueFactor: 1, label: 'material agreement' },
  // Integrating an acquired company means more seats and a consolidated stack.
  ACQUISITION: { weight: 0.9, opportunity: 'Expansion', halfLifeDays: 60, valueFactor: 1.5, label: 'acquisition' },
  FINANCING: { weight: 0.75, opportunity: 'New Project', halfLifeDays: 45, valueFactor: 1.2, label: 'new financing' },
  DISTRESS: { weight: 0.65, opportunity: 'Risk', halfLifeDays: 30, valueFactor: 0.5, label: 'financial distress' },
  CYBER_INCIDENT: { weight: 0.8, opportunity: 'New Project', halfLifeDays: 30, valueFactor: 1, label: 'cybersecurity incident' },
  EARNINGS: { weight: 0.4, opportunity: 'Re-evaluation', halfLifeDays: 14, valueFactor: 1, label: 'earnings release' },
  CHANGE_IN_CONTROL: { weight: 0.9, opportunity: 'Re-evaluation', halfLifeDays: 60, valueFactor: 1, label: 'change in control' },
};
