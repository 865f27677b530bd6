import { Stack, ArnFormat } from 'aws-cdk-lib';
import { WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { Topology } from '../topology.ts';
import { acknowledge, wildcardResource } from './nag.ts';

export const WEBSOCKET_STAGE = 'live';

/**
 * The progress WebSocket API and its stage. Its routes are added by the stack that owns each
 * route's function (feature-wiring.ts), since the functions need the API's id in their
 * environment (the management endpoint) before the routes can point at them.
 */
export class LeadstackWebSocketApi extends Construct {
  readonly api: WebSocketApi;
  readonly stage: WebSocketStage;

  constructor(scope: Construct, id: string, props: { readonly websocket: Topology['websocket'] }) {
    super(scope, id);
    this.api = new WebSocketApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-websocket`,
      description: 'leadstack job progress',
      routeSelectionExpression: `$request.body.${props.websocket.routeSelectionKey}`,
    });
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: WEBSOCKET_STAGE,
      autoDeploy: true,
    });
    acknowledge(this.stage, {
      'AwsSolutions-APIG1':
        'WebSocket stage logging needs the account-wide API Gateway CloudWatch role, a setting shared by every API in the account that this stack must not own; connects, messages and pushes are logged by the handlers through Powertools instead.',
    });
  }

  /** The @connections management endpoint handlers post to: built from the id, not the stage, so the functions do not depend on the routes that depend on them. */
  get managementEndpoint(): string {
    const stack = Stack.of(this);
    return `https://${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}/${WEBSOCKET_STAGE}`;
  }

  get url(): string {
    return this.stage.url;
  }
}

/** `execute-api:ManageConnections` on one API's live stage connections only (POST, GET and DELETE @connections). */
export function grantManageConnections(role: IRole, apiId: string): void {
  const connections = Stack.of(role).formatArn({
    service: 'execute-api',
    resource: apiId,
    resourceName: `${WEBSOCKET_STAGE}/*/@connections/*`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['execute-api:ManageConnections'], resources: [connections] }));
  acknowledge(role, {
    [wildcardResource(role, connections)]:
      'Connection ids are created at runtime; the grant is limited to this API, its live stage and the @connections path.',
  });
}
