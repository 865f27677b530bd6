import { Match } from 'aws-cdk-lib/assertions';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { envNames } from '../../lib/topology.ts';
import type { QueueName, Topology } from '../../lib/topology.ts';
import { copyTopology, functionLogicalId, resourcesOf, synthesize } from './helpers.ts';

const countByType = (template: Template): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const resource of Object.values(resourcesOf(template))) counts[resource.Type] = (counts[resource.Type] ?? 0) + 1;
  return counts;
};

/** Resource types whose count changed between two templates, with the difference. */
function addedResources(before: Template, after: Template): Record<string, number> {
  const [a, b] = [countByType(before), countByType(after)];
  const diff: Record<string, number> = {};
  for (const type of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const delta = (b[type] ?? 0) - (a[type] ?? 0);
    if (delta !== 0) diff[type] = delta;
  }
  return diff;
}

const baseline = synthesize().template;

describe('LeadstackStack derives from the topology', () => {
  it('It should add exactly one route and its invoke permission for one more HTTP route', () => {
    const topology = copyTopology();
    const http = { ...topology.http, routes: [...topology.http.routes, { method: 'GET', path: '/v1/never-a-route/{uuid}', fn: 'searchRecords', authorized: true }] };
    const { template } = synthesize({ topology: { ...topology, http } as Topology });

    expect(addedResources(baseline, template)).toEqual({ 'AWS::ApiGatewayV2::Route': 1, 'AWS::Lambda::Permission': 1 });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /v1/never-a-route/{uuid}',
      AuthorizationType: 'CUSTOM',
    });
  });

  it('It should add a queue, its DLQ, their TLS policies, the DLQ alarm and the consumer mapping for one more queue', () => {
    const topology = copyTopology();
    const queues = {
      ...topology.queues,
      exportJobs: { consumer: 'uploadReceived', batchSize: 5, maxBatchingWindowSeconds: 2, visibilityTimeoutSeconds: 90, maxReceiveCount: 3 },
    } as unknown as Topology['queues'];
    const { template } = synthesize({ topology: { ...topology, queues } });

    expect(addedResources(baseline, template)).toEqual({
      'AWS::SQS::Queue': 2,
      'AWS::SQS::QueuePolicy': 2,
      'AWS::CloudWatch::Alarm': 1,
      'AWS::Lambda::EventSourceMapping': 1,
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 90,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 3 },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      // The consumer's feature stack receives the new queue as a parameter.
      EventSourceArn: { Ref: 'ExportJobsQueueArn' },
      BatchSize: 5,
      MaximumBatchingWindowInSeconds: 2,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [envNames.queueUrl('exportJobs' as QueueName)]: Match.anyValue() }) },
    });
  });

  it('It should add one EventBridge rule and its invoke permission for one schedule', () => {
    const topology = copyTopology();
    const { template } = synthesize({ topology: { ...topology, schedules: [...topology.schedules, { fn: 'health', rate: { minutes: 5 } }] } });

    expect(addedResources(baseline, template)).toEqual({ 'AWS::Events::Rule': 1, 'AWS::Lambda::Permission': 1 });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [functionLogicalId(template, 'health'), 'Arn'] } })],
    });
  });

  it('It should build a newly referenced function with its own role, policy and log group', () => {
    const topology = copyTopology();
    const functions = {
      ...topology.functions,
      // A name and a path the real topology will never have, so the test survives its growth.
      exampleReports: { entry: 'functions/http/list-jobs.handler.ts', timeoutSeconds: 10, memoryMb: 256, access: { tables: { control: 'read' } } },
    } as const;
    const http = { ...topology.http, routes: [...topology.http.routes, { method: 'GET', path: '/v1/example-reports', fn: 'exampleReports', authorized: true }] };
    const { template } = synthesize({ topology: { ...topology, functions, http } as Topology });

    expect(addedResources(baseline, template)).toEqual({
      'AWS::Lambda::Function': 1,
      'AWS::IAM::Role': 1,
      'AWS::IAM::Policy': 1,
      'AWS::Logs::LogGroup': 1,
      'AWS::ApiGatewayV2::Integration': 1,
      'AWS::ApiGatewayV2::Route': 1,
      'AWS::Lambda::Permission': 1,
    });
  });

  it('It should not deploy a declared function that nothing references', () => {
    const topology = copyTopology();
    const functions = { ...topology.functions, unused: { entry: 'x.ts', timeoutSeconds: 3, memoryMb: 128, access: {} } };
    const { template } = synthesize({ topology: { ...topology, functions } });

    expect(addedResources(baseline, template)).toEqual({});
  });

  it('It should refuse a topology that references a function it does not declare, naming it', () => {
    const topology = copyTopology();
    const http = { ...topology.http, routes: [...topology.http.routes, { method: 'GET', path: '/v1/x', fn: 'missing', authorized: false }] };

    expect(() => synthesize({ topology: { ...topology, http } as unknown as Topology })).toThrow(/does not declare: missing/);
  });

  it('It should refuse a stream subscription on a table without a stream', () => {
    const topology = copyTopology();
    const streams = [{ table: 'control', fn: 'indexRecords', batchSize: 10, maxBatchingWindowSeconds: 1, retryAttempts: 1 }] as const;

    expect(() => synthesize({ topology: { ...topology, streams } })).toThrow(/table control, which declares no stream/);
  });
});
