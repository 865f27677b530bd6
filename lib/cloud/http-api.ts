import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { AuthorizerPayloadVersion, CorsHttpMethod, HttpApi, HttpAuthorizer, HttpAuthorizerType, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { httpCorsRules, type Topology } from '../topology.ts';
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
  /** `topology.http.authorizer.fn`, built in the root stack beside the API. */
  readonly authorizerFunction: IFunction;
}

/**
 * The HTTPS JSON API, its logged default stage and its one Lambda authorizer. The routes are
 * added by the stack that owns each route's function (feature-wiring.ts); they reference the
 * authorizer by id, which is why it is a plain `HttpAuthorizer` rather than one CDK creates on
 * first use by a route.
 */
export class LeadstackHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer: HttpAuthorizer;

  constructor(scope: Construct, id: string, props: LeadstackHttpApiProps) {
    super(scope, id);
    const { http } = props;

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

    const stack = Stack.of(this);
    const fn = props.authorizerFunction;
    this.authorizer = new HttpAuthorizer(this, 'Authorizer', {
      httpApi: this.api,
      type: HttpAuthorizerType.LAMBDA,
      identitySource: [`$request.header.${canonicalHeader(http.authorizer.header)}`],
      authorizerUri: `arn:${stack.partition}:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`,
      enableSimpleResponses: true,
      payloadFormatVersion: AuthorizerPayloadVersion.VERSION_2_0,
      // No caching: a revoked API key must stop working on the very next request.
      resultsCacheTtl: Duration.seconds(0),
    });
    fn.addPermission('HttpAuthorizerInvoke', {
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: stack.formatArn({ service: 'execute-api', resource: this.api.apiId, resourceName: `authorizers/${this.authorizer.authorizerId}` }),
    });
  }

  get url(): string {
    return this.stage.url;
  }
}
