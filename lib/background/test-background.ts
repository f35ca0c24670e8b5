/**
 * Test harness for the background's message handlers: a fresh fake-indexeddb store per test,
 * the real handlers over it, a fixed clock, and cleanup after each test.
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { openStore, type StoreDb } from '../store';
import { createReplanner } from './replan';
import { createHandlers, type BackgroundDeps } from './service';

export const NOW = new Date('2026-11-20T18:00:00Z');
export const TODAY = '2026-11-20';

/**
 * Call once at the top of a test file.
 * @example const bg = useTestBackground(); it('…', async () => { const handlers = await bg.setup(); … bg.db … });
 */
export function useTestBackground(prefix = 'test') {
  let current: StoreDb | undefined;
  afterEach(() => {
    current?.close();
    current = undefined;
  });
  return {
    /** A fresh store and its handlers; `replan` defaults to the real coalescing re-planner. */
    async setup(replan?: BackgroundDeps['replan']) {
      const db = (current = await openStore(`${prefix}-${Math.random()}`));
      const replanner = createReplanner(db, () => NOW);
      return createHandlers({ db, now: () => NOW, replan: replan ?? ((ids) => replanner.replan(ids)) });
    },
    /** The store of the current test (after setup). */
    get db(): StoreDb {
      if (!current) throw new Error('call setup() first');
      return current;
    },
  };
}
