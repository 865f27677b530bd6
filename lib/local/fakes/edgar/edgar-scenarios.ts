/**
 * The 8-K stories the fake files and how often: each names its items (in the order EDGAR lists
 * them) and which officers change. Weights make signal filings the majority, with enough
 * non-signals (8.01, 9.01, 5.07, 5.03, a pay-only 5.02) to score precision against.
 */
import type { Rng } from '../web/prng.ts';
import type { FilingScenario, OfficerChange } from './edgar-truth.ts';

interface ScenarioSpec {
  readonly items: readonly string[];
  readonly weight: number;
  readonly officers?: 'hire' | 'departure' | 'transition' | 'unchanged';
  readonly counterparty?: boolean;
  readonly amount?: readonly [number, number];
}

export const SCENARIO_SPECS: Readonly<Record<FilingScenario, ScenarioSpec>> = {
  'executive-hire': { items: ['5.02', '9.01'], weight: 8, officers: 'hire' },
  'executive-departure': { items: ['5.02'], weight: 7, officers: 'departure' },
  'executive-transition': { items: ['5.02', '9.01'], weight: 4, officers: 'transition' },
  'compensation-only': { items: ['5.02'], weight: 3, officers: 'unchanged' },
  'material-agreement': { items: ['1.01', '9.01'], weight: 6, counterparty: true, amount: [20, 900] },
  'credit-agreement': { items: ['1.01', '2.03', '9.01'], weight: 4, counterparty: true, amount: [100, 2_500] },
  'acquisition-completed': { items: ['2.01', '9.01'], weight: 4, counterparty: true, amount: [50, 4_000] },
  'notes-offering': { items: ['2.03'], weight: 3, amount: [250, 1_500] },
  'private-placement': { items: ['3.02', '9.01'], weight: 2, amount: [10, 200] },
  bankruptcy: { items: ['1.03', '9.01'], weight: 1 },
  restructuring: { items: ['2.05'], weight: 2, amount: [5, 120] },
  impairment: { items: ['2.06'], weight: 1, amount: [15, 600] },
  'delisting-notice': { items: ['3.01'], weight: 1 },
  restatement: { items: ['4.02'], weight: 1 },
  'cyber-incident': { items: ['1.05'], weight: 1 },
  'earnings-release': { items: ['2.02', '9.01'], weight: 10 },
  'investor-presentation': { items: ['7.01', '9.01'], weight: 3 },
  'change-in-control': { items: ['5.01', '9.01'], weight: 1, counterparty: true, amount: [500, 9_000] },
  'other-events': { items: ['8.01', '9.01'], weight: 6 },
  'other-events-only': { items: ['8.01'], weight: 4 },
  'shareholder-vote': { items: ['5.07'], weight: 4 },
  'bylaws-amendment': { items: ['5.03', '9.01'], weight: 2 },
};

const SCENARIO_NAMES = Object.keys(SCENARIO_SPECS) as FilingScenario[];
const TOTAL_WEIGHT = SCENARIO_NAMES.reduce((sum, name) => sum + SCENARIO_SPECS[name].weight, 0);

export function drawScenario(rng: Rng): FilingScenario {
  let ticket = rng.next() * TOTAL_WEIGHT;
  for (const name of SCENARIO_NAMES) {
    ticket -= SCENARIO_SPECS[name].weight;
    if (ticket < 0) return name;
  }
  return 'other-events';
}

const FIRST_NAMES = [
  'Margaret', 'Daniel', 'Priya', 'Thomas', 'Elena', 'Marcus', 'Grace', 'Victor', 'Hannah', 'Julian',
  'Sofia', 'Raymond', 'Aisha', 'Gregory', 'Natalie', 'Oliver', 'Camille', 'Dmitri', 'Laura', 'Samuel',
] as const;
const LAST_NAMES = [
  'Whitfield', 'Okafor', 'Lindgren', 'Castellano', 'Nakamura', 'Brandt', 'Delacroix', 'Haverford',
  'Iyer', 'Kowalczyk', 'Mendes', 'Ashworth', 'Rahman', 'Sorensen', 'Thibodeaux', 'Vasquez',
] as const;
export const OFFICER_TITLES = [
  'Chief Financial Officer', 'Chief Operating Officer', 'Chief Technology Officer', 'Chief Revenue Officer',
  'General Counsel and Corporate Secretary', 'Chief Accounting Officer', 'Chief Information Officer',
  'President and Chief Executive Officer', 'Chief Marketing Officer', 'Chief People Officer',
] as const;

const personName = (rng: Rng): string => `${rng.pick(FIRST_NAMES)} ${rng.pick(['', `${String.fromCharCode(65 + rng.int(0, 25))}. `])}${rng.pick(LAST_NAMES)}`;

/** The officers a scenario moves; a transition replaces one officer with another in the same seat. */
export function drawOfficers(rng: Rng, scenario: FilingScenario): OfficerChange[] {
  const title = rng.pick(OFFICER_TITLES);
  switch (SCENARIO_SPECS[scenario].officers) {
    case 'hire': return [{ name: personName(rng), title, change: 'hire' }];
    case 'departure': return [{ name: personName(rng), title, change: 'departure' }];
    case 'transition': return [{ name: personName(rng), title, change: 'departure' }, { name: personName(rng), title, change: 'hire' }];
    default: return [];
  }
}

export const drawAmount = (rng: Rng, scenario: FilingScenario): number | undefined => {
  const range = SCENARIO_SPECS[scenario].amount;
  return range ? rng.int(range[0], range[1]) : undefined;
};

export const hasCounterparty = (scenario: FilingScenario): boolean => SCENARIO_SPECS[scenario].counterparty === true;
