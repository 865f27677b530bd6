import { loginSchema } from '../domain/accounts/schemas.ts';
import { signIn } from '../domain/accounts/sign-in.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { rateCounter, sessionDeps } from '../platform/services/accounts.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: false, json: 'required' }, async ({ event, body }) => {
  const input = parseInput(loginSchema, body);
  const signedIn = await signIn(
    { ...sessionDeps(), counter: rateCounter() },
    { email: input.email, password: input.password, sourceIp: event.requestContext.http.sourceIp },
  );
  return successResponse({ message: 'Login successful', ...signedIn });
});
