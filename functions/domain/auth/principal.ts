/** The two roles of a workspace member: admins manage users and keys, users use the data API. */
export const ROLES = ['admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, as the HTTP authorizer resolved it from a JWT or an API key. Every use case
 * is scoped by `workspaceId`; `userId` is set for signed-in users and for keys a user created
 * (so their calls are attributed to that user); `keyId` is set for API keys.
 */
export interface Principal {
  readonly workspaceId: string;
  readonly userId?: string;
  readonly keyId?: string;
  readonly role: Role;
}

export const isRole = (value: unknown): value is Role => value === 'admin' || value === 'user';
