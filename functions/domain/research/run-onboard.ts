/**
 * `onboard_company`: researches a SaaS company from its own website in four stages (research,
 * customers, enterprise, profiles), with the seed's progress messages, and leaves a result that
 * says what it found and what it could not find. The upserts are idempotent (a company's uuid
 * comes from its name), so a retried run repeats no record.
 */
import type { CompanyTickers } from '../../ports/company-tickers.port.ts';
import type { Llm } from '../../ports/llm.port.ts';
import type { CrawlDeps } from '../enrich-websites/crawl-site.ts';
import { parseSiteTarget } from '../enrich-websites/site-target.ts';
import type { JobRunContext, JobRunOutcome } from '../jobs/runner.ts';
import { extractCustomers, type CustomerMention } from './extract-customers.ts';
import { extractPositioning, type Positioning } from './extract-positioning.ts';
import { extractPricing } from './extract-pricing.ts';
import { extractProducts } from './extract-products.ts';
import { buildIcps, buildPersonas } from './icps-personas.ts';
import { summarise } from './llm-summaries.ts';
import { onboardCompanyDataSchema } from './onboard-job-data.ts';
import { OnboardProgress, RunStopped } from './onboard-progress.ts';
import { crawlResearchSite, type ResearchCrawl } from './research-crawl.ts';
import { MAX_CUSTOMERS_IN_RESULT } from './research-limits.ts';
import { classify, loadTickers, profileOf, tickerMatcher, upsertCustomers, type ResolveDeps, type ResolvedCustomer } from './resolve-customers.ts';

export interface OnboardDeps extends Omit<ResolveDeps, 'tickers'> {
  readonly crawl: CrawlDeps;
  readonly tickers: () => CompanyTickers;
  /** Absent unless an operator configured a chat model. */
  readonly llm?: Llm;
  readonly now?: () => Date;
}

interface Missing {
  readonly what: string;
  readonly reason: string;
}

async function researchStage(deps: OnboardDeps, progress: OnboardProgress, data: { company_name: string; website: string; deep_research: boolean }, missing: Missing[]) {
  const target = parseSiteTarget(data.website);
  if (!target.ok) throw new Error('job_data.website was validated at creation');
  await progress.stageStart('research', `Starting ${data.deep_research ? 'deep ' : ''}research for ${data.company_name}`);
  const crawl: ResearchCrawl = await progress.task('research', 'crawl', () => crawlResearchSite(deps.crawl, { domain: target.domain, ...(target.startUrl ? { startUrl: target.startUrl } : {}) }, data.deep_research));
  if (crawl.unreadable) missing.push({ what: 'website', reason: `${crawl.unreadable.reason}: ${crawl.unreadable.message}` });
  const products = await progress.task('research', 'products', async () => extractProducts(crawl.pages, target.domain));
  const pricing = await progress.task('research', 'pricing', async () => extractPricing(crawl.pages));
  const positioning = await progress.task('research', 'positioning', async () => extractPositioning(crawl.pages));
  if (products.length === 0) missing.push({ what: 'products', reason: 'no product pages, product navigation or JSON-LD products on the pages read' });
  if (pricing.length === 0) missing.push({ what: 'pricing_tiers', reason: 'no pricing page or priced tiers on the pages read' });
  await progress.stageComplete('research', `Research completed for ${data.company_name}`);
  return { target, crawl, products, pricing, positioning };
}

async function customersStage(deps: OnboardDeps, progress: OnboardProgress, ctx: JobRunContext, company: string, found: { crawl: ResearchCrawl; domain: string }, missing: Missing[]): Promise<ResolvedCustomer[]> {
  const { job } = ctx;
  const resolveCtx = { workspaceId: job.workspaceId, jobId: job.id, customerOf: company, at: (deps.now?.() ?? new Date()).toISOString() };
  await progress.stageStart('customers', `Discovering customers of ${company}`);
  const mentions: CustomerMention[] = await progress.task('customers', 'logo_walls', async () => extractCustomers(found.crawl.pages, { host: found.domain, companyName: company }));
  if (mentions.length === 0) missing.push({ what: 'customers', reason: 'no logo wall, customer stories or "trusted by" list on the pages read' });
  const written = await progress.task('customers', 'records', () => upsertCustomers(deps, resolveCtx, mentions));
  const customers = await progress.task('customers', 'tickers', async () => {
    const list = await loadTickers(deps.tickers, resolveCtx);
    if ('unavailable' in list && mentions.length > 0) missing.push({ what: 'tickers', reason: `SEC company tickers list unavailable: ${list.unavailable}` });
    const match = tickerMatcher(list, deps.tickerMinConfidence);
    const out: ResolvedCustomer[] = [];
    for (const w of written) out.push(classify(w, await profileOf(deps.reader, job.workspaceId, w.uuid), match(w.mention.name), deps.enterpriseMinEmployees));
    return out;
  });
  await progress.stageComplete('customers', `${customers.length} customers found for ${company}`);
  return customers;
}

async function profilesStage(deps: OnboardDeps, progress: OnboardProgress, ctx: JobRunContext, company: string, crawl: ResearchCrawl, positioning: Positioning, customers: readonly ResolvedCustomer[]) {
  await progress.stageStart('profiles', `Building ICPs and personas for ${company}`);
  const icps = await progress.task('profiles', 'icps', async () => buildIcps(customers, positioning));
  const personas = await progress.task('profiles', 'personas', async () => buildPersonas(crawl.pages, positioning));
  let llm: 'off' | 'used' | 'failed' = 'off';
  if (deps.llm) {
    const model = deps.llm;
    try {
      await progress.task('profiles', 'summaries', () => summarise(model, { workspaceId: ctx.job.workspaceId, jobId: ctx.job.id }, company, icps, personas));
      llm = 'used';
    } catch (error) {
      if (error instanceof RunStopped) throw error;
      llm = 'failed';
    }
  } else {
    await progress.task('profiles', 'summaries', async () => 0);
  }
  await progress.stageComplete('profiles', `${icps.length} ICPs and ${personas.length} personas for ${company}`);
  return { icps, personas, llm };
}

export async function runOnboardCompany(deps: OnboardDeps, ctx: JobRunContext): Promise<JobRunOutcome> {
  const data = onboardCompanyDataSchema.parse(ctx.job.data);
  const company = data.company_name;
  const progress = new OnboardProgress(ctx);
  const missing: Missing[] = [];
  try {
    const research = await researchStage(deps, progress, data, missing);
    const customers = await customersStage(deps, progress, ctx, company, { crawl: research.crawl, domain: research.target.domain }, missing);
    await progress.stageStart('enterprise', `Selecting enterprise customers of ${company}`);
    const enterprise = await progress.task('enterprise', 'classify', async () => customers.filter((c) => c.enterprise));
    await progress.stageComplete('enterprise', `${enterprise.length} enterprise customers for ${company}`);
    const profiles = await profilesStage(deps, progress, ctx, company, research.crawl, research.positioning, customers);
    const summary = {
      company_name: company,
      customers_discovered: customers.length,
      enterprise_customers: enterprise.length,
      products_found: research.products.length,
      pricing_tiers_found: research.pricing.length,
      icps_found: profiles.icps.length,
      personas_found: profiles.personas.length,
    };
    const result = {
      ...summary,
      website: research.target.domain,
      deep_research: data.deep_research,
      completed_at: (deps.now?.() ?? new Date()).toISOString(),
      pages_read: research.crawl.pages.map((p) => p.url),
      page_failures: research.crawl.pageFailures,
      products: research.products,
      pricing_tiers: research.pricing,
      positioning: research.positioning,
      customers: customers.slice(0, MAX_CUSTOMERS_IN_RESULT),
      icps: profiles.icps,
      personas: profiles.personas,
      llm_summaries: profiles.llm,
      not_found: missing,
    };
    return { outcome: 'completed', result, summary, message: `Onboarding completed for ${company}` };
  } catch (error) {
    if (error instanceof RunStopped) return { outcome: 'stopped' };
    throw error;
  }
}
