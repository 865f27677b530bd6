import { OpenSearchRecordSearch } from '../../adapters/opensearch/records.opensearch.ts';
import { createSearchClient } from '../../adapters/opensearch/search-client.ts';
import { config } from '../config.ts';
import { once } from './once.ts';

export const searchClient = /* @__PURE__ */ once(() => createSearchClient(config().SEARCH_ENDPOINT, config().AWS_REGION));
export const recordSearch = /* @__PURE__ */ once(() => new OpenSearchRecordSearch(searchClient()));
