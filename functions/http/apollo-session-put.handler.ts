import { credentialStatusBody, putApolloSession } from '../domain/apollo/apollo-credentials.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apolloAppHost, apolloCredentialAdmin } from '../platform/services/apollo.services.ts';

/** `PUT /v1/collections/apollo/session`: any member of the workspace pastes the logged-in session collections read with. */
export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, body }) => {
  const status = await putApolloSession(apolloCredentialAdmin(), workspaceId, body, { appHost: apolloAppHost(), now: new Date() });
  return successResponse(credentialStatusBody(status));
});
