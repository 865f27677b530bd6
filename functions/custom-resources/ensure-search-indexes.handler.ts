import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { z } from 'zod';
import { ensureIndexes } from '../adapters/opensearch/ensure-indexes.ts';
import { searchClient } from '../platform/services/search.services.ts';

const PHYSICAL_ID = 'leadstack-search-indexes';

const definitionsSchema = z.array(
  z.object({
    alias: z.string().min(1),
    version: z.int().min(1),
    settings: z.record(z.string(), z.unknown()),
    mappings: z.record(z.string(), z.unknown()),
  }),
);

/**
 * Creates the search indexes and points their aliases on deploy (CDK custom resource) and on
 * local start. Deleting the stack keeps the indexes: they hold data, and the domain is retained.
 */
export const handler = async (event: CloudFormationCustomResourceEvent) => {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const definitions = definitionsSchema.parse(JSON.parse(String(event.ResourceProperties.IndexesJson)));
  const created = await ensureIndexes(searchClient(), definitions);
  return { PhysicalResourceId: PHYSICAL_ID, Data: { Created: created.join(',') } };
};
