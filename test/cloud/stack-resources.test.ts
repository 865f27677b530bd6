import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { topology } from '../../lib/topology.ts';
import { referencedFunctions } from '../../lib/topology.ts';
import type { FunctionSpec } from '../../lib/topology.ts';
import { synthesize } from './helpers.ts';

const { template } = synthesize({ corsOrigins: ['https://app.example.com'] });

describe('LeadstackStack resources', () => {
  describe('functions', () => {
    it('It should build one Lambda per referenced topology function, plus only CDK helpers', () => {
      const ours = Object.values(template.findResources('AWS::Lambda::Function')).filter((resource) =>
        String((resource as { Properties: { Description?: string } }).Properties.Description).startsWith('leadstack '),
      );
      expect(ours).toHaveLength(referencedFunctions(topology).length);
    });

    // Each referenced function, found by the description the factory gives it ("leadstack <name> (<entry>)").
    const lambdaOf = (name: string): { Properties: Record<string, any> } => {
      const found = Object.values(template.findResources('AWS::Lambda::Function')).filter((resource) =>
        String((resource as { Properties: { Description?: string } }).Properties.Description).startsWith(`leadstack ${name} (`),
      );
      expect(found, `one Lambda for ${name}`).toHaveLength(1);
      return found[0] as { Properties: Record<string, any> };
    };

    it('It should run every function on Node.js 24 with active tracing and its spec timeout and memory, on arm64 unless it drives a browser', () => {
      for (const name of referencedFunctions(topology)) {
        const spec: FunctionSpec = topology.functions[name]!;
        const props = lambdaOf(name).Properties;
        expect(props, name).toMatchObject({
          Runtime: 'nodejs24.x',
          Handler: 'index.handler',
          Timeout: spec.timeoutSeconds,
          TracingConfig: { Mode: 'Active' },
          Architectures: [spec.browser ? 'x86_64' : 'arm64'],
        });
        // A browser function gets at least what Chromium needs; the others exactly their spec.
        if (spec.browser) expect(props['MemorySize'], name).toBeGreaterThanOrEqual(spec.memoryMb);
        else expect(props['MemorySize'], name).toBe(spec.memoryMb);
      }
    });

    it('It should give each function its own log group with a retention', () => {
      const logGroups = template.findResources('AWS::Logs::LogGroup');
      const seen = new Set<string>();
      for (const name of referencedFunctions(topology)) {
        const ref = (lambdaOf(name).Properties['LoggingConfig'] as { LogGroup?: { Ref?: string } } | undefined)?.LogGroup?.Ref;
        expect(ref, `${name} names a log group of the stack`).toBeTypeOf('string');
        expect(logGroups[ref!]?.Properties, name).toMatchObject({ RetentionInDays: 30 });
        expect(seen.has(ref!), `${name} shares its log group`).toBe(false);
        seen.add(ref!);
      }
    });
  });

  describe('tables', () => {
    it('It should create each table on demand, with PITR, AWS-managed encryption and retained on delete', () => {
      template.resourceCountIs('AWS::DynamoDB::Table', Object.keys(topology.tables).length);
      template.allResources('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      });
    });

    it('It should enable the records stream and the control table TTL as the topology declares', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        StreamSpecification: { StreamViewType: topology.tables.records.stream },
        TimeToLiveSpecification: Match.absent(),
      });
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        StreamSpecification: Match.absent(),
        TimeToLiveSpecification: { AttributeName: topology.tables.control.timeToLiveAttribute, Enabled: true },
      });
    });
  });

  describe('queues', () => {
    it('It should give every queue an encrypted DLQ with the spec maxReceiveCount and visibility timeout', () => {
      const spec = topology.queues.uploadEvents;
      template.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        VisibilityTimeout: spec.visibilityTimeoutSeconds,
        RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: spec.maxReceiveCount },
      });
      template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    });

    it('It should deny non-TLS access to every queue', () => {
      const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
      const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy', {
        Properties: {
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        },
      }));
      const covered = policies.flatMap((policy) => (policy['Properties'] as { Queues: { Ref: string }[] }).Queues.map((q) => q.Ref));
      expect(new Set(covered)).toEqual(new Set(queues));
    });

    it('It should alarm as soon as any DLQ holds a visible message', () => {
      // One per work queue plus one per stream subscription's on-failure queue.
      template.resourceCountIs('AWS::CloudWatch::Alarm', Object.keys(topology.queues).length + topology.streams.length);
      template.allResourcesProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
      });
    });
  });

  describe('bucket', () => {
    it('It should block public access, encrypt, version and log the uploads bucket', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'uploads/' },
      });
    });

    it('It should allow the configured origins with the topology CORS rule', () => {
      const { cors } = topology.bucket;
      template.hasResourceProperties('AWS::S3::Bucket', {
        CorsConfiguration: {
          CorsRules: [
            {
              AllowedOrigins: ['https://app.example.com'],
              AllowedMethods: [...cors.allowedMethods],
              AllowedHeaders: [...cors.allowedHeaders],
              ExposedHeaders: [...cors.exposedHeaders],
              MaxAge: cors.maxAgeSeconds,
            },
          ],
        },
      });
    });

    it('It should notify the topology queue of objects created under the prefix', () => {
      const [notification] = topology.bucket.notifications;
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        NotificationConfiguration: {
          QueueConfigurations: [
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: notification?.prefix }] } },
              QueueArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UploadEventsQueue'), 'Arn'] },
            },
          ],
        },
      });
    });
  });

  describe('search', () => {
    it('It should create an HTTPS-only, encrypted OpenSearch domain with TLS 1.2 and published logs', () => {
      template.hasResource('AWS::OpenSearchService::Domain', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          EngineVersion: 'OpenSearch_2.19',
          DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
          NodeToNodeEncryptionOptions: { Enabled: true },
          EncryptionAtRestOptions: { Enabled: true },
          AdvancedSecurityOptions: Match.absent(),
          LogPublishingOptions: {
            SEARCH_SLOW_LOGS: Match.objectLike({ Enabled: true }),
            INDEX_SLOW_LOGS: Match.objectLike({ Enabled: true }),
            ES_APPLICATION_LOGS: Match.objectLike({ Enabled: true }),
          },
        }),
      });
    });

    it('It should size the data tier so every replica the index settings ask for can be allocated', () => {
      template.hasResourceProperties('AWS::OpenSearchService::Domain', {
        ClusterConfig: Match.objectLike({ InstanceCount: 2, ZoneAwarenessEnabled: false }),
      });
    });

    it('It should pass the whole index list to the index custom resource, so a mapping change redeploys it', () => {
      template.hasResourceProperties('Custom::LeadstackSearchIndexes', {
        IndexesJson: JSON.stringify(Object.values(topology.searchIndexes)),
      });
    });
  });

  describe('HTTP API', () => {
    it('It should create one route per topology route with its method and path', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Route', topology.http.routes.length + topology.websocket.routes.length);
      for (const route of topology.http.routes) {
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
          RouteKey: `${route.method} ${route.path}`,
          AuthorizationType: route.authorized ? 'CUSTOM' : 'NONE',
        });
      }
    });

    it('It should authorize with simple responses from the Authorization header and no cache', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'REQUEST',
        EnableSimpleResponses: true,
        AuthorizerPayloadFormatVersion: '2.0',
        IdentitySource: ['$request.header.Authorization'],
        AuthorizerResultTtlInSeconds: 0,
      });
    });

    it('It should integrate Lambdas with payload format 2.0', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
      });
    });

    it('It should log access on the auto-deployed default stage and allow the frontend origin', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://app.example.com'], ExposeHeaders: ['Etag', 'Retry-After', 'Location'] }),
      });
    });
  });

  describe('WebSocket API', () => {
    it('It should route on the action field and serve the live stage with auto deploy', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: '$request.body.action',
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'live', AutoDeploy: true });
    });

    it('It should authorize $connect only, from the ticket query-string parameter', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'REQUEST',
        IdentitySource: ['route.request.querystring.ticket'],
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'CUSTOM' });
      for (const route of topology.websocket.routes.filter((r) => r.route !== '$connect')) {
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: route.route, AuthorizationType: 'NONE' });
      }
    });
  });

  it('It should create one EventBridge rule per schedule of the topology (daily signal monitoring)', () => {
    expect(topology.schedules.length).toBeGreaterThan(0);
    template.resourceCountIs('AWS::Events::Rule', topology.schedules.length);
  });
});
