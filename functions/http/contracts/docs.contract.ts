import { z } from 'zod';
import { DOCS_ASSET_NAMES } from '../openapi/docs-assets.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';

const TAG = 'meta';

export const docsAssetParamsSchema = z.object({ asset: z.enum(DOCS_ASSET_NAMES).describe('A file of the docs page') });

export const docsContracts = defineContracts([
  {
    method: 'GET',
    path: '/v1/health',
    summary: 'Liveness check',
    tag: TAG,
    authorized: false,
    responses: {
      200: {
        description: 'The service answers',
        body: successBody({ status: z.literal('ok'), service: z.string(), time: z.iso.datetime() }),
      },
    },
  },
  {
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    description: 'Generated from the zod schemas that validate each route.',
    tag: TAG,
    authorized: false,
    responses: {
      200: { description: 'The OpenAPI document', body: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) },
    },
  },
  {
    method: 'GET',
    path: '/docs',
    summary: 'Readable API documentation (HTML)',
    description: 'Works offline: its script and style are served by the API itself.',
    tag: TAG,
    authorized: false,
    responses: { 200: { description: 'The docs page', contentType: 'text/html' } },
  },
  {
    method: 'GET',
    path: '/docs/{asset}',
    summary: 'Script and style of the docs page',
    tag: TAG,
    authorized: false,
    params: docsAssetParamsSchema,
    responses: {
      200: { description: 'The file', contentType: ['text/css', 'text/javascript'] },
      404: { description: 'No such file' },
    },
  },
]);
