import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../auth/password.ts';
import { ROLES } from '../auth/principal.ts';
import { MAX_DOWNLOAD_LIMIT } from './user.ts';

/** Requests of the accounts routes; the handlers parse with these and the contracts document them. */
const email = z.email().max(254);
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const opaqueToken = z.string().min(10).max(200);
const name = z.string().trim().min(1).max(200);
const downloadLimit = z.number().int().min(0).max(MAX_DOWNLOAD_LIMIT);

export const loginSchema = z.strictObject({ email, password });
export const refreshSchema = z.strictObject({ refresh_token: opaqueToken });
export const logoutSchema = z.strictObject({ refresh_token: opaqueToken });
export const passwordResetSchema = z.strictObject({ email });
export const passwordResetConfirmSchema = z
  .strictObject({ token: opaqueToken, new_password: password, confirm_password: password })
  .refine((body) => body.new_password === body.confirm_password, { path: ['confirm_password'], message: 'Must match new_password' });

export const createUserSchema = z.strictObject({
  email,
  name,
  role: z.enum(ROLES).default('user'),
  download_limit: downloadLimit.optional(),
  /** Omit to invite the user by mail. */
  password: password.optional(),
});
export const updateUserSchema = z
  .strictObject({ name: name.optional(), role: z.enum(ROLES).optional(), is_active: z.boolean().optional(), download_limit: downloadLimit.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' });
export const userParamsSchema = z.strictObject({ id: z.uuid() });

export const createApiKeySchema = z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES).optional() });
export const apiKeyParamsSchema = z.strictObject({ id: z.uuid() });

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  is_active: z.boolean(),
  download_limit: z.number().int(),
  last_login: z.iso.datetime().nullable(),
  date_joined: z.iso.datetime(),
});
export const tokenPairSchema = {
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  refresh_token: z.string(),
  refresh_expires_at: z.iso.datetime(),
};
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  created_by: z.string().nullable(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
  revoked_at: z.iso.datetime().nullable(),
});
