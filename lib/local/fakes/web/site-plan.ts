/**
 * A site plan: the ground truth of one fake site plus what the renderer needs to write its
 * pages (which paths, which nav wording, which technology markers). Plans are cheap; pages are
 * rendered from them lazily.
 */
import type { TechnologyMarkers } from './technologies.ts';
import type { SiteTruth } from './site-truth.ts';

export type PageRole = 'home' | 'contact' | 'about' | 'team' | 'imprint' | 'blog';

export interface PlannedPage {
  readonly role: PageRole;
  readonly path: string;
  readonly navLabel: string;
}

export interface SitePlan {
  readonly index: number;
  readonly truth: SiteTruth;
  readonly pages: readonly PlannedPage[];
  readonly tagline: string;
  readonly technologyMarkers: readonly TechnologyMarkers[];
  /** The contact data of a `js-only` site lives in a script served from this path. */
  readonly contactScriptPath?: string;
}
