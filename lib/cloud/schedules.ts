import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { Topology } from '../topology.ts';
import { pascal } from './naming.ts';

/** One EventBridge rule per `topology.schedules` entry, `rate(N minutes)` → the function. */
export function createSchedules(
  scope: Construct,
  schedules: Topology['schedules'],
  functionFor: (name: string) => IFunction,
): Rule[] {
  return schedules.map(
    ({ fn, rate }) =>
      new Rule(scope, `${pascal(fn)}Every${rate.minutes}Minutes`, {
        description: `leadstack ${fn} every ${rate.minutes} minutes`,
        schedule: Schedule.rate(Duration.minutes(rate.minutes)),
        targets: [new LambdaFunction(functionFor(fn))],
      }),
  );
}
