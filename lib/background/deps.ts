/**
 * What the background's message handlers run on: the store, a clock, the one re-plan queue
 * and the after-change hook. Plain values, so the same handlers run in the service worker
 * (lib/background/setup.ts) and in vitest over fake-indexeddb (test-background.ts).
 */
import type { StoreDb } from '../store';
import type { FirstScreen } from './first-screen';
import type { OnPlans } from './replan';

export interface BackgroundDeps {
  db: StoreDb;
  now: () => Date;
  /**
   * Re-plans the given products (all when undefined) and caches the plans: the one re-plan queue.
   * `onPlans` answers from the plans before they are saved (a page's panels; replan.ts).
   */
  replan: (productIds: readonly string[] | undefined, onPlans?: OnPlans) => Promise<void>;
  /** Resolves when no save of plans a caller answered from is under way (createReplanner's plansSaved); absent: none ever is. */
  plansSaved?: () => Promise<void>;
  /** Called after data changed (badge, notifications); never waits for them. */
  afterChange?: () => void;
  /** The popup's first screen held in memory (first-screen.ts); absent: always from the store. */
  firstScreen?: Pick<FirstScreen, 'answer'>;
  /** Opens a section of the options page in a new tab (the browser's, wired in setup.ts). */
  openOptions?: (section: 'import') => Promise<void>;
}
