/**
 * Messages of the guided start on the options page (lib/onboarding/state.ts). The background
 * keeps the state and applies the seller's steps to it, so the rules live in one place. Only the
 * extension's own pages may send them. Merged into the one protocol map in protocol.ts.
 */
import { z } from 'zod';
import { onboardingEventSchema, onboardingStateSchema } from '../onboarding/state';

const stateResponse = z.object({ state: onboardingStateSchema });

export const onboardingProtocol = {
  /** The guided start's state (the initial one on a new install). */
  'onboarding/get': {
    senders: ['extension'],
    request: z.object({}),
    response: stateResponse,
  },
  /** Applies the seller's steps in order (e.g. step 1's choices, then completing it) and stores the result. */
  'onboarding/update': {
    senders: ['extension'],
    request: z.object({ events: z.array(onboardingEventSchema).min(1).max(8) }),
    response: stateResponse,
  },
} as const;
