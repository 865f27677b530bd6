import { Tracer } from '@aws-lambda-powertools/tracer';

/** X-Ray segments for handlers and AWS SDK calls; a no-op where POWERTOOLS_TRACE_ENABLED=false. */
export const tracer = new Tracer({ serviceName: 'leadstack' });
