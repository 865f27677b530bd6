/** Liveness and the API's own documentation: public routes that read nothing. */
import { MB, defineFeature } from '../types.ts';

export const healthDocs = defineFeature({
  name: 'healthDocs',
  functions: {
    health: { entry: 'functions/http/health.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: {} },
    openapi: { entry: 'functions/http/openapi.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: {} },
    docs: { entry: 'functions/http/docs.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: {} },
  },
  routes: [
    { method: 'GET', path: '/v1/health', fn: 'health', authorized: false },
    { method: 'GET', path: '/v1/openapi.json', fn: 'openapi', authorized: false },
    { method: 'GET', path: '/docs', fn: 'docs', authorized: false },
    { method: 'GET', path: '/docs/{asset}', fn: 'docs', authorized: false },
  ],
});
