import { z } from 'zod';
import { MAX_APOLLO_URL_LENGTH } from './search-url/parse-apollo-url.ts';
import { DEFAULT_PEOPLE_PER_ORGANIZATION, MAX_ORGANIZATIONS_PER_TASK, MAX_PEOPLE_PER_ORGANIZATION, MAX_TASK_NAME_LENGTH } from './limits.ts';

/**
 * `job_data` of an `apollo_collection` job (also the body of `POST /v1/collections/apollo`).
 * The URL's meaning (host, encodings, filters) is checked by {@link ../collection-request.ts}
 * with the configured Apollo hosts; this schema checks the shape.
 *
 * @example { "apollo_url": "https://app.apollo.io/#/companies?organizationLocations[]=California", "task_name": "California", "people_per_organization": 25 }
 */
export const apolloCollectionDataSchema = z.strictObject({
  apollo_url: z.string().trim().min(1).max(MAX_APOLLO_URL_LENGTH),
  task_name: z.string().trim().min(1).max(MAX_TASK_NAME_LENGTH),
  /** false: organisations only. */
  include_people: z.boolean().default(true),
  people_per_organization: z.int().min(1).max(MAX_PEOPLE_PER_ORGANIZATION).default(DEFAULT_PEOPLE_PER_ORGANIZATION),
  /** A ceiling on organisations saved; required when the URL narrows nothing. */
  max_organizations: z.int().min(1).max(MAX_ORGANIZATIONS_PER_TASK).optional(),
});

export type ApolloCollectionData = z.output<typeof apolloCollectionDataSchema>;
