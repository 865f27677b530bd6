import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { envNames, topology } from '../../lib/topology.ts';
import { actionsOf, functionLogicalId, statementsOf, synthesize } from './helpers.ts';

const { template, templates } = synthesize();

/** The value the root stack hands every feature stack for parameter `name`. */
function parameterValues(name: string): unknown[] {
  const nested = templates.get('root')!.findResources('AWS::CloudFormation::Stack');
  return Object.values(nested).map((stack) => (stack['Properties'] as { Parameters: Record<string, unknown> }).Parameters[name]);
}

const resourceText = (name: string): string => JSON.stringify(statementsOf(template, name).map((s) => s.Resource));

describe('LeadstackStack wiring', () => {
  describe('environment', () => {
    it('It should give every function the same environment contract, from envNames', () => {
      const expected = [
        envNames.table('records'),
        envNames.table('control'),
        envNames.queueUrl('uploadEvents'),
        envNames.bucket,
        envNames.searchEndpoint,
        envNames.wsManagementEndpoint,
        'POWERTOOLS_SERVICE_NAME',
        'POWERTOOLS_METRICS_NAMESPACE',
        'LOG_LEVEL',
      ];
      const functions = template.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('^leadstack ') },
      });
      for (const fn of Object.values(functions)) {
        const variables = (fn['Properties'] as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables;
        expect(Object.keys(variables)).toEqual(expect.arrayContaining(expected));
        expect(variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'leadstack', POWERTOOLS_METRICS_NAMESPACE: 'leadstack', LOG_LEVEL: 'INFO' });
      }
    });

    it('It should point the search endpoint at the domain over HTTPS and the management endpoint at the live stage', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            [envNames.searchEndpoint]: {
              'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^SearchDomain'), 'DomainEndpoint'] }]],
            },
            [envNames.wsManagementEndpoint]: {
              'Fn::Join': [
                '',
                ['https://', { Ref: Match.stringLikeRegexp('^WebSocketApi') }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/live'],
              ],
            },
          }),
        },
      });
      // Feature stacks read the same values from parameters the root fills in.
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('^leadstack searchRecords '),
        Environment: { Variables: Match.objectLike({ [envNames.searchEndpoint]: { Ref: 'EnvSearchEndpoint' } }) },
      });
      for (const value of parameterValues('EnvSearchEndpoint')) {
        expect(value).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^SearchDomain/), 'DomainEndpoint'] }]] });
      }
    });
  });

  describe('event sources', () => {
    it('It should consume each queue with its consumer, batch settings and partial batch responses', () => {
      const spec = topology.queues.uploadEvents;
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: functionLogicalId(template, spec.consumer) },
        // A feature stack receives the queue as a parameter, which the root fills with the real queue.
        EventSourceArn: { Ref: 'UploadEventsQueueArn' },
        BatchSize: spec.batchSize,
        MaximumBatchingWindowInSeconds: spec.maxBatchingWindowSeconds,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      for (const value of parameterValues('UploadEventsQueueArn')) {
        expect(value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^UploadEventsQueue/), 'Arn'] });
      }
    });

    it('It should read the records stream from the start, bisecting, retrying and dead-lettering to its own DLQ', () => {
      const [stream] = topology.streams;
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: functionLogicalId(template, stream!.fn) },
        EventSourceArn: { Ref: 'RecordsTableStreamArn' },
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: stream!.batchSize,
        MaximumBatchingWindowInSeconds: stream!.maxBatchingWindowSeconds,
        MaximumRetryAttempts: stream!.retryAttempts,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RecordsStreamToIndexRecordsFailures'), 'Arn'] } } },
      });
      for (const value of parameterValues('RecordsTableStreamArn')) {
        expect(value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^RecordsTable/), 'StreamArn'] });
      }
    });

    it('It should create one event source mapping per queue and per stream subscription, no more', () => {
      template.resourceCountIs('AWS::Lambda::EventSourceMapping', Object.keys(topology.queues).length + topology.streams.length);
    });
  });

  describe('least privilege', () => {
    it('It should give the health function nothing beyond its own logs and tracing', () => {
      expect(actionsOf(template, 'health')).toEqual([
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ]);
    });

    it('It should let the search function read the indexes and never write them or touch DynamoDB', () => {
      const actions = actionsOf(template, 'searchRecords');
      expect(actions).toEqual(expect.arrayContaining(['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost']));
      expect(actions).not.toContain('es:ESHttpPut');
      expect(actions).not.toContain('es:ESHttpDelete');
      expect(actions.some((action) => action.startsWith('dynamodb:'))).toBe(false);
      expect(resourceText('searchRecords')).not.toContain('/_bulk');
    });

    it('It should let the stream indexer write the indexes but not read them', () => {
      const actions = actionsOf(template, 'indexRecords');
      expect(actions).toEqual(expect.arrayContaining(['es:ESHttpPut', 'es:ESHttpPost', 'es:ESHttpDelete']));
      expect(actions).not.toContain('es:ESHttpGet');
      expect(actions).not.toContain('dynamodb:PutItem');
      expect(resourceText('indexRecords')).toContain('/_bulk');
    });

    it('It should scope search grants to the topology indexes under alias and physical name', () => {
      const resources = resourceText('ensureSearchIndexes');
      for (const name of ['companies', 'companies-v1', 'contacts', 'contacts-v1', '_alias/companies', '_aliases']) {
        expect(resources).toContain(`"/${name}"`);
      }
      expect(resources).not.toMatch(/"\/\*"/);
    });

    it('It should give table grants at exactly the declared level', () => {
      // authProfile reads the control table only (the authorizer also writes: rate counters, last_used_at).
      const reader = actionsOf(template, 'authProfile');
      expect(reader).toContain('dynamodb:GetItem');
      expect(reader).not.toContain('dynamodb:PutItem');
      const writer = actionsOf(template, 'wsConnect');
      expect(writer).toContain('dynamodb:PutItem');
      expect(writer).not.toContain('dynamodb:GetItem');
      expect(resourceText('authProfile')).toContain('ControlTable');
      expect(resourceText('authProfile')).not.toContain('RecordsTable');
    });

    it('It should grant @connections management only to functions declaring websocket access, on the live stage', () => {
      const withWebsocket = Object.entries(topology.functions)
        .filter(([, spec]) => 'websocket' in spec.access && spec.access.websocket)
        .map(([name]) => name);
      expect(withWebsocket).toEqual(expect.arrayContaining(['wsDefault', 'runJob']));
      for (const name of withWebsocket) {
        expect(actionsOf(template, name)).toContain('execute-api:ManageConnections');
        expect(resourceText(name)).toContain('/live/*/@connections/*');
      }
      expect(actionsOf(template, 'wsConnect')).not.toContain('execute-api:ManageConnections');
    });

    it('It should name in the domain access policy exactly the roles that declare search access', () => {
      const policy = JSON.stringify(template.findResources('Custom::OpenSearchAccessPolicy'));
      for (const [name, spec] of Object.entries(topology.functions)) {
        const role = `Functions${name}Role`;
        if ('search' in spec.access) expect(policy).toContain(role);
        else expect(policy).not.toContain(role);
      }
    });
  });
});
