import { ApiGatewayPush, createPushClient } from '../../adapters/apigw/push.apigw.ts';
import { config } from '../config.ts';
import { tracer } from '../tracer.ts';
import { once } from './once.ts';

export const push = /* @__PURE__ */ once(() => {
  const endpoint = config().WS_MANAGEMENT_ENDPOINT;
  if (!endpoint) throw new Error('WS_MANAGEMENT_ENDPOINT is not set');
  return new ApiGatewayPush(tracer.captureAWSv3Client(createPushClient(endpoint, config().AWS_REGION)));
});
