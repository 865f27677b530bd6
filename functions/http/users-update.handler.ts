import { updateUserSchema, userParamsSchema } from '../domain/accounts/schemas.ts';
import { publicUser } from '../domain/accounts/user.ts';
import { updateUser } from '../domain/accounts/users.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { apiKeyCatalog, users } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, admin: true, json: 'required' }, async ({ event, workspaceId, body }) => {
  const { id } = parseInput(userParamsSchema, event.pathParameters ?? {}, 'path');
  const patch = parseInput(updateUserSchema, body);
  const user = await updateUser({ users: users(), keys: apiKeyCatalog() }, workspaceId, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.is_active !== undefined ? { isActive: patch.is_active } : {}),
    ...(patch.download_limit !== undefined ? { downloadLimit: patch.download_limit } : {}),
  });
  return successResponse({ user: publicUser(user) });
});
