import type { FakeProvider } from '../fake-provider.ts';
import { startFakeApollo } from './apollo.server.ts';

export { apolloGroundTruth, type GroundTruth, type GroundTruthQuery } from './apollo-ground-truth.ts';
export { APOLLO_ORGANIZATION_COUNT } from './apollo-dataset.ts';
export { APOLLO_INDUSTRIES, APOLLO_PLACES, APOLLO_TECHNOLOGIES } from './apollo-vocabulary.ts';
export { apolloKnobsSchema, type ApolloKnobs } from './apollo-knobs.ts';
export { APOLLO_SESSIONS_PATH, FAKE_APOLLO_API_KEY, FAKE_APOLLO_UNSCOPED_API_KEY, startFakeApollo } from './apollo.server.ts';

/** Apollo.io's search and enrichment API, its web app's internal search, and their limits. */
export const fakeApollo: FakeProvider = { name: 'apollo', start: startFakeApollo };
