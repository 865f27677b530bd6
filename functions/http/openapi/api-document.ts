import { once } from '../../platform/services/once.ts';
import { routeContracts } from '../contracts/index.ts';
import { buildOpenApi, type OpenApiDocument, type OpenApiInfo } from './build-openapi.ts';
import { gatewayAnswersDescription, gatewayErrorSchema } from './gateway-answers.ts';

export const API_INFO: OpenApiInfo = {
  title: 'leadstack API',
  version: '1',
  description:
    'Companies and contacts of a workspace: upsert, CRUD, VQL search, filters, jobs and uploads. ' +
    'Every error the API answers is `{ success: false, error: { code, message, details } }`. ' +
    gatewayAnswersDescription(),
};

/** The route contracts' document, plus the schema of API Gateway's own answers. */
export const apiDocument = (): OpenApiDocument => {
  const document = buildOpenApi(routeContracts, API_INFO);
  return { ...document, components: { ...document.components, schemas: { ...document.components.schemas, GatewayError: gatewayErrorSchema } } };
};

/** Built once per container, on first request: the contracts do not change while it runs. */
export const apiDocumentJson = /* @__PURE__ */ once(() => JSON.stringify(apiDocument()));
