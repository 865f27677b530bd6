import type { Stack } from 'aws-cdk-lib';
import { acknowledge } from './nag.ts';

/**
 * CDK adds stack-level singleton Lambdas for features CloudFormation lacks (S3 bucket
 * notifications, the OpenSearch access policy update). Their code and roles are CDK's, not ours;
 * they are acknowledged here, by construct id, once the stack has created them.
 */
const BASIC_EXECUTION_ROLE =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

const HELPERS: readonly { readonly idPrefix: string; readonly reasons: Readonly<Record<string, string>> }[] = [
  {
    // aws-s3 BucketNotifications: CloudFormation cannot add a notification to a bucket that the
    // notification's own queue policy references, so CDK sets it through this function.
    idPrefix: 'BucketNotificationsHandler',
    reasons: {
      [BASIC_EXECUTION_ROLE]:
        'CDK-generated bucket-notifications helper; the managed policy only lets it write its own logs, and CDK offers no way to replace its role.',
    },
  },
  {
    // aws-opensearchservice Domain.addAccessPolicies: CloudFormation cannot express a domain
    // access policy that names the domain's own ARN, so CDK applies it with an AwsCustomResource.
    idPrefix: 'AWS679f53fac002430cb0da5b7982bd2287',
    reasons: {
      [BASIC_EXECUTION_ROLE]:
        'CDK-generated AwsCustomResource singleton (applies the OpenSearch access policy); the managed policy only lets it write its own logs.',
    },
  },
];

export function acknowledgeCdkHelpers(stack: Stack): void {
  for (const child of stack.node.children) {
    const helper = HELPERS.find(({ idPrefix }) => child.node.id.startsWith(idPrefix));
    if (helper) acknowledge(child, helper.reasons);
  }
}
