/**
 * Website enrichment accuracy: extractSite over every ordinary fake-web site, reading the pages
 * a crawl fetches (the home page, then what pickPagesToFetch chooses from it, PAGES_PER_SITE in
 * all, with the server's headers and cookies), scored field by field against the ground truth.
 * Values only a script run in a browser shows are left out of what plain HTTP is expected to
 * find; the JS-only site is reported on its own line to show what the browser path must add.
 */
import { extractSite } from '../functions/domain/enrichment/extract-site.ts';
import { generateFakeWeb } from '../lib/local/fakes/web/index.ts';
import type { SiteScores, Tally } from './accuracy-scoring.ts';
import { ORGANIZATION_FIELDS, addSets, emptyScores, emptyTally, scoreSite } from './accuracy-scoring.ts';
import { PAGES_PER_SITE, crawlOrdinarySites, crawlSite } from './fake-web-pages.ts';
import { describeMachine } from './machine.ts';

const EXAMPLES_PRINTED = 3;

const ratio = (n: number, d: number): string => (d === 0 ? '–' : (n / d).toFixed(3));

function row(name: string, t: Tally): string {
  return `| ${name} | ${t.extracted} | ${t.correct} | ${t.expected} | ${ratio(t.correct, t.extracted)} | ${ratio(t.correct, t.expected)} |`;
}

function printTable(scores: SiteScores): void {
  console.log('| field | extracted | correct | in truth | precision | recall |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('emails', scores.emails));
  console.log(row('phones', scores.phones));
  console.log(row('social profiles', scores.profiles));
  console.log(row('technologies', scores.technologies));
  console.log(row('people (by name)', scores.people));
  console.log(row('people: title of those found', scores.personTitles));
  for (const field of ORGANIZATION_FIELDS) console.log(row(`organisation: ${field}`, scores.organization[field]));
}

function printExamples(scores: SiteScores): void {
  const fields: Array<[string, Tally]> = [
    ['emails', scores.emails], ['phones', scores.phones], ['social profiles', scores.profiles], ['technologies', scores.technologies],
    ['people', scores.people], ['people titles', scores.personTitles],
    ...ORGANIZATION_FIELDS.map((f): [string, Tally] => [`organisation ${f}`, scores.organization[f]]),
  ];
  for (const [name, t] of fields) {
    if (t.misses.length === 0 && t.wrong.length === 0) continue;
    console.log(`- ${name}: missed ${t.misses.slice(0, EXAMPLES_PRINTED).join('; ') || 'none'} / wrong ${t.wrong.slice(0, EXAMPLES_PRINTED).join('; ') || 'none'}`);
  }
}

export interface AccuracyBenchOptions {
  readonly sites: number;
  /** Print example misses and false positives under the table. */
  readonly examples?: boolean;
}

export async function runEnrichmentAccuracyBench(opts: AccuracyBenchOptions): Promise<void> {
  const web = generateFakeWeb({ siteCount: opts.sites });
  const crawled = crawlOrdinarySites(web);
  const pages = crawled.reduce((n, s) => n + s.pages.length, 0);
  console.log(`\n## Website enrichment accuracy against the fake web's ground truth (seed ${String(web.seed)}, ${crawled.length} ordinary sites of ${web.sites.length}, ${pages} pages, up to ${PAGES_PER_SITE} per site, plain HTTP) — ${describeMachine()}`);
  const scores = emptyScores();
  for (const site of crawled) {
    scoreSite(scores, extractSite(site.pages, { companyDomain: site.truth.domain, defaultCountry: site.truth.country }), site.truth);
  }
  printTable(scores);
  if (opts.examples) printExamples(scores);

  const jsOnly = web.sites.find((s) => s.special === 'js-only');
  if (!jsOnly) return;
  const got = extractSite(crawlSite(web, jsOnly), { companyDomain: jsOnly.domain, defaultCountry: jsOnly.country });
  const tally = (extracted: string[], expected: string[]): Tally => {
    const t = emptyTally();
    addSets(t, extracted, expected, jsOnly.domain);
    return t;
  };
  console.log(`\nThe JS-only site (${jsOnly.domain}) over plain HTTP: its contacts exist only after a script runs, so recall here is what the browser path has to make up`);
  console.log('| field | extracted | correct | in truth | precision | recall |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('emails', tally(got.emails.map((e) => e.email), jsOnly.emails.map((e) => e.address))));
  console.log(row('phones', tally(got.phones.map((p) => p.phone), jsOnly.phones.map((p) => p.e164))));
  console.log(row('people (by name)', tally(got.people.map((p) => `${p.first_name} ${p.last_name}`), jsOnly.people.map((p) => p.name))));
  console.log(row('technologies', tally(got.technologies.map((t) => t.name), jsOnly.technologies.map((t) => t.name))));
}
