import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isActiveAdmin, normaliseEmail, type User, type UserPatch } from '../../domain/accounts/user.ts';
import { isRole } from '../../domain/auth/principal.ts';
import { AppError } from '../../platform/errors.ts';
import type { UserStore } from '../../ports/accounts.port.ts';
import { failedConditions } from './transactions.ts';
import { queryWorkspaceItems } from './workspace-items.ts';

/**
 * Control-table items:
 *   user          pk = WS#<workspace>, sk = USER#<id>
 *   email lock    pk = EMAIL#<lowercased email>, sk = EMAIL  → workspace_id, user_id (uniqueness + sign-in lookup)
 *   admin count   pk = WS#<workspace>, sk = ADMINS  → active_admins
 */
const userKey = (workspaceId: string, userId: string) => ({ pk: `WS#${workspaceId}`, sk: `USER#${userId}` });
const emailKey = (email: string) => ({ pk: `EMAIL#${normaliseEmail(email)}`, sk: 'EMAIL' });
const adminsKey = (workspaceId: string) => ({ pk: `WS#${workspaceId}`, sk: 'ADMINS' });

function toUser(item: Record<string, unknown>): User {
  const role = isRole(item.role) ? item.role : 'user';
  return {
    id: String(item.user_id),
    workspaceId: String(item.workspace_id),
    email: String(item.email),
    name: String(item.name),
    role,
    isActive: item.is_active === true,
    downloadLimit: Number(item.download_limit),
    dateJoined: String(item.date_joined),
    ...(typeof item.password_hash === 'string' ? { passwordHash: item.password_hash } : {}),
    ...(typeof item.last_login === 'string' ? { lastLogin: item.last_login } : {}),
    ...(typeof item.sessions_valid_after === 'string' ? { sessionsValidAfter: item.sessions_valid_after } : {}),
    ...(typeof item.keys_valid_after === 'string' ? { keysValidAfter: item.keys_valid_after } : {}),
  };
}

const ATTRIBUTES = { name: 'name', role: 'role', isActive: 'is_active', downloadLimit: 'download_limit' } as const satisfies Record<keyof UserPatch, string>;

const definedOnly = (patch: UserPatch): UserPatch => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as UserPatch;

/** One `SET #a = :a` per field sent (never a field read earlier), plus the deactivation stamps. */
function userChanges(patch: UserPatch, deactivatedAt: string | undefined) {
  const sets: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(definedOnly(patch))) {
    const attribute = ATTRIBUTES[field as keyof UserPatch];
    sets.push(`#${attribute} = :${attribute}`);
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
  }
  if (deactivatedAt) {
    sets.push('sessions_valid_after = :deactivatedAt', 'keys_valid_after = :deactivatedAt');
    values[':deactivatedAt'] = deactivatedAt;
  }
  return { sets, names, values, deactivatedAt };
}

function adminCountChange(TableName: string, workspaceId: string, delta: number) {
  if (delta === 0) return [];
  const condition = delta < 0 ? { ConditionExpression: 'active_admins > :one', ExpressionAttributeValues: { ':delta': delta, ':one': 1 } } : { ExpressionAttributeValues: { ':delta': delta } };
  return [{ Update: { TableName, Key: adminsKey(workspaceId), UpdateExpression: 'ADD active_admins :delta', ...condition } }];
}

const lastAdmin = (): AppError =>
  new AppError('ERR_CONFLICT', 'A workspace keeps at least one active admin', [{ path: 'role', message: 'This is the last active admin' }]);

export class DynamoUserStore implements UserStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(user: User): Promise<void> {
    const TableName = this.tableName;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName,
                Item: {
                  ...userKey(user.workspaceId, user.id),
                  user_id: user.id,
                  workspace_id: user.workspaceId,
                  email: user.email,
                  email_lower: normaliseEmail(user.email),
                  name: user.name,
                  role: user.role,
                  is_active: user.isActive,
                  download_limit: user.downloadLimit,
                  ...(user.passwordHash !== undefined ? { password_hash: user.passwordHash } : {}),
                  date_joined: user.dateJoined,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName,
                Item: { ...emailKey(user.email), workspace_id: user.workspaceId, user_id: user.id },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...(isActiveAdmin(user)
              ? [{ Update: { TableName, Key: adminsKey(user.workspaceId), UpdateExpression: 'ADD active_admins :one', ExpressionAttributeValues: { ':one': 1 } } }]
              : []),
          ],
        }),
      );
    } catch (error) {
      if (failedConditions(error)?.[1]) throw new AppError('ERR_CONFLICT', 'A user with this email exists', [{ path: 'email', message: 'Already taken' }]);
      throw error;
    }
  }

  async get(workspaceId: string, userId: string): Promise<User | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: userKey(workspaceId, userId), ConsistentRead: true }));
    return Item ? toUser(Item) : undefined;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: emailKey(email), ConsistentRead: true }));
    if (!Item) return undefined;
    return this.get(String(Item.workspace_id), String(Item.user_id));
  }

  async list(workspaceId: string): Promise<User[]> {
    return (await queryWorkspaceItems(this.client, this.tableName, workspaceId, 'USER#')).map(toUser);
  }

  /**
   * Writes only the fields of the patch, so concurrent patches of different fields all land. A
   * change of role or status is conditioned on the role and status it was computed from and moves
   * the admin count in the same transaction, so two admins demoting each other at once cannot
   * both succeed. A deactivation also voids every session and key issued before it.
   */
  async update(current: User, patch: UserPatch, at = new Date().toISOString()): Promise<User> {
    const changes = userChanges(patch, current.isActive && patch.isActive === false ? at : undefined);
    const touchesAdmins = patch.role !== undefined || patch.isActive !== undefined;
    const next: User = { ...current, ...definedOnly(patch), ...(changes.deactivatedAt ? { sessionsValidAfter: at, keysValidAfter: at } : {}) };
    const delta = Number(isActiveAdmin(next)) - Number(isActiveAdmin(current));
    const TableName = this.tableName;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: userKey(current.workspaceId, current.id),
                UpdateExpression: `SET ${changes.sets.join(', ')}`,
                ConditionExpression: touchesAdmins ? 'attribute_exists(pk) AND #role = :oldRole AND is_active = :oldActive' : 'attribute_exists(pk)',
                ExpressionAttributeNames: { ...changes.names, ...(touchesAdmins ? { '#role': 'role' } : {}) },
                ExpressionAttributeValues: { ...changes.values, ...(touchesAdmins ? { ':oldRole': current.role, ':oldActive': current.isActive } : {}) },
              },
            },
            ...adminCountChange(TableName, current.workspaceId, delta),
          ],
        }),
      );
    } catch (error) {
      const failed = failedConditions(error);
      if (failed?.[1]) throw lastAdmin();
      if (failed?.[0]) throw new AppError('ERR_CONFLICT', 'The user changed meanwhile; read it again and retry');
      throw error;
    }
    return (await this.get(current.workspaceId, current.id)) ?? next;
  }

  async setPassword(workspaceId: string, userId: string, passwordHash: string, at: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: userKey(workspaceId, userId),
        UpdateExpression: 'SET password_hash = :hash, sessions_valid_after = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':hash': passwordHash, ':at': at },
      }),
    );
  }

  async recordLogin(workspaceId: string, userId: string, at: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: userKey(workspaceId, userId),
        UpdateExpression: 'SET last_login = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }
}
