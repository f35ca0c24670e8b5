/** What every step of the guided start (FirstRun*.tsx) gets from it. */
import type { OnboardingEvent, OnboardingState } from '@/lib/onboarding/state';

export interface StepProps {
  state: OnboardingState;
  /** Sends the seller's steps to the background, which answers with the new state. */
  send: (events: OnboardingEvent[]) => void;
  /** A step is being sent: buttons wait. */
  busy: boolean;
}
