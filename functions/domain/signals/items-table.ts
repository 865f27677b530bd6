/**
 * 8-K items → signal types, as data (documented in ./README.md). An item absent here (8.01
 * "Other Events", 9.01 "Financial Statements and Exhibits", ...) is not a signal on its own.
 * Item 5.02 needs its text read to tell a hire from a departure (./executive-change.ts).
 */
import type { SignalType } from './signal-types.ts';

export const EXECUTIVE_CHANGE = 'EXECUTIVE_CHANGE';

export type ItemMeaning = SignalType | typeof EXECUTIVE_CHANGE;

export interface ItemSpec {
  readonly meaning: ItemMeaning;
  /** The item's caption in Form 8-K. */
  readonly title: string;
}

export const ITEM_SIGNALS: Readonly<Record<string, ItemSpec>> = {
  '1.01': { meaning: 'MATERIAL_AGREEMENT', title: 'Entry into a Material Definitive Agreement' },
  '1.03': { meaning: 'DISTRESS', title: 'Bankruptcy or Receivership' },
  '1.05': { meaning: 'CYBER_INCIDENT', title: 'Material Cybersecurity Incidents' },
  '2.01': { meaning: 'ACQUISITION', title: 'Completion of Acquisition or Disposition of Assets' },
  '2.02': { meaning: 'EARNINGS', title: 'Results of Operations and Financial Condition' },
  '2.03': { meaning: 'FINANCING', title: 'Creation of a Direct Financial Obligation' },
  '2.04': { meaning: 'DISTRESS', title: 'Triggering Events That Accelerate or Increase a Direct Financial Obligation' },
  '2.05': { meaning: 'DISTRESS', title: 'Costs Associated with Exit or Disposal Activities' },
  '2.06': { meaning: 'DISTRESS', title: 'Material Impairments' },
  '3.01': { meaning: 'DISTRESS', title: 'Notice of Delisting or Failure to Satisfy a Continued Listing Rule' },
  '3.02': { meaning: 'FINANCING', title: 'Unregistered Sales of Equity Securities' },
  '4.02': { meaning: 'DISTRESS', title: 'Non-Reliance on Previously Issued Financial Statements' },
  '5.01': { meaning: 'CHANGE_IN_CONTROL', title: 'Changes in Control of Registrant' },
  '5.02': { meaning: EXECUTIVE_CHANGE, title: 'Departure or Appointment of Directors or Certain Officers' },
  '7.01': { meaning: 'EARNINGS', title: 'Regulation FD Disclosure' },
};

/** The forms monitoring reads: current reports and their amendments. */
export const MONITORED_FORMS: readonly string[] = ['8-K', '8-K/A'];

/** The items of a filing that carry a signal, in the filing's order, each once. */
export const signalItems = (items: readonly string[]): string[] => [...new Set(items.filter((item) => Object.hasOwn(ITEM_SIGNALS, item)))];
