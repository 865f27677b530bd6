import { runApolloCollection } from '../../domain/apollo/run-apollo-collection.ts';
import type { JobRunner } from '../../domain/jobs/runner.ts';
import { apolloCollectionDeps } from '../../platform/services/apollo-collection.services.ts';

/** `apollo_collection`: plans segments and watches the page workers (functions/domain/apollo/run-apollo-collection.ts). */
export const apolloCollectionRunner: JobRunner = (context) => runApolloCollection(apolloCollectionDeps(), context);
