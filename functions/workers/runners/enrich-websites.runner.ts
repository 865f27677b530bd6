import { runEnrichWebsites } from '../../domain/enrich-websites/run-enrich-websites.ts';
import type { JobRunner } from '../../domain/jobs/runner.ts';
import { enrichWebsitesDeps } from '../../platform/services/enrichment.services.ts';

/** `enrich_websites`: plans one task per site and watches them settle (functions/domain/enrich-websites/run-enrich-websites.ts). */
export const enrichWebsitesRunner: JobRunner = (context) => runEnrichWebsites(enrichWebsitesDeps(), context);
