import { httpHandler } from '../platform/http/http-handler.ts';
import { apiDocumentJson } from './openapi/api-document.ts';

/** Browsers and tools may cache the document briefly; it only changes with a deploy. */
const CACHE_SECONDS = 300;

export const handler = httpHandler({ authorized: false, json: false }, async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': `public, max-age=${CACHE_SECONDS}` },
  body: apiDocumentJson(),
}));
