import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';

/**
 * Every request is SigV4-signed with the function's own credentials (Amazon OpenSearch Service
 * authorises by IAM); an endpoint that does not check signatures simply ignores them.
 */
export function createSearchClient(endpoint: string, region: string): Client {
  return new Client({
    ...AwsSigv4Signer({ region, service: 'es' }),
    node: endpoint,
    requestTimeout: 10_000,
    maxRetries: 2,
  });
}
