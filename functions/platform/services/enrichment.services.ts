import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoLookupCache } from '../../adapters/dynamodb/lookup-cache.dynamodb.ts';
import { DynamoSiteTaskStore } from '../../adapters/dynamodb/site-tasks.dynamodb.ts';
import { SqsSiteTaskQueue } from '../../adapters/sqs/site-task-queue.sqs.ts';
import { OutboundPageFetcher } from '../../adapters/website/page-fetcher.outbound.ts';
import { BrowserPageRenderer } from '../../adapters/website/page-renderer.browser.ts';
import { companyByDomainFrom, companyTargetsFrom } from '../../domain/enrich-websites/company-targets.ts';
import type { CrawlDeps } from '../../domain/enrich-websites/crawl-site.ts';
import type { PageRenderer } from '../../domain/enrich-websites/crawl-ports.ts';
import type { EnrichWebsitesDeps } from '../../domain/enrich-websites/enrich-websites-deps.ts';
import { siteExtractorWith } from '../../domain/enrich-websites/site-extractor.ts';
import type { EnrichmentWriterDeps } from '../../domain/enrich-websites/write-enrichment.ts';
import { fingerprintsFor } from '../../domain/enrichment/shipped-fingerprints.ts';
import type { BrowserPort } from '../../ports/browser.port.ts';
import { config } from '../config.ts';
import { tracer } from '../tracer.ts';
import { documentClient, recordStore } from './dynamodb.services.ts';
import { once } from './once.ts';
import { outboundHttp, urlGuard } from './outbound.services.ts';
import { recordSearch } from './search.services.ts';

export const siteTaskStore = /* @__PURE__ */ once(() => new DynamoSiteTaskStore(documentClient(), config().CONTROL_TABLE_NAME));

export const siteTaskQueue = /* @__PURE__ */ once(() => {
  const url = config().SITE_TASKS_QUEUE_URL;
  if (!url) throw new Error('SITE_TASKS_QUEUE_URL is not set');
  return new SqsSiteTaskQueue(tracer.captureAWSv3Client(new SQSClient({ region: config().AWS_REGION })), url);
});

export const enrichWebsitesDeps = (): EnrichWebsitesDeps => ({ tasks: siteTaskStore(), queue: siteTaskQueue(), companies: companyTargetsFrom(recordSearch()) });

export const enrichmentWriterDeps = (): EnrichmentWriterDeps => ({ records: recordStore(), byDomain: companyByDomainFrom(recordSearch()) });

const siteExtractor = /* @__PURE__ */ once(() => siteExtractorWith(fingerprintsFor(config().ENRICHMENT_FINGERPRINTS_DIR)));

/**
 * Chromium is imported only when a page first needs it, so a crawl of plain-HTML sites never pays
 * for the browser's cold start; one browser then serves every warm invocation.
 */
const browser = /* @__PURE__ */ once((): BrowserPort => {
  let loaded: Promise<BrowserPort> | undefined;
  const load = () =>
    (loaded ??= import('../../adapters/chromium/browser.chromium.ts').then(
      ({ ChromiumBrowser }) =>
        new ChromiumBrowser({
          guardUrl: urlGuard(),
          connectTo: config().outbound.connectTo.map((rule) => ({ pattern: rule.pattern, host: rule.address, port: rule.port })),
        }),
    ));
  return { render: async (url, options) => (await load()).render(url, options), close: async () => (await load()).close() };
});

const renderer = /* @__PURE__ */ once((): PageRenderer => new BrowserPageRenderer(browser()));

/** The crawl of one site for one caller: pages over the outbound client, the browser when a page needs it. */
export const crawlDeps = (caller: { readonly workspaceId: string; readonly jobId?: string }): CrawlDeps => ({
  fetcher: new OutboundPageFetcher(outboundHttp(), caller),
  renderer: renderer(),
  extractor: siteExtractor(),
});

export const lookupCache = /* @__PURE__ */ once(() => new DynamoLookupCache(documentClient(), config().CONTROL_TABLE_NAME));
