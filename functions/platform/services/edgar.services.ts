/**
 * SEC EDGAR for company intelligence. The EDGAR adapter (functions/adapters/edgar) is wired
 * here; onboarding research and signal monitoring only import these accessors.
 */
import { DynamoEdgarCache } from '../../adapters/dynamodb/edgar-cache.dynamodb.ts';
import { EdgarClient } from '../../adapters/edgar/edgar.client.ts';
import { systemClock } from '../../domain/outbound/shared-limiter.ts';
import type { CompanyTickers } from '../../ports/company-tickers.port.ts';
import type { EdgarFilings } from '../../ports/edgar-filings.port.ts';
import { config } from '../config.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';
import { outboundHttp } from './outbound.services.ts';

const edgarClient = /* @__PURE__ */ once(
  () =>
    new EdgarClient({
      http: outboundHttp(),
      cache: new DynamoEdgarCache(documentClient(), config().CONTROL_TABLE_NAME),
      clock: systemClock,
      baseUrl: config().outbound.providers.edgar.baseUrl,
      ...(config().EDGAR_ARCHIVES_BASE_URL ? { archivesBaseUrl: config().EDGAR_ARCHIVES_BASE_URL } : {}),
      ...(config().EDGAR_CONTACT_EMAIL ? { contactEmail: config().EDGAR_CONTACT_EMAIL } : {}),
    }),
);

/** SEC's company tickers list, cached. */
export const companyTickers = /* @__PURE__ */ once((): CompanyTickers => edgarClient());

/** A registrant's filings and their primary documents. */
export const edgarFilings = /* @__PURE__ */ once((): EdgarFilings => edgarClient());
