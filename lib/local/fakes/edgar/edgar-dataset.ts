/**
 * Every filing of the fake EDGAR, generated from the seed and dated back from `asOf` (the day
 * the fake starts, unless a test pins it): a monitor's default look-back always finds filings.
 * Each company gets a few 8-Ks (see edgar-scenarios.ts), some 8-K/A amendments, and the
 * quarterly, annual and insider filings a monitor must skip.
 */
import { createRng } from '../web/prng.ts';
import type { Rng } from '../web/prng.ts';
import { edgarCompanies } from './edgar-companies.ts';
import type { EdgarCompany } from './edgar-companies.ts';
import { SCENARIO_SPECS, drawAmount, drawOfficers, drawScenario, hasCounterparty } from './edgar-scenarios.ts';
import { expectedSignals } from './edgar-truth.ts';
import type { EdgarTruth, FilingEvent, FilingScenario, FilingTruth } from './edgar-truth.ts';

export type DocumentStyle = 'inline-xbrl' | 'legacy-font' | 'modern-div' | 'table-layout';

/** One row of a company's `filings.recent`, plus how its document is written. */
export interface EdgarFiling {
  readonly accessionNumber: string;
  readonly filingDate: string;
  readonly reportDate: string;
  readonly acceptanceDateTime: string;
  readonly form: string;
  readonly items: string;
  readonly primaryDocument: string;
  readonly primaryDocDescription: string;
  readonly fileNumber: string;
  readonly filmNumber: string;
  readonly size: number;
  readonly style: DocumentStyle;
  /** Set on 8-K and 8-K/A filings. */
  readonly truth?: FilingTruth;
}

export interface EdgarDataset {
  readonly asOf: string;
  readonly companies: readonly EdgarCompany[];
  readonly truth: EdgarTruth;
  /** A company's filings, newest first, pending ones included. */
  filingsOf(cik: number): readonly EdgarFiling[];
  /** The company and filing an Archives path names. */
  documentAt(path: string): { company: EdgarCompany; filing: EdgarFiling } | undefined;
}

const LOOK_BACK_DAYS = 365;
const MAX_8K_PER_COMPANY = 5;
const AMENDMENT_CHANCE = 0.25;
const PENDING_CHANCE = 0.05;
const DAY_MS = 86_400_000;
/** Filing agents that file for registrants, with the document names and HTML each one writes. */
const AGENTS = [
  { cik: '0001999901', style: 'legacy-font', name: (seq: string) => `d${seq}d8k.htm` },
  { cik: '0001999902', style: 'modern-div', name: (seq: string, c: EdgarCompany) => `ea0${seq}-8k_${c.stem.toLowerCase().replace(/\s+/g, '')}.htm` },
  { cik: '0001999903', style: 'table-layout', name: () => 'form8-k.htm' },
] as const;
const UNLISTED_COUNTERPARTIES = [
  'Meadowlark Capital Management, L.P.', 'Brightwater Partners LLC', 'Stonebridge Lending Group', 'Harlow & Finch Industrial GmbH',
  'Cinder Peak Software Ltd.', 'Wexford Bank, National Association', 'Tallis Data Systems, Inc.', 'Ridgeway Logistics Holdings LLC',
] as const;

const dateOf = (asOf: string, daysAgo: number): Date => new Date(Date.parse(`${asOf}T00:00:00Z`) - daysAgo * DAY_MS);
const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** Filers file on weekdays: a weekend date moves back to the Friday. */
function weekday(date: Date): Date {
  const day = date.getUTCDay();
  return day === 6 ? new Date(date.getTime() - DAY_MS) : day === 0 ? new Date(date.getTime() - 2 * DAY_MS) : date;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** The calendar quarter that ended before `date`, as an earnings release names it. */
function lastQuarter(date: Date): string {
  const quarter = Math.floor(date.getUTCMonth() / 3);
  const end = new Date(Date.UTC(date.getUTCFullYear(), quarter * 3, 0));
  return `the quarter ended ${MONTHS[end.getUTCMonth()]} ${end.getUTCDate()}, ${end.getUTCFullYear()}`;
}

interface Draft {
  readonly daysAgo: number;
  readonly form: string;
  readonly scenario?: FilingScenario;
  readonly event?: FilingEvent;
  readonly items: readonly string[];
  readonly amendsIndex?: number;
  readonly pending?: boolean;
}

function eventFor(rng: Rng, scenario: FilingScenario, filed: Date, companies: readonly EdgarCompany[], self: EdgarCompany): FilingEvent {
  const other = rng.chance(0.6) ? rng.pick(companies.filter((c) => c.cik !== self.cik)).legalName : rng.pick(UNLISTED_COUNTERPARTIES);
  const amountMillions = drawAmount(rng, scenario);
  return {
    officers: drawOfficers(rng, scenario),
    eventDate: isoDate(new Date(filed.getTime() - rng.int(0, 4) * DAY_MS)),
    ...(hasCounterparty(scenario) ? { counterparty: other } : {}),
    ...(amountMillions !== undefined ? { amountMillions } : {}),
    ...(scenario === 'earnings-release' ? { period: lastQuarter(filed) } : {}),
  };
}

function draftsFor(rng: Rng, company: EdgarCompany, companies: readonly EdgarCompany[], asOf: string): Draft[] {
  const drafts: Draft[] = [];
  const count = rng.int(1, MAX_8K_PER_COMPANY);
  for (let i = 0; i < count; i++) {
    const scenario = drawScenario(rng);
    const daysAgo = rng.int(1, LOOK_BACK_DAYS - 1);
    drafts.push({ daysAgo, form: '8-K', scenario, event: eventFor(rng, scenario, weekday(dateOf(asOf, daysAgo)), companies, company), items: SCENARIO_SPECS[scenario].items });
  }
  drafts.forEach((draft, index) => {
    const amendable = draft.scenario === 'executive-hire' || draft.scenario === 'acquisition-completed';
    if (!amendable || draft.daysAgo < 4 || !rng.chance(AMENDMENT_CHANCE)) return;
    const items = draft.scenario === 'executive-hire' ? ['5.02'] : ['2.01', '9.01'];
    drafts.push({ ...draft, daysAgo: draft.daysAgo - rng.int(2, Math.min(20, draft.daysAgo - 1)), form: '8-K/A', items, amendsIndex: index });
  });
  if (rng.chance(PENDING_CHANCE)) {
    const scenario = rng.pick(['executive-hire', 'material-agreement', 'acquisition-completed', 'executive-departure'] as const);
    drafts.push({ daysAgo: 0, form: '8-K', scenario, event: eventFor(rng, scenario, dateOf(asOf, 0), companies, company), items: SCENARIO_SPECS[scenario].items, pending: true });
  }
  for (const [form, days] of [['10-Q', 40], ['10-Q', 130], ['10-Q', 222], ['10-K', 310]] as const) drafts.push({ daysAgo: days + rng.int(0, 12), form, items: [] });
  for (let i = rng.int(0, 4); i > 0; i--) drafts.push({ daysAgo: rng.int(1, LOOK_BACK_DAYS - 1), form: '4', items: [] });
  return drafts;
}

interface Sequencer { next(agentCik: string, year: number): string }

const sequencer = (): Sequencer => {
  const counters = new Map<string, number>();
  return {
    next: (agentCik, year) => {
      const key = `${agentCik}-${year}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return `${agentCik}-${String(year % 100).padStart(2, '0')}-${String(n).padStart(6, '0')}`;
    },
  };
};

function primaryDocumentName(form: string, agent: (typeof AGENTS)[number] | undefined, company: EdgarCompany, filed: Date, accession: string): string {
  const day = isoDate(filed).replace(/-/g, '');
  if (form === '4') return 'xslF345X05/form4.xml';
  if (form !== '8-K' && form !== '8-K/A') return `${company.tickers[0]!.toLowerCase()}-${day}x${form.toLowerCase().replace(/[^a-z0-9]/g, '')}.htm`;
  const name = agent ? agent.name(accession.slice(-6), company) : `${company.tickers[0]!.toLowerCase()}-${day}.htm`;
  return form === '8-K/A' ? name.replace(/\.htm$/, 'a.htm') : name;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function reportDateOf(draft: Draft, filed: Date): string {
  if (draft.event) return draft.event.eventDate;
  return isoDate(new Date(filed.getTime() - (draft.form === '4' ? 2 : 35) * DAY_MS));
}

function truthOf(company: EdgarCompany, draft: Draft, core: Omit<FilingTruth, 'cik' | 'ticker' | 'companyName' | 'scenario' | 'signals' | 'event' | 'form' | 'items'>, amends?: string): FilingTruth | undefined {
  if (!draft.scenario || !draft.event) return undefined;
  return {
    cik: company.cik,
    ticker: company.tickers[0]!,
    companyName: company.edgarName,
    form: draft.form === '8-K/A' ? '8-K/A' : '8-K',
    items: draft.items,
    scenario: draft.scenario,
    signals: expectedSignals(draft.items, draft.event.officers),
    event: draft.event,
    ...core,
    ...(amends ? { amends } : {}),
    ...(draft.pending ? { pending: true } : {}),
  };
}

/** Turns drafts into filings in the order they were filed, so accession numbers rise with time. */
function buildFilings(rng: Rng, company: EdgarCompany, drafts: readonly Draft[], sequence: Sequencer, asOf: string): EdgarFiling[] {
  const agent = rng.chance(0.4) ? undefined : rng.pick(AGENTS);
  const filer = agent?.cik ?? String(company.cik).padStart(10, '0');
  const fileNumber = `001-${rng.int(30_000, 42_999)}`;
  const built = new Map<Draft, EdgarFiling>();
  for (const draft of [...drafts].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const filed = draft.daysAgo === 0 ? dateOf(asOf, 0) : weekday(dateOf(asOf, draft.daysAgo));
    const accessionNumber = sequence.next(filer, filed.getUTCFullYear());
    const primaryDocument = primaryDocumentName(draft.form, agent, company, filed, accessionNumber);
    const acceptanceDateTime = `${isoDate(filed)}T${pad2(rng.int(12, 21))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}.000Z`;
    const documentPath = `/Archives/edgar/data/${company.cik}/${accessionNumber.replace(/-/g, '')}/${primaryDocument}`;
    const amended = draft.amendsIndex === undefined ? undefined : built.get(drafts[draft.amendsIndex]!);
    const style: DocumentStyle = agent?.style ?? 'inline-xbrl';
    built.set(draft, {
      accessionNumber,
      filingDate: isoDate(filed),
      reportDate: reportDateOf(draft, filed),
      acceptanceDateTime,
      form: draft.form,
      items: draft.items.join(','),
      primaryDocument,
      primaryDocDescription: draft.form === '4' ? 'FORM 4' : draft.form,
      fileNumber: draft.form === '4' ? '' : fileNumber,
      filmNumber: draft.form === '4' ? '' : String(rng.int(24_400_000, 26_999_999)),
      size: rng.int(20_000, 900_000),
      style,
      truth: truthOf(company, draft, { accessionNumber, filingDate: isoDate(filed), acceptanceDateTime, primaryDocument, documentPath }, amended?.accessionNumber),
    });
  }
  return [...built.values()].sort((a, b) => b.acceptanceDateTime.localeCompare(a.acceptanceDateTime));
}

/** One earnings release gets a broken document (edgar-documents.ts): its items still count, its text cannot be trusted. */
function markMalformed(seed: number | string, byCik: Map<number, EdgarFiling[]>): void {
  const candidates = [...byCik.values()].flat().filter((f) => f.truth?.scenario === 'earnings-release' && f.form === '8-K' && !f.truth.pending);
  const chosen = createRng(seed, 'malformed').pick(candidates);
  const filings = byCik.get(chosen.truth!.cik)!;
  filings[filings.indexOf(chosen)] = { ...chosen, truth: { ...chosen.truth!, malformed: true } };
}

export interface EdgarDatasetOptions {
  readonly seed: number | string;
  /** `YYYY-MM-DD`: filings are dated back from it. */
  readonly asOf: string;
}

export function generateEdgarDataset(options: EdgarDatasetOptions): EdgarDataset {
  const { seed, asOf } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new RangeError(`asOf must be a YYYY-MM-DD date, not "${asOf}"`);
  const companies = edgarCompanies();
  const sequence = sequencer();
  const byCik = new Map<number, EdgarFiling[]>();
  for (const company of companies) {
    const rng = createRng(seed, `filings:${company.cik}`);
    byCik.set(company.cik, buildFilings(rng, company, draftsFor(rng, company, companies, asOf), sequence, asOf));
  }
  markMalformed(seed, byCik);
  const byCikCompany = new Map(companies.map((c) => [c.cik, c]));
  const documents = new Map<string, { company: EdgarCompany; filing: EdgarFiling }>();
  for (const [cik, filings] of byCik) {
    for (const filing of filings) {
      documents.set(`/Archives/edgar/data/${cik}/${filing.accessionNumber.replace(/-/g, '')}/${filing.primaryDocument}`, { company: byCikCompany.get(cik)!, filing });
    }
  }
  const truthFilings = [...byCik.values()].flat().flatMap((f) => (f.truth ? [f.truth] : []));
  truthFilings.sort((a, b) => b.acceptanceDateTime.localeCompare(a.acceptanceDateTime) || a.accessionNumber.localeCompare(b.accessionNumber));
  return {
    asOf,
    companies,
    truth: { asOf, filings: truthFilings },
    filingsOf: (cik) => byCik.get(cik) ?? [],
    documentAt: (path) => documents.get(path),
  };
}
