import type { SiteTaskQueue, SiteTaskStore } from '../../ports/site-tasks.port.ts';
import type { VqlWhere } from '../vql/vql-schema.ts';

/** A company a query-driven job selected, with what planning needs to find its site. */
export interface CompanyTarget {
  readonly uuid: string;
  readonly domain?: string;
  readonly website?: string;
  readonly country?: string;
}

export interface CompanyTargetPage {
  readonly items: readonly CompanyTarget[];
  /** Opaque position after the last item; absent on the last page. */
  readonly next?: unknown[];
}

/** Pages through the companies a `where` selects, in a stable order. */
export interface CompanyTargets {
  page(workspaceId: string, where: VqlWhere | undefined, size: number, after?: unknown[]): Promise<CompanyTargetPage>;
}

export interface EnrichWebsitesDeps {
  readonly tasks: SiteTaskStore;
  readonly queue: SiteTaskQueue;
  readonly companies: CompanyTargets;
  readonly sleep?: (ms: number) => Promise<void>;
  /** How often a watching run reads the tally. */
  readonly pollIntervalMs?: number;
}
