/**
 * Seed compatibility: routes that let a frontend written for one of the five seed products keep
 * its requests as written (only base URL and path change). The README's seed route table maps
 * each seed route here.
 */
import { MB, defineFeature } from './types.ts';

export const seedCompat = defineFeature({
  name: 'seedCompat',
  functions: {
    uploadUrl: { entry: 'functions/http/upload-url.handler.ts', timeoutSeconds: 5, memoryMb: MB.small, access: { bucket: 'write' } },
    searchJobs: { entry: 'functions/http/search-jobs.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { tables: { control: 'read' } } },
    industries: { entry: 'functions/http/industries.handler.ts', timeoutSeconds: 10, memoryMb: MB.small, access: { search: 'read' } },
  },
  routes: [
    // Connectra: GET /common/upload-url?filename=…
    { method: 'GET', path: '/v1/uploads/url', fn: 'uploadUrl', authorized: true },
    // Connectra: POST /common/jobs (the list, with a status array)
    { method: 'POST', path: '/v1/jobs/search', fn: 'searchJobs', authorized: true },
    // (Connectra's POST /common/:service/filters/data is served beside /filters/values in lib/topology/query.ts.)
    // Appointment360: GET /api/api/industries/ and /api/api/industries/{id}/
    { method: 'GET', path: '/v1/industries', fn: 'industries', authorized: true },
    { method: 'GET', path: '/v1/industries/{id}', fn: 'industries', authorized: true },
  ],
});
