import { apiKeyBodySchema, credentialStatusBody } from '../domain/apollo/apollo-credentials.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apolloCredentialAdmin } from '../platform/services/apollo.services.ts';
import { parseInput } from '../platform/validation.ts';

/** `PUT /v1/collections/apollo/api-key` (admin): the workspace's Apollo API key, write-only; collections then use the API. */
export const handler = httpHandler({ authorized: true, admin: true, json: 'required' }, async ({ workspaceId, body }) => {
  const { api_key: apiKey } = parseInput(apiKeyBodySchema, body);
  return successResponse(credentialStatusBody(await apolloCredentialAdmin().putApiKey(workspaceId, apiKey)));
});
