/**
 * Accounts: sign-in and sessions, password resets, API keys, users, and the HTTP API's Lambda
 * authorizer that checks every authorized request's API key or access token.
 */
import { MB, defineFeature } from './types.ts';

const CONTROL_READ = { tables: { control: 'read' } } as const;
const CONTROL_READWRITE = { tables: { control: 'readwrite' } } as const;
/** scrypt is CPU-bound and Lambda's CPU grows with memory: password handlers get 1 GB. */
const PASSWORD_MEMORY_MB = MB.large;

export const accounts = defineFeature({
  name: 'accounts',
  functions: {
    authorizer: {
      entry: 'functions/http/authorizer.handler.ts',
      timeoutSeconds: 5,
      memoryMb: MB.small,
      // readwrite: API rate-limit counters and API keys' last_used_at; the secret verifies JWTs.
      access: { tables: { control: 'readwrite' }, secrets: ['tokenSigning'] },
    },
    authLogin: {
      entry: 'functions/http/auth-login.handler.ts',
      timeoutSeconds: 10,
      memoryMb: PASSWORD_MEMORY_MB,
      access: { ...CONTROL_READWRITE, secrets: ['tokenSigning'] },
    },
    authRefresh: {
      entry: 'functions/http/auth-refresh.handler.ts',
      timeoutSeconds: 10,
      memoryMb: MB.small,
      access: { ...CONTROL_READWRITE, secrets: ['tokenSigning'] },
    },
    authLogout: { entry: 'functions/http/auth-logout.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READWRITE },
    authProfile: { entry: 'functions/http/auth-profile.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READ },
    authPasswordReset: {
      entry: 'functions/http/auth-password-reset.handler.ts',
      timeoutSeconds: 10,
      memoryMb: MB.small,
      access: { ...CONTROL_READWRITE, email: true },
    },
    authPasswordResetConfirm: {
      entry: 'functions/http/auth-password-reset-confirm.handler.ts',
      timeoutSeconds: 10,
      memoryMb: PASSWORD_MEMORY_MB,
      access: CONTROL_READWRITE,
    },
    createApiKey: { entry: 'functions/http/api-keys-create.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READWRITE },
    listApiKeys: { entry: 'functions/http/api-keys-list.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READ },
    deleteApiKey: { entry: 'functions/http/api-keys-delete.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READWRITE },
    listUsers: { entry: 'functions/http/users-list.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READ },
    createUser: {
      entry: 'functions/http/users-create.handler.ts',
      timeoutSeconds: 10,
      memoryMb: PASSWORD_MEMORY_MB,
      access: { ...CONTROL_READWRITE, email: true },
    },
    updateUser: { entry: 'functions/http/users-update.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READWRITE },
  },
  httpAuthorizer: { fn: 'authorizer', header: 'authorization' },
  routes: [
    { method: 'POST', path: '/v1/auth/login', fn: 'authLogin', authorized: false },
    { method: 'POST', path: '/v1/auth/refresh', fn: 'authRefresh', authorized: false },
    { method: 'POST', path: '/v1/auth/logout', fn: 'authLogout', authorized: false },
    { method: 'GET', path: '/v1/auth/profile', fn: 'authProfile', authorized: true },
    { method: 'POST', path: '/v1/auth/password-reset', fn: 'authPasswordReset', authorized: false },
    { method: 'POST', path: '/v1/auth/password-reset/confirm', fn: 'authPasswordResetConfirm', authorized: false },
    { method: 'POST', path: '/v1/api-keys', fn: 'createApiKey', authorized: true },
    { method: 'GET', path: '/v1/api-keys', fn: 'listApiKeys', authorized: true },
    { method: 'DELETE', path: '/v1/api-keys/{id}', fn: 'deleteApiKey', authorized: true },
    { method: 'GET', path: '/v1/users', fn: 'listUsers', authorized: true },
    { method: 'POST', path: '/v1/users', fn: 'createUser', authorized: true },
    { method: 'PATCH', path: '/v1/users/{id}', fn: 'updateUser', authorized: true },
  ],
});
