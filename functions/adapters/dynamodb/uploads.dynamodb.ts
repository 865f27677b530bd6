import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UploadArrival, UploadLog } from '../../ports/uploads.port.ts';

export class DynamoUploadLog implements UploadLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(arrival: UploadArrival): Promise<void> {
    // A redelivered notification rewrites the same item: recording is idempotent by key.
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `WS#${arrival.workspaceId}`,
          sk: `UPLOAD#${arrival.key}`,
          s3_key: arrival.key,
          size: arrival.size,
          etag: arrival.etag,
          received_at: arrival.receivedAt,
        },
      }),
    );
  }
}
