import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on one construct (and so on everything below it), each id with
 * the reason it is acceptable here. cdk-nag 3 reads these through CDK's own Validations metadata.
 */
export function acknowledge(scope: IConstruct, reasons: Readonly<Record<string, string>>): void {
  Validations.of(scope).acknowledge(...Object.entries(reasons).map(([id, reason]) => ({ id, reason })));
}

/**
 * The finding id cdk-nag 3 reports for one wildcard resource in an IAM policy, e.g.
 * `AwsSolutions-IAM5[Resource::<RecordsTable1234.Arn>/index/*]`. v3 has no prefix matching, so a
 * grant that knowingly creates a wildcard acknowledges exactly that resource, rendered the way
 * cdk-nag renders it (its own flattener over the resolved token).
 */
export function wildcardResource(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/** The finding id for one wildcard action, e.g. `AwsSolutions-IAM5[Action::s3:GetObject*]`. */
export const wildcardAction = (action: string): string => `AwsSolutions-IAM5[Action::${action}]`;
