import { createUserSchema } from '../domain/accounts/schemas.ts';
import { publicUser } from '../domain/accounts/user.ts';
import { createUser } from '../domain/accounts/users.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { mailDeps, users } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';
import { idempotencyMiddleware } from '../platform/services/idempotency.services.ts';

export const handler = httpHandler({ authorized: true, admin: true, json: 'required', idempotency: idempotencyMiddleware() }, async ({ workspaceId, body }) => {
  const input = parseInput(createUserSchema, body);
  const { user, invited } = await createUser({ users: users(), ...mailDeps() }, workspaceId, {
    email: input.email,
    name: input.name,
    role: input.role,
    ...(input.download_limit !== undefined ? { downloadLimit: input.download_limit } : {}),
    ...(input.password !== undefined ? { password: input.password } : {}),
  });
  return successResponse({ user: publicUser(user), invitation_sent: invited }, 201);
});
