import { OpenSearchRecordAnalytics } from '../../adapters/opensearch/analytics.opensearch.ts';
import { once } from './once.ts';
import { searchClient } from './search.services.ts';

export const recordAnalytics = /* @__PURE__ */ once(() => new OpenSearchRecordAnalytics(searchClient()));
