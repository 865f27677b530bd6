import { credentialStatusBody } from '../domain/apollo/apollo-credentials.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apolloCredentialAdmin } from '../platform/services/apollo.services.ts';

/** `DELETE /v1/collections/apollo/session`: forgets the pasted session; idempotent (`deleted` says whether there was one). */
export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId }) => {
  const store = apolloCredentialAdmin();
  const deleted = await store.deleteSession(workspaceId);
  return successResponse({ deleted, ...credentialStatusBody(await store.status(workspaceId)) });
});
