import { z } from 'zod';
import { apiKeyBodySchema } from '../../domain/apollo/apollo-credentials.ts';
import { MAX_SESSION_COOKIES, sessionInputSchema } from '../../domain/apollo/session-cookies.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';

const TAG = 'collection';
const PATH = '/v1/collections/apollo/session';
const unauthorized = { description: 'No valid access token or API key (ERR_UNAUTHORIZED)' };

const statusShape = {
  session: z.object({
    set: z.boolean(),
    stored_at: z.string().optional(),
    earliest_expiry: z.string().nullable().optional().describe('When the first of its cookies expires (null: session cookies only)'),
    cookie_count: z.number().int().optional(),
  }),
  api_key: z.object({ set: z.boolean(), stored_at: z.string().optional() }),
  source: z.enum(['api', 'browser_session']).nullable().describe('What a collection reads with: the API key when one is set, else the session'),
};

export const apolloCredentialsContracts = defineContracts([
  {
    method: 'PUT',
    path: PATH,
    summary: 'Set the Apollo session collections read with',
    description:
      'Any member of the workspace (user or admin) pastes the cookies of a browser logged in to Apollo: the JSON array a ' +
      `cookie-editor extension exports (at most ${MAX_SESSION_COOKIES} cookies), the same wrapped as \`{ "cookies": [...] }\`, ` +
      'or `{ "cookies_txt": "<Netscape cookies.txt>" }`. Only the cookies the Apollo web app receives are kept, encrypted at rest; ' +
      'they are never shown again, logged, or put in an error. A new session replaces the old one, and a collection paused with ' +
      'ERR_SOURCE_SESSION_EXPIRED can then be resumed. Users are responsible for complying with Apollo\'s terms of service.',
    tag: TAG,
    body: sessionInputSchema,
    responses: {
      200: { description: 'What is now set (never a value)', body: successBody(statusShape) },
      400: { description: 'ERR_VALIDATION naming the field (`session.cookies[3].domain`): not a cookie export, no cookie for the Apollo app, or every Apollo cookie expired' },
      401: unauthorized,
    },
  },
  {
    method: 'GET',
    path: PATH,
    summary: 'Whether an Apollo session and API key are set',
    description: 'When each was stored, how many cookies the session holds and when the first expires. Never a value.',
    tag: TAG,
    responses: { 200: { description: 'What is set', body: successBody(statusShape) }, 401: unauthorized },
  },
  {
    method: 'DELETE',
    path: PATH,
    summary: 'Forget the Apollo session',
    description: 'Idempotent: `deleted` says whether there was one. The API key, if any, stays.',
    tag: TAG,
    responses: { 200: { description: 'What is still set', body: successBody({ deleted: z.boolean(), ...statusShape }) }, 401: unauthorized },
  },
  {
    method: 'PUT',
    path: '/v1/collections/apollo/api-key',
    summary: "Set the workspace's Apollo API key (admin)",
    description: 'Write-only: stored encrypted and never shown again. While a key is set, collections read through the official API (`x-api-key`) rather than the session.',
    tag: TAG,
    body: apiKeyBodySchema,
    responses: {
      200: { description: 'What is now set (never the key)', body: successBody(statusShape) },
      400: { description: 'ERR_VALIDATION: api_key missing, too long, or with spaces' },
      401: unauthorized,
      403: { description: 'The caller is not a workspace admin (ERR_FORBIDDEN)' },
    },
  },
]);
