import { Logger } from '@aws-lambda-powertools/logger';

/** One logger per process; Powertools reads its level and service name from the environment. */
export const logger = new Logger({ serviceName: 'leadstack' });
