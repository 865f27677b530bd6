/**
 * SEC EDGAR for company intelligence. The EDGAR adapter (functions/adapters/edgar) is wired
 * here; onboarding research and signal monitoring only import these accessors.
 */
import type { CompanyTickers } from '../../ports/company-tickers.port.ts';
import { once } from './once.ts';

/** SEC's company tickers list, cached. */
export const companyTickers = /* @__PURE__ */ once((): CompanyTickers => {
  throw new Error('the company tickers list is not wired to an adapter yet');
});
