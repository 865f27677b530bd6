import { once } from '../../platform/services/once.ts';
import { routeContracts } from '../contracts/index.ts';
import { buildOpenApi, type OpenApiInfo } from './build-openapi.ts';

export const API_INFO: OpenApiInfo = {
  title: 'leadstack API',
  version: '1',
  description:
    'Companies and contacts of a workspace: upsert, CRUD, VQL search, filters, jobs and uploads. ' +
    'Every error answers `{ success: false, error: { code, message, details } }`.',
};

/** Built once per container, on first request: the contracts do not change while it runs. */
export const apiDocumentJson = /* @__PURE__ */ once(() => JSON.stringify(buildOpenApi(routeContracts, API_INFO)));
