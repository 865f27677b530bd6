import type { JobRunner } from '../../domain/jobs/runner.ts';
import { runBulkLookup } from '../../domain/lookups/run-bulk-lookup.ts';
import { bulkLookupDeps } from '../../platform/services/lookups.services.ts';

/** `lookup_bulk`: person lookups one by one, then the signed webhook (functions/domain/lookups/run-bulk-lookup.ts). */
export const lookupBulkRunner: JobRunner = (context) => runBulkLookup(bulkLookupDeps(), context);
