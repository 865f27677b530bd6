/**
 * Onboarding research: `POST /v1/research/onboard` queues an `onboard_company` job on the jobs
 * queue (the job worker of jobs-and-uploads runs it), and two reads give the seed's status and
 * result shapes of such a job.
 */
import { MB, defineFeature } from './types.ts';

const CONTROL_READ = { tables: { control: 'read' } } as const;

export const research = defineFeature({
  name: 'research',
  functions: {
    researchOnboard: {
      entry: 'functions/http/research-onboard.handler.ts',
      timeoutSeconds: 10,
      memoryMb: MB.small,
      access: { tables: { control: 'readwrite' }, queues: { jobs: 'send' } },
    },
    researchStatus: { entry: 'functions/http/research-status.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READ },
    researchResult: { entry: 'functions/http/research-result.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: CONTROL_READ },
  },
  routes: [
    { method: 'POST', path: '/v1/research/onboard', fn: 'researchOnboard', authorized: true },
    { method: 'GET', path: '/v1/research/{id}', fn: 'researchStatus', authorized: true },
    { method: 'GET', path: '/v1/research/{id}/result', fn: 'researchResult', authorized: true },
  ],
});
