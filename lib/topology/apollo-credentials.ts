/**
 * Apollo credentials: the workspace's pasted browser session and its API key, which Apollo
 * collections read with. Stored sealed in the control table; the routes never answer a value.
 */
import { MB, defineFeature } from './types.ts';

const access = { tables: { control: 'readwrite' }, secrets: ['apolloCredentials'] } as const;
const readOnly = { tables: { control: 'read' }, secrets: ['apolloCredentials'] } as const;

export const apolloCredentials = defineFeature({
  name: 'apolloCredentials',
  functions: {
    apolloSessionPut: { entry: 'functions/http/apollo-session-put.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access },
    apolloSessionGet: { entry: 'functions/http/apollo-session-get.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: readOnly },
    apolloSessionDelete: { entry: 'functions/http/apollo-session-delete.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access },
    apolloApiKeyPut: { entry: 'functions/http/apollo-api-key-put.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access },
  },
  routes: [
    { method: 'PUT', path: '/v1/collections/apollo/session', fn: 'apolloSessionPut', authorized: true },
    { method: 'GET', path: '/v1/collections/apollo/session', fn: 'apolloSessionGet', authorized: true },
    { method: 'DELETE', path: '/v1/collections/apollo/session', fn: 'apolloSessionDelete', authorized: true },
    { method: 'PUT', path: '/v1/collections/apollo/api-key', fn: 'apolloApiKeyPut', authorized: true },
  ],
});
