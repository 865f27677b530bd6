import { z } from 'zod';
import {
  apiKeyParamsSchema,
  apiKeySchema,
  createApiKeySchema,
  createUserSchema,
  loginSchema,
  logoutSchema,
  passwordResetConfirmSchema,
  passwordResetSchema,
  refreshSchema,
  tokenPairSchema,
  updateUserSchema,
  userParamsSchema,
  userSchema,
} from '../../domain/accounts/schemas.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';
import { IDEMPOTENCY_CONFLICT, idempotencyHeadersSchema } from '../../platform/http/idempotency-header.ts';

const AUTH = 'auth';
const KEYS = 'api-keys';
const USERS = 'users';
const message = z.string();
const rateLimited = { description: 'Too many attempts: ERR_RATE_LIMITED; the Retry-After header says when to retry', headers: { 'retry-after': 'Seconds until the window resets' } };
const unauthorized = { description: 'No valid access token or API key (ERR_UNAUTHORIZED)' };
const forbidden = { description: 'The caller is not a workspace admin (ERR_FORBIDDEN)' };

export const accountsContracts = defineContracts([
  {
    method: 'POST',
    path: '/v1/auth/login',
    summary: 'Sign in with email and password',
    description: 'Returns a 15-minute access JWT and a single-use refresh token. 5 failed attempts per hour per IP and per email, then 429.',
    tag: AUTH,
    authorized: false,
    body: loginSchema,
    responses: {
      200: { description: 'Signed in', body: successBody({ message, ...tokenPairSchema, user: userSchema }) },
      400: { description: 'Malformed body (ERR_VALIDATION)' },
      401: { description: 'Invalid email or password, or an inactive user (ERR_UNAUTHORIZED)' },
      429: rateLimited,
    },
  },
  {
    method: 'POST',
    path: '/v1/auth/refresh',
    summary: 'Exchange a refresh token for a new token pair',
    description: 'Each refresh token works once. Presenting a used one revokes the whole session (every token of the family).',
    tag: AUTH,
    authorized: false,
    body: refreshSchema,
    responses: {
      200: { description: 'A new access token and refresh token', body: successBody(tokenPairSchema) },
      401: { description: 'Invalid, expired, reused or revoked refresh token (ERR_UNAUTHORIZED)' },
    },
  },
  {
    method: 'POST',
    path: '/v1/auth/logout',
    summary: 'End the session of a refresh token',
    description: 'Revokes the refresh token and every access token of its session. Idempotent.',
    tag: AUTH,
    authorized: false,
    body: logoutSchema,
    responses: { 200: { description: 'Signed out', body: successBody({ message }) } },
  },
  {
    method: 'GET',
    path: '/v1/auth/profile',
    summary: 'The signed-in user',
    tag: AUTH,
    responses: {
      200: { description: 'The profile', body: successBody({ user: userSchema }) },
      401: unauthorized,
      404: { description: 'An operator API key has no user (ERR_NOT_FOUND)' },
    },
  },
  {
    method: 'POST',
    path: '/v1/auth/password-reset',
    summary: 'Mail a password-reset link',
    description: 'Answers the same whether or not the email has an account. The link holds a single-use token valid for one hour.',
    tag: AUTH,
    authorized: false,
    body: passwordResetSchema,
    responses: { 200: { description: 'Accepted', body: successBody({ message }) }, 429: rateLimited },
  },
  {
    method: 'POST',
    path: '/v1/auth/password-reset/confirm',
    summary: 'Set a new password with a reset or invitation token',
    description: 'new_password and confirm_password must match; at least 10 characters with a letter and a digit, not the email or name. Ends every session of the user.',
    tag: AUTH,
    authorized: false,
    body: passwordResetConfirmSchema,
    responses: {
      200: { description: 'Password changed', body: successBody({ message }) },
      400: { description: 'Mismatch, weak password, or an invalid, expired or used token (ERR_VALIDATION naming the field)' },
    },
  },
  {
    method: 'POST',
    path: '/v1/api-keys',
    summary: 'Create an API key (shown once)',
    description: 'The key acts for its creator and never with a higher role. Only its hash and a display prefix are stored.',
    tag: KEYS,
    body: createApiKeySchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: {
        description: 'The key, in full, this once. An Idempotency-Key replay answers the same with `key: null`: the plaintext is never stored',
        body: successBody({ message, key: z.string().nullable(), api_key: apiKeySchema }),
      },
      401: unauthorized,
      403: { description: 'A user asked for an admin key (ERR_FORBIDDEN)' },
      409: { description: `The user holds the most live keys allowed (ERR_TOO_MANY_API_KEYS), or: ${IDEMPOTENCY_CONFLICT}` },
    },
  },
  {
    method: 'GET',
    path: '/v1/api-keys',
    summary: 'List API keys',
    description: 'Admins see every key of the workspace; users the keys they created.',
    tag: KEYS,
    responses: { 200: { description: 'The keys, without secrets', body: successBody({ api_keys: z.array(apiKeySchema) }) }, 401: unauthorized },
  },
  {
    method: 'DELETE',
    path: '/v1/api-keys/{id}',
    summary: 'Revoke an API key',
    tag: KEYS,
    params: apiKeyParamsSchema,
    responses: { 200: { description: 'Revoked; the key fails from the next request', body: successBody({ message }) }, 401: unauthorized, 404: { description: 'No such key for this caller' } },
  },
  {
    method: 'GET',
    path: '/v1/users',
    summary: 'List the workspace users (admin)',
    tag: USERS,
    responses: { 200: { description: 'The users', body: successBody({ users: z.array(userSchema) }) }, 401: unauthorized, 403: forbidden },
  },
  {
    method: 'POST',
    path: '/v1/users',
    summary: 'Create or invite a user (admin)',
    description:
      'With `password` the user can sign in at once; without it an invitation mail carries a link to choose one (valid 7 days). ' +
      'An email already used in another workspace gets the same 201 answer as a new one, but nothing is created and the address is mailed instead: ' +
      'the answer never tells which emails other workspaces hold.',
    tag: USERS,
    body: createUserSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: { description: 'Created', body: successBody({ user: userSchema, invitation_sent: z.boolean() }) },
      400: { description: 'Invalid field or weak password (ERR_VALIDATION)' },
      401: unauthorized,
      403: forbidden,
      409: { description: `The email is taken in this workspace (ERR_CONFLICT), or: ${IDEMPOTENCY_CONFLICT}` },
    },
  },
  {
    method: 'PATCH',
    path: '/v1/users/{id}',
    summary: 'Change a user: name, role, is_active, download_limit (admin)',
    tag: USERS,
    params: userParamsSchema,
    body: updateUserSchema,
    responses: {
      200: { description: 'The updated user', body: successBody({ user: userSchema }) },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such user in this workspace' },
      409: { description: 'It would leave the workspace without an active admin (ERR_CONFLICT)' },
    },
  },
]);
