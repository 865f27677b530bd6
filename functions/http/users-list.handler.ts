import { publicUser } from '../domain/accounts/user.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { users } from '../platform/services/accounts.services.ts';

export const handler = httpHandler({ authorized: true, admin: true, json: false }, async ({ workspaceId }) =>
  successResponse({ users: (await users().list(workspaceId)).map(publicUser) }),
);
