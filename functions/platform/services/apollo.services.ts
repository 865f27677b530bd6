/**
 * Where an Apollo collection gets its source and the workspace's credentials. The adapters
 * (functions/adapters/apollo) are wired here; the collection job only imports these accessors.
 */
import type { ApolloCredentialStore, ApolloSourceFactory } from '../../ports/apollo-source.port.ts';
import { once } from './once.ts';

const notWiredYet = (what: string): never => {
  throw new Error(`${what} is not wired to an adapter yet`);
};

/** Opens the browser-session or API source for a workspace's credentials. */
export const apolloSourceFactory = /* @__PURE__ */ once((): ApolloSourceFactory => notWiredYet('the Apollo source factory'));

/** The workspace's stored Apollo session or API key. */
export const apolloCredentialStore = /* @__PURE__ */ once((): ApolloCredentialStore => notWiredYet('the Apollo credential store'));
