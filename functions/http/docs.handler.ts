import { AppError } from '../platform/errors.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { docsAssetParamsSchema } from './contracts/docs.contract.ts';
import { DOCS_ASSETS, DOCS_CONTENT_SECURITY_POLICY, DOCS_HTML } from './openapi/docs-assets.ts';

const CACHE_SECONDS = 300;

const page = (contentType: string, body: string) => ({
  statusCode: 200,
  headers: {
    'content-type': contentType,
    'cache-control': `public, max-age=${CACHE_SECONDS}`,
    'content-security-policy': DOCS_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  },
  body,
});

/** GET /docs and GET /docs/{asset}: the page and its own script and style. */
export const handler = httpHandler({ authorized: false, json: false }, async ({ event }) => {
  // The page links its files relative to `/docs`; under `/docs/` they would resolve one level too deep.
  if (event.rawPath.endsWith('/')) return { statusCode: 308, headers: { location: '../docs' }, body: '' };
  if (event.pathParameters?.asset === undefined) return page('text/html; charset=utf-8', DOCS_HTML);
  const params = docsAssetParamsSchema.safeParse(event.pathParameters);
  if (!params.success) throw new AppError('ERR_NOT_FOUND', 'No such docs file', [{ path: 'asset', message: 'Unknown file' }]);
  const asset = DOCS_ASSETS[params.data.asset];
  return page(asset.contentType, asset.body);
});
