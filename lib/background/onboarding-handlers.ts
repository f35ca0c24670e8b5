/**
 * Handlers of the guided start (lib/messaging/protocol-onboarding.ts): the state is kept in its
 * own row of the settings table (lib/store/onboarding-store.ts) and changed only by the pure
 * state machine (lib/onboarding/state.ts). Nothing here re-plans: the guide's steps that change
 * plans go through the existing messages (settings/save, import/commit).
 */
import type { Handlers } from '../messaging/rpc';
import { advance, onboardingOf } from '../onboarding/state';
import { loadOnboarding, saveOnboarding } from '../store';
import type { BackgroundDeps } from './deps';

/** @example const handlers = createOnboardingHandlers({ db, now, replan }) */
export function createOnboardingHandlers(deps: BackgroundDeps): Pick<Handlers, 'onboarding/get' | 'onboarding/update'> {
  const { db } = deps;
  return {
    async 'onboarding/get'() {
      return { state: onboardingOf(await loadOnboarding(db)) };
    },
    async 'onboarding/update'({ events }) {
      return db.transaction('rw', db.settings, async () => {
        const state = events.reduce(advance, onboardingOf(await loadOnboarding(db)));
        await saveOnboarding(db, state, deps.now());
        return { state };
      });
    },
  };
}
