import { z } from 'zod';
import { apolloCollectionDataSchema } from '../../domain/apollo/job-data.ts';
import { taskRecordsRequestSchema } from '../../domain/apollo/collection-tasks.ts';
import { defineContracts, successBody } from '../../platform/http/route-contract.ts';
import { IDEMPOTENCY_CONFLICT, idempotencyHeadersSchema } from '../../platform/http/idempotency-header.ts';
import { listCollectionsQuerySchema } from '../collections-list.handler.ts';

const TAG = 'collections';

const taskSchema = z.object({
  task_id: z.string(),
  task_name: z.string(),
  apollo_url: z.string(),
  status: z.string().describe('The job status (control it through /v1/jobs/{id}/pause|resume|stop)'),
  state: z.string().describe('The seed state: started, running, paused, stopped, completed, completed_with_people, failed'),
  progress: z.number(),
  counters: z.record(z.string(), z.unknown()).describe('organizations_found, organizations_saved, people_total_added, segments_done/segments_total (industries_completed/total_industries), eta_seconds'),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const collectionsContracts = defineContracts([
  {
    method: 'POST',
    path: '/v1/collections/apollo',
    summary: 'Start collecting an Apollo search URL',
    description:
      'An Apollo `#/companies?…` or `#/people?…` URL becomes an `apollo_collection` job: every organisation the search matches (split into segments ' +
      'under the source\'s visible cap), with up to `people_per_organization` people each. The answer has the task, a readable `search_summary`, the parsed ' +
      '`filters` (the source\'s request-body names), `unrecognized_parameters` (listed, not sent) and `ignored_parameters` (the app\'s view state).',
    tag: TAG,
    body: apolloCollectionDataSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: { description: 'The task, in_queue', body: successBody({ ...taskSchema.shape, search_summary: z.string(), page: z.string(), filters: z.record(z.string(), z.unknown()), unrecognized_parameters: z.array(z.string()), ignored_parameters: z.array(z.string()) }) },
      400: { description: 'ERR_VALIDATION naming the field: `apollo_url` not Apollo\'s app host, malformed encoding, a bad range, or no filter without max_organizations' },
      409: { description: IDEMPOTENCY_CONFLICT },
      503: { description: 'ERR_UNAVAILABLE: the task was created but could not be queued' },
    },
  },
  {
    method: 'GET',
    path: '/v1/collections',
    summary: 'List the workspace\'s collection tasks, newest first',
    description: 'Pass `next_cursor` back as `cursor` for the next page.',
    tag: TAG,
    query: listCollectionsQuerySchema,
    responses: { 200: { description: 'A page of tasks', body: successBody({ data: z.array(taskSchema), next_cursor: z.string().nullable() }) }, 400: { description: 'ERR_VALIDATION naming the parameter' } },
  },
  {
    method: 'GET',
    path: '/v1/collections/status',
    summary: 'Whether a collection is running, and the active tasks\' counters',
    description: 'The dashboard view: `is_running` and every queued or running task with its counters.',
    tag: TAG,
    responses: { 200: { description: 'The active tasks', body: successBody({ is_running: z.boolean(), tasks: z.array(taskSchema) }) } },
  },
  {
    method: 'POST',
    path: '/v1/collections/records',
    summary: 'What tasks collected (task mapping)',
    description: 'Organisations (each with its `people`) or people that the named tasks collected, as VQL over the records\' `task_ids`. Paged by `page` and `page_size`.',
    tag: TAG,
    body: taskRecordsRequestSchema,
    responses: {
      200: { description: 'A page of records', body: successBody({ data_type: z.string(), count: z.number(), page: z.number(), page_size: z.number(), results: z.array(z.record(z.string(), z.unknown())) }) },
      400: { description: 'ERR_VALIDATION naming the field' },
      404: { description: 'ERR_NOT_FOUND: a task id is not a collection task of this workspace (`task_ids[i]`)' },
    },
  },
]);
