/**
 * The one declaration of leadstack's infrastructure. `lib/cloud/` turns it into a CDK app and
 * `lib/local/` into the embedded local cloud; neither declares a resource of its own.
 *
 * Each feature lives in its own module under `lib/topology/`: its functions, its routes, and
 * the queues, streams, tables and schedules that point at them. This file only composes them.
 * A new feature adds a module and one line to `FEATURES` (docs/ADDING-A-FEATURE.md); a new
 * route or function of an existing feature is an edit to that feature's module only.
 * Handler entries are paths from the repository root to a module exporting `handler`.
 */
import { accounts } from './topology/accounts.ts';
import { apolloCredentials } from './topology/apollo-credentials.ts';
import { apolloCollections } from './topology/apollo-collections.ts';
import { billing } from './topology/billing.ts';
import { compose } from './topology/compose.ts';
import { enrichment } from './topology/enrichment.ts';
import { jobsAndUploads } from './topology/jobs-and-uploads.ts';
import { lookups } from './topology/lookups.ts';
import { controlTableFeature } from './topology/platform/control-table.ts';
import { healthDocs } from './topology/platform/health-docs.ts';
import { query } from './topology/query.ts';
import { realtime } from './topology/realtime.ts';
import { records } from './topology/records.ts';
import { research } from './topology/research.ts';
import { seedCompat } from './topology/seed-compat.ts';
import { signals } from './topology/signals.ts';
import type { Topology } from './topology/types.ts';

export type * from './topology/types.ts';
export { MB, QUEUE_NAMES, SEARCH_INDEX_NAMES, TABLE_NAMES, defineFeature } from './topology/types.ts';
export * from './topology/derivations.ts';
export { CONTROL_KEY_PREFIXES } from './topology/platform/control-table.ts';

/** Every feature, in the order their functions and routes are declared. */
export const FEATURES = [healthDocs, controlTableFeature, records, query, jobsAndUploads, realtime, accounts, billing, seedCompat, enrichment, apolloCredentials, apolloCollections, lookups, signals, research] as const;

export const topology: Topology = compose('leadstack', FEATURES);

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every function of every feature, by name, with each feature's literal names kept. */
export const functions = topology.functions as Intersection<(typeof FEATURES)[number]['functions']>;

export type FunctionName = keyof typeof functions;

