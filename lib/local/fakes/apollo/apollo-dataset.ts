/**
 * The fake Apollo's organisations, held column by column in typed arrays (a few MB for 60,000)
 * and indexed by industry and place; a full JSON record is built only for rows an answer shows.
 * People are not stored at all: each organisation keeps only its head count (see apollo-people.ts).
 *
 * Ids look like Apollo's 24-hex ObjectIds but carry the row number, so a lookup by id is O(1):
 * 8 hex of the seed's prefix, 6 hex of the row, 10 hex of a check drawn from the seed.
 */
import { hashSeed, hex, intBetween, mix32, pickOne, streamFrom, weightedPicker, type Draw } from './apollo-random.ts';
import {
  APOLLO_INDUSTRIES, APOLLO_PLACES, COMMON_KEYWORDS, FUNDING_STAGES, INDUSTRY_KEYWORDS, NAME_CORES, NAME_STEMS, NAME_SUFFIXES,
} from './apollo-vocabulary.ts';

/** Over the API's display cap of 50,000, so a search for everything must be split. */
export const APOLLO_ORGANIZATION_COUNT = 60_000;
/** Share of organisations with 50–100 people; the others have a handful. */
const LARGE_STAFF_SHARE = 0.08;
const LARGE_STAFF = [50, 100] as const;
const SMALL_STAFF = [1, 12] as const;
const KEYWORDS_PER_ORGANIZATION = 3;
const REVENUE_UNKNOWN_SHARE = 0.15;
const FUNDED_SHARE = 0.35;
const NO_FUNDING = 255;
const TLDS = ['com', 'com', 'com', 'io', 'co', 'net', 'ai'] as const;

/** Head-count bands and their share of organisations (a long tail of large companies). */
const EMPLOYEE_BANDS: readonly (readonly [number, number, number])[] = [
  [1, 10, 30], [11, 50, 25], [51, 200, 20], [201, 500, 10], [501, 1000, 6], [1001, 5000, 5], [5001, 10000, 2], [10001, 100000, 2],
];

/** Every keyword any organisation may carry; an organisation stores indices into it. */
export const KEYWORD_VOCABULARY: readonly string[] = [...new Set([...COMMON_KEYWORDS, ...INDUSTRY_KEYWORDS.flat()])];
const keywordIndex = new Map(KEYWORD_VOCABULARY.map((keyword, index) => [keyword, index]));

export interface ApolloDataset {
  readonly seed: string;
  readonly seedHash: number;
  readonly count: number;
  readonly names: readonly string[];
  readonly domains: readonly string[];
  readonly industry: Uint8Array;
  readonly place: Uint16Array;
  readonly employees: Uint32Array;
  /** NaN when Apollo does not know the revenue. */
  readonly revenue: Float64Array;
  readonly founded: Uint16Array;
  /** Index into FUNDING_STAGES, NO_FUNDING when never funded. */
  readonly fundingStage: Uint8Array;
  readonly totalFunding: Float64Array;
  readonly growth: Float64Array;
  readonly keywords: Uint16Array;
  /** Bit i set: the organisation uses APOLLO_TECHNOLOGIES[i] (32 of them, one word). */
  readonly technologies: Uint32Array;
  readonly staff: Uint8Array;
  readonly byIndustry: readonly Int32Array[];
  readonly byPlace: readonly Int32Array[];
  readonly byDomain: ReadonlyMap<string, number>;
  readonly byName: ReadonlyMap<string, number>;
  readonly orgIdPrefix: string;
  readonly personIdPrefix: string;
}

export const hasFunding = (dataset: ApolloDataset, row: number): boolean => dataset.fundingStage[row] !== NO_FUNDING;

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Names are two words plus, on a repeat, a legal suffix or a number: unique without searching. */
const uniqueName = (draw: Draw, seen: Map<string, number>): string => {
  const base = `${pickOne(draw, NAME_STEMS)} ${pickOne(draw, NAME_CORES)}`;
  const repeat = seen.get(base) ?? 0;
  seen.set(base, repeat + 1);
  return repeat < NAME_SUFFIXES.length ? base + NAME_SUFFIXES[repeat] : `${base} ${repeat - NAME_SUFFIXES.length + 2}`;
};

/** The domain is the name's two words (letters only), numbered from its second use. */
const uniqueDomain = (draw: Draw, name: string, seen: Map<string, number>): string => {
  const stem = slug(name.split(' ').slice(0, 2).join(''));
  const tld = pickOne(draw, TLDS);
  const repeat = seen.get(`${stem}.${tld}`) ?? 0;
  seen.set(`${stem}.${tld}`, repeat + 1);
  return repeat === 0 ? `${stem}.${tld}` : `${stem}${repeat + 1}.${tld}`;
};

const groupBy = (values: ArrayLike<number>, groups: number): Int32Array[] => {
  const lists: number[][] = Array.from({ length: groups }, () => []);
  for (let row = 0; row < values.length; row += 1) lists[values[row] as number]?.push(row);
  return lists.map((list) => Int32Array.from(list));
};

interface Columns {
  industry: Uint8Array; place: Uint16Array; employees: Uint32Array; revenue: Float64Array; founded: Uint16Array;
  fundingStage: Uint8Array; totalFunding: Float64Array; growth: Float64Array; keywords: Uint16Array; technologies: Uint32Array; staff: Uint8Array;
}

const allocate = (count: number): Columns => ({
  industry: new Uint8Array(count), place: new Uint16Array(count), employees: new Uint32Array(count), revenue: new Float64Array(count),
  founded: new Uint16Array(count), fundingStage: new Uint8Array(count), totalFunding: new Float64Array(count), growth: new Float64Array(count),
  keywords: new Uint16Array(count * KEYWORDS_PER_ORGANIZATION), technologies: new Uint32Array(count), staff: new Uint8Array(count),
});

const pickIndustry = weightedPicker(APOLLO_INDUSTRIES.map((industry) => industry.weight));
const pickPlace = weightedPicker(APOLLO_PLACES.map((place) => place.weight));
const pickBand = weightedPicker(EMPLOYEE_BANDS.map(([, , weight]) => weight));

const fillRow = (draw: Draw, columns: Columns, row: number): void => {
  const industry = pickIndustry(draw);
  columns.industry[row] = industry;
  columns.place[row] = pickPlace(draw);
  const [low, high] = EMPLOYEE_BANDS[pickBand(draw)] ?? [1, 10];
  const employees = intBetween(draw, low, high);
  columns.employees[row] = employees;
  columns.revenue[row] = draw() < REVENUE_UNKNOWN_SHARE ? Number.NaN : Math.round((employees * intBetween(draw, 40, 320)) / 10) * 10_000;
  columns.founded[row] = 2024 - Math.floor(draw() ** 2 * 70);
  const funded = draw() < FUNDED_SHARE;
  columns.fundingStage[row] = funded ? Math.floor(draw() * FUNDING_STAGES.length) : NO_FUNDING;
  columns.totalFunding[row] = funded ? intBetween(draw, 5, 2_000) * 100_000 : Number.NaN;
  columns.growth[row] = Math.round((draw() * 0.8 - 0.2) * 100) / 100;
  const own = INDUSTRY_KEYWORDS[industry] ?? [];
  const chosen = [pickOne(draw, own), pickOne(draw, own), pickOne(draw, COMMON_KEYWORDS)];
  chosen.forEach((keyword, slot) => { columns.keywords[row * KEYWORDS_PER_ORGANIZATION + slot] = keywordIndex.get(keyword) ?? 0; });
  // Two random words ANDed: each of the 32 technologies is in use with probability 1/4.
  columns.technologies[row] = (Math.floor(draw() * 2 ** 32) & Math.floor(draw() * 2 ** 32)) >>> 0;
  columns.staff[row] = draw() < LARGE_STAFF_SHARE ? intBetween(draw, ...LARGE_STAFF) : intBetween(draw, ...SMALL_STAFF);
};

/** Generates the dataset of a seed: about 100 ms for 60,000 organisations. */
export const generateApolloDataset = (seed: string, count = APOLLO_ORGANIZATION_COUNT): ApolloDataset => {
  const seedHash = hashSeed(seed);
  const draw = streamFrom(seedHash);
  const columns = allocate(count);
  const names: string[] = [];
  const domains: string[] = [];
  const seenNames = new Map<string, number>();
  const seenDomains = new Map<string, number>();
  for (let row = 0; row < count; row += 1) {
    const name = uniqueName(draw, seenNames);
    const domain = uniqueDomain(draw, name, seenDomains);
    names.push(name);
    domains.push(domain);
    fillRow(draw, columns, row);
  }
  return {
    seed, seedHash, count, names, domains, ...columns,
    byIndustry: groupBy(columns.industry, APOLLO_INDUSTRIES.length),
    byPlace: groupBy(columns.place, APOLLO_PLACES.length),
    byDomain: new Map(domains.map((domain, row) => [domain, row])),
    byName: new Map(names.map((name, row) => [name.toLowerCase(), row])),
    orgIdPrefix: hex(mix32(seedHash, 1), 8),
    personIdPrefix: hex(mix32(seedHash, 2), 8),
  };
};

const datasets = new Map<string, ApolloDataset>();

/** One dataset per seed and size in this process: the server and the ground truth share it. */
export const apolloDataset = (seed: string, count = APOLLO_ORGANIZATION_COUNT): ApolloDataset => {
  const key = `${count}:${seed}`;
  let dataset = datasets.get(key);
  if (!dataset) {
    dataset = generateApolloDataset(seed, count);
    datasets.set(key, dataset);
  }
  return dataset;
};

export const organizationId = (dataset: ApolloDataset, row: number): string =>
  `${dataset.orgIdPrefix}${hex(row, 6)}${hex(mix32(dataset.seedHash, 3, row), 8)}${hex(mix32(dataset.seedHash, 4, row), 2)}`;

/** The row an organisation id names, or undefined for an id this dataset never issued. */
export const organizationRow = (dataset: ApolloDataset, id: string): number | undefined => {
  if (id.length !== 24 || !id.startsWith(dataset.orgIdPrefix)) return undefined;
  const row = Number.parseInt(id.slice(8, 14), 16);
  return Number.isInteger(row) && row < dataset.count && organizationId(dataset, row) === id ? row : undefined;
};

export const personId = (dataset: ApolloDataset, row: number, person: number): string =>
  `${dataset.personIdPrefix}${hex(row, 6)}${hex(person, 2)}${hex(mix32(dataset.seedHash, 5, row, person), 8)}`;

export const personOf = (dataset: ApolloDataset, id: string): { row: number; person: number } | undefined => {
  if (id.length !== 24 || !id.startsWith(dataset.personIdPrefix)) return undefined;
  const row = Number.parseInt(id.slice(8, 14), 16);
  const person = Number.parseInt(id.slice(14, 16), 16);
  if (!Number.isInteger(row) || row >= dataset.count || person >= (dataset.staff[row] ?? 0)) return undefined;
  return personId(dataset, row, person) === id ? { row, person } : undefined;
};

export const organizationKeywords = (dataset: ApolloDataset, row: number): string[] => {
  const words: string[] = [];
  for (let slot = 0; slot < KEYWORDS_PER_ORGANIZATION; slot += 1) {
    const word = KEYWORD_VOCABULARY[dataset.keywords[row * KEYWORDS_PER_ORGANIZATION + slot] ?? 0];
    if (word !== undefined && !words.includes(word)) words.push(word);
  }
  return words;
};
