import type { RouteContract } from '../../platform/http/route-contract.ts';
import { accountsContracts } from './accounts.contract.ts';
import { filtersContracts } from './filters.contract.ts';
import { docsContracts } from './docs.contract.ts';
import { queryContracts } from './query.contract.ts';
import { recordsContracts } from './records.contract.ts';
import { jobsContracts } from './jobs.contract.ts';
import { exportsContracts } from './exports.contract.ts';
import { uploadsContracts } from './uploads.contract.ts';
import { enrichmentContracts } from './enrichment.contract.ts';
import { billingContracts } from './billing.contract.ts';
import { seedCompatContracts } from './seed-compat.contract.ts';
import { apolloCredentialsContracts } from './apollo-credentials.contract.ts';
import { collectionsContracts } from './collections.contract.ts';
import { lookupsContracts } from './lookups.contract.ts';
import { signalsContracts } from './signals.contract.ts';
import { researchContracts } from './research.contract.ts';

/**
 * Every route's contract, one file per area (`<area>.contract.ts`). The OpenAPI document is
 * built from this list, and test/unit/http/contracts.test.ts fails when a topology route is
 * missing from it.
 */
export const routeContracts: readonly RouteContract[] = [
  // areas: add `...<area>Contracts,` here
  ...jobsContracts,
  ...accountsContracts,
  ...queryContracts,
  ...uploadsContracts,
  ...exportsContracts,
  ...filtersContracts,
  ...docsContracts,
  ...recordsContracts,
  ...enrichmentContracts,
  ...billingContracts,
  ...seedCompatContracts,
  ...apolloCredentialsContracts,
  ...collectionsContracts,
  ...lookupsContracts,
  ...signalsContracts,
  ...researchContracts,
];
