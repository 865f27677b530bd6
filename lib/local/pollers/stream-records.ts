/** DynamoDB Streams records, as the SDK returns them, reshaped into Lambda's event records. */
import type { AttributeValue, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { LOCAL_REGION } from '../aws.ts';

/** The JSON wire form of an attribute value: binary as base64, as Lambda delivers it. */
type WireAttributeValue = Record<string, unknown>;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export const toWireAttribute = (value: AttributeValue): WireAttributeValue => {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.M !== undefined) return { M: toWireImage(value.M) };
  if (value.L !== undefined) return { L: value.L.map(toWireAttribute) };
  return { ...value } as WireAttributeValue;
};

export const toWireImage = (image: Record<string, AttributeValue>): Record<string, WireAttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toWireAttribute(value)]));

/** DynamoDB Local puts the region `ddblocal` in its ARNs; Lambda's events carry the real one. */
export const lambdaStreamArn = (streamArn: string): string => streamArn.replace(/^arn:aws:dynamodb:ddblocal:/, `arn:aws:dynamodb:${LOCAL_REGION}:`);

export const toLambdaRecord = (record: StreamRecord, streamArn: string): DynamoDBRecord => {
  const data = record.dynamodb ?? {};
  const created = data.ApproximateCreationDateTime;
  const lambdaRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    dynamodb: {
      // Lambda sends epoch seconds; the SDK has parsed them into a Date.
      ...(created === undefined ? {} : { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
      ...(data.Keys === undefined ? {} : { Keys: toWireImage(data.Keys) }),
      ...(data.NewImage === undefined ? {} : { NewImage: toWireImage(data.NewImage) }),
      ...(data.OldImage === undefined ? {} : { OldImage: toWireImage(data.OldImage) }),
      SequenceNumber: data.SequenceNumber,
      SizeBytes: data.SizeBytes,
      StreamViewType: data.StreamViewType,
    },
    eventSourceARN: lambdaStreamArn(streamArn),
    ...(record.userIdentity === undefined ? {} : { userIdentity: record.userIdentity }),
  };
  return lambdaRecord as DynamoDBRecord;
};
