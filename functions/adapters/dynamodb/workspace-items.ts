import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Every control-table item of one workspace whose sort key starts with `prefix`
 * (pk = WS#<workspace>, sk = <prefix>…), following LastEvaluatedKey to the end. For the small,
 * bounded listings of a workspace (users, API keys); anything that grows without bound pages.
 */
export async function queryWorkspaceItems(
  client: DynamoDBDocumentClient,
  tableName: string,
  workspaceId: string,
  prefix: string,
  projection?: readonly string[],
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const names = projection ? Object.fromEntries(projection.map((name, i) => [`#p${i}`, name])) : undefined;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `WS#${workspaceId}`, ':prefix': prefix },
        ...(names ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : {}),
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
