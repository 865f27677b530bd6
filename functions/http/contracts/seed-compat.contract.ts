import { z } from 'zod';
import { filterValuesRequestSchema, filterValuesResponseSchema } from '../../domain/filters/filter-schemas.ts';
import { industryParamsSchema, industrySchema, MAX_INDUSTRIES } from '../../domain/filters/industries.ts';
import { MAX_JOB_PAGE_SIZE, searchJobsRequestSchema } from '../../domain/jobs/job-requests.ts';
import { jobViewSchema } from '../../domain/jobs/job-view.ts';
import type { Entity } from '../../domain/records/fields.ts';
import { MAX_SINGLE_UPLOAD_BYTES } from '../../domain/uploads/limits.ts';
import { uploadUrlAnswerSchema, uploadUrlQuerySchema } from '../../domain/uploads/upload-url-query.ts';
import { defineContracts, successBody, type RouteContract } from '../../platform/http/route-contract.ts';

/**
 * Routes that accept a seed product's requests as written (the README's seed route table maps
 * each seed route to its leadstack route). Each answers in leadstack's envelope.
 */
const filterDataRoute = (entity: Entity): RouteContract => ({
  method: 'POST',
  path: `/v1/${entity}/filters/data`,
  summary: `List the values of one ${entity} filter (Connectra's path for /v1/${entity}/filters/values)`,
  description: `The same request and answer as \`POST /v1/${entity}/filters/values\`, at the path Connectra's frontends call.`,
  tag: 'filters',
  body: filterValuesRequestSchema,
  responses: {
    200: { description: 'One page of values', body: filterValuesResponseSchema },
    400: { description: 'ERR_VALIDATION (unknown or non-value filter_key, bad page/limit) or ERR_PAGE_SIZE_EXCEEDED' },
  },
});

export const seedCompatContracts = defineContracts([
  {
    method: 'GET',
    path: '/v1/uploads/url',
    summary: 'A presigned upload URL by file name (Connectra\'s upload URL)',
    description:
      'Without `size`, `upload_url` is a form POST (send `fields`, then the file; up to ' +
      `${MAX_SINGLE_UPLOAD_BYTES} bytes); with \`size\`, a PUT for exactly that length. \`s3_bucket\` is the only bucket a job may name.`,
    tag: 'uploads',
    query: uploadUrlQuerySchema,
    responses: {
      200: { description: 'The URL, the key the file will have, and the bucket', body: uploadUrlAnswerSchema },
      400: { description: 'ERR_MISSING_FILENAME (no `filename`), or ERR_VALIDATION naming the parameter' },
      413: { description: `ERR_FILE_TOO_LARGE: size over ${MAX_SINGLE_UPLOAD_BYTES}` },
      415: { description: 'ERR_UNSUPPORTED_MEDIA_TYPE: content_type or file extension not importable' },
    },
  },
  {
    method: 'POST',
    path: '/v1/jobs/search',
    summary: 'List jobs with filters in the body (Connectra\'s jobs list)',
    description: `\`status\` is an array, \`job_type\` one type or several; at most ${MAX_JOB_PAGE_SIZE} per page, newest first.`,
    tag: 'jobs',
    body: searchJobsRequestSchema,
    responses: {
      200: { description: 'One page of jobs', body: successBody({ data: z.array(jobViewSchema), next_cursor: z.string().nullable() }) },
      400: { description: 'ERR_VALIDATION naming the field (an unknown status, a bad limit)' },
    },
  },
  filterDataRoute('contact'),
  filterDataRoute('company'),
  {
    method: 'GET',
    path: '/v1/industries',
    summary: 'The industries of the workspace\'s companies, with counts (Appointment360\'s industries)',
    description: `Read from the data, most frequent first; at most ${MAX_INDUSTRIES} (\`has_more\` says when there are more).`,
    tag: 'filters',
    responses: { 200: { description: 'The industries', body: successBody({ data: z.array(industrySchema), has_more: z.boolean() }) } },
  },
  {
    method: 'GET',
    path: '/v1/industries/{id}',
    summary: 'One industry by its id (its stored value), with its count',
    tag: 'filters',
    params: industryParamsSchema,
    responses: {
      200: { description: 'The industry', body: successBody({ data: industrySchema }) },
      404: { description: 'ERR_NOT_FOUND: no company of this workspace is in that industry' },
    },
  },
]);
