import { credentialStatusBody } from '../domain/apollo/apollo-credentials.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apolloCredentialAdmin } from '../platform/services/apollo.services.ts';

/** `GET /v1/collections/apollo/session`: whether a session (and a key) is set, since when, and its earliest cookie expiry; never a value. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ workspaceId }) => successResponse(credentialStatusBody(await apolloCredentialAdmin().status(workspaceId))));
