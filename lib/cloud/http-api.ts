import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { httpCorsRules, type Topology } from '../topology.ts';
import { acknowledge } from './nag.ts';
import { canonicalHeader } from './naming.ts';

/** HTTP API access-log fields; only `$context` variables HTTP APIs support (a REST-only one fails the deploy). */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

export interface LeadstackHttpApiProps {
  readonly http: Topology['http'];
  readonly corsOrigins: readonly string[];
  readonly functionFor: (name: string) => IFunction;
}

/** The HTTPS JSON API: one route per `topology.http.routes` entry, behind one Lambda authorizer. */
export class LeadstackHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: LeadstackHttpApiProps) {
    super(scope, id);
    const { http, functionFor } = props;

    const cors = httpCorsRules(http, props.corsOrigins);
    this.api = new HttpApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-http`,
      description: 'leadstack HTTPS JSON API',
      // The default stage is created below so that it can carry access logging.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...cors.allowOrigins],
        allowMethods: cors.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: cors.allowHeaders.map(canonicalHeader),
        exposeHeaders: cors.exposeHeaders.map(canonicalHeader),
        maxAge: Duration.seconds(cors.maxAgeSeconds),
      },
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH }),
        ),
        format: ACCESS_LOG_FORMAT,
      },
    });

    const authorizer = new HttpLambdaAuthorizer('Authorizer', functionFor(http.authorizer.fn), {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: [`$request.header.${canonicalHeader(http.authorizer.header)}`],
      // No caching: a revoked API key must stop working on the very next request.
      resultsCacheTtl: Duration.seconds(0),
    });

    // One integration per function, shared by every route the function serves.
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (name: string): HttpLambdaIntegration => {
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${name}Integration`, functionFor(name), {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        });
        integrations.set(name, integration);
      }
      return integration;
    };

    for (const route of http.routes) {
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationFor(route.fn),
        ...(route.authorized ? { authorizer } : {}),
      });
      if (!route.authorized) {
        for (const added of routes) {
          acknowledge(added, {
            'AwsSolutions-APIG4': `${route.method} ${route.path} is public by decision of the topology (authorized: false), where such routes (health, docs, login, signed webhooks) are reviewed.`,
          });
        }
      }
    }
  }

  get url(): string {
    return this.stage.url;
  }
}
