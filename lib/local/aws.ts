/** Identity of the emulated account, shared by resource names, ARNs and SDK clients. */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';

/**
 * s3rver verifies SigV4 signatures against its single built-in key pair, so every client
 * (handlers included) signs with it; DynamoDB Local and fauxqs accept any key.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface LocalClientConfig {
  region: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export const localClientConfig = (endpoint: string): LocalClientConfig => ({
  region: LOCAL_REGION,
  endpoint,
  credentials: { ...LOCAL_CREDENTIALS },
});

export const sqsQueueArn = (queueName: string): string => `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${queueName}`;
