import { AppError } from '../../../platform/errors.ts';
import { ApolloSourceError, type ApolloSearchFilters } from '../../../ports/apollo-source.port.ts';
import { MAX_SEGMENTS } from '../limits.ts';
import { splitLongestList, splitSearch, type Overrides, type SplitCatalogues } from './split-dimensions.ts';

/** One search of the plan: the task's organisation filters with `overrides` on top. */
export interface PlannedSegment {
  readonly key: string;
  readonly overrides: Overrides;
  /** What the source said this segment matches. */
  readonly total: number;
  /** Pages to read: the segment's matches, bounded by what the source shows. */
  readonly pages: number;
}

/** A search still to count (and maybe split); `total` is known when its parent counted it. */
interface OpenNode {
  readonly overrides: Overrides;
  readonly total?: number;
}

/** Where planning stands; lives in the job's checkpoint so a planning run can hand over to the next. */
export interface PlanState {
  readonly open: readonly OpenNode[];
  readonly segments: readonly PlannedSegment[];
  /** What the search matches as the source first counted it. */
  readonly total?: number;
  /** Matches no segment can reach: beyond the cap of a segment that cannot be split, or outside every split value. */
  readonly unreachable: number;
}

export interface SourceShape {
  readonly perPage: number;
  readonly maxPages: number;
}

export interface PlanDeps {
  /** The source's total for a search (one 1-row search); throws ApolloSourceError. */
  readonly count: (filters: ApolloSearchFilters) => Promise<number>;
  readonly source: SourceShape;
  readonly catalogues: SplitCatalogues;
}

export const freshPlan = (): PlanState => ({ open: [{ overrides: {} }], segments: [], unreachable: 0 });

/** The plan cannot be made from this URL: retrying cannot help, so the job fails naming the URL. */
const planRefused = (message: string): AppError => new AppError('ERR_VALIDATION', message, [{ path: 'apollo_url', message }]);

const capOf = (source: SourceShape): number => source.perPage * source.maxPages;
const merged = (base: ApolloSearchFilters, overrides: Overrides): ApolloSearchFilters => ({ ...base, ...overrides });
const pagesOf = (total: number, source: SourceShape): number => Math.min(source.maxPages, Math.ceil(total / source.perPage));

async function countOrSplit(deps: PlanDeps, filters: ApolloSearchFilters): Promise<number | Overrides[]> {
  try {
    return await deps.count(filters);
  } catch (error) {
    if (!(error instanceof ApolloSourceError) || error.code !== 'VALUE_TOO_LONG') throw error;
    const halves = splitLongestList(filters);
    if (!halves) throw planRefused('Apollo refuses a filter value as too long, and it is a single value that cannot be split');
    return halves;
  }
}

/**
 * One step: counts the next open search, then keeps it as a segment (under the cap), splits it
 * (over the cap), or keeps it truncated when it cannot be cut further. Children of a split are
 * counted together so what falls outside every child is known.
 */
async function step(deps: PlanDeps, base: ApolloSearchFilters, state: PlanState): Promise<PlanState> {
  const [node, ...rest] = state.open;
  if (!node) return state;
  const filters = merged(base, node.overrides);
  const counted = node.total ?? (await countOrSplit(deps, filters));
  const firstTotal = state.total ?? (typeof counted === 'number' ? counted : undefined);
  if (typeof counted !== 'number') {
    return { ...state, ...(firstTotal === undefined ? {} : { total: firstTotal }), open: [...counted.map((o) => ({ overrides: { ...node.overrides, ...o } })), ...rest] };
  }
  const cap = capOf(deps.source);
  const split = counted > cap ? splitSearch(filters, deps.catalogues) : undefined;
  if (!split) {
    const segments = counted === 0 ? state.segments : [...state.segments, { key: `s${state.segments.length + 1}`, overrides: node.overrides, total: counted, pages: pagesOf(counted, deps.source) }];
    return { ...state, total: firstTotal ?? counted, open: rest, segments, unreachable: state.unreachable + Math.max(0, counted - cap) };
  }
  const children: OpenNode[] = [];
  let covered = 0;
  for (const overrides of split) {
    const child = { ...node.overrides, ...overrides };
    const total = await countOrSplit(deps, merged(base, child));
    if (typeof total === 'number') covered += total;
    children.push(typeof total === 'number' ? { overrides: child, total } : { overrides: child });
  }
  const allCounted = children.every((child) => child.total !== undefined);
  return {
    ...state,
    total: firstTotal ?? counted,
    open: [...children.filter((child) => child.total !== 0), ...rest],
    unreachable: state.unreachable + (allCounted ? Math.max(0, counted - covered) : 0),
  };
}

/**
 * Plans segments each under the source's visible cap (perPage × maxPages), counting each search
 * with a 1-row search. Runs at most `budget` steps, then answers where it stands; a plan is
 * finished when nothing is left open.
 */
export async function planSegments(deps: PlanDeps, base: ApolloSearchFilters, from: PlanState, budget: number): Promise<PlanState> {
  let state = from;
  for (let steps = 0; steps < budget && state.open.length > 0; steps += 1) {
    state = await step(deps, base, state);
    if (state.segments.length + state.open.length > MAX_SEGMENTS) {
      throw planRefused(`The search needs more than ${MAX_SEGMENTS} segments; narrow it or set max_organizations`);
    }
  }
  return state;
}
