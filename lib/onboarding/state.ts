/**
 * The guided start's state machine: which steps the seller finished, where to resume, whether
 * the guide was skipped or finished, and the choices of its first step (marketplaces and
 * fulfilment channels, which the later steps use). Pure: the background applies events to the
 * stored state (lib/background/onboarding-handlers.ts) and the options page only shows it, so
 * the same rules hold wherever the guide is resumed.
 */
import { z } from 'zod';
import { MARKETPLACES } from '../locale/markets';
import { DESTINATIONS } from '../settings/schema';

/** The anchor of the options page the guided start lives at (the install opens options.html#first-run). */
export const FIRST_RUN_ANCHOR = 'first-run';

/** The steps, in the order the guide shows them. */
export const ONBOARDING_STEPS = ['channels', 'leadTimes', 'history', 'pages'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

const stepSchema = z.enum(ONBOARDING_STEPS);
const marketplaceIds = new Set(MARKETPLACES.map((m) => m.id));

/** Marketplaces and fulfilment channels the seller sells through (step 1). */
const choicesSchema = z.object({
  marketplaces: z.array(z.string().refine((id) => marketplaceIds.has(id), { message: 'Not a known marketplace' })).max(MARKETPLACES.length),
  /** Fulfilment channels, named as the shipment destinations of the lead-time settings. */
  channels: z.array(z.enum(DESTINATIONS)).max(DESTINATIONS.length),
});
export type OnboardingChoices = z.infer<typeof choicesSchema>;

export const onboardingStateSchema = z.object({
  version: z.literal(1),
  /** active = shown above the options page's sections; skipped = a "Resume" link; finished = gone. */
  status: z.enum(['active', 'skipped', 'finished']),
  /** The step shown (and resumed at). */
  current: stepSchema,
  /** Steps the seller completed, in step order. */
  done: z.array(stepSchema),
  choices: choicesSchema,
});
export type OnboardingState = z.infer<typeof onboardingStateSchema>;

export const onboardingEventSchema = z.discriminatedUnion('type', [
  /** Step 1's answers (completing the step is a separate `complete`). */
  z.object({ type: z.literal('choose'), choices: choicesSchema }),
  /** The seller finished a step: on to the next step not done yet, or the guide is finished. */
  z.object({ type: z.literal('complete'), step: stepSchema }),
  /** Back to a step (the step list, "Back"). */
  z.object({ type: z.literal('open'), step: stepSchema }),
  z.object({ type: z.literal('skip') }),
  /** Shows the guide again at its resume point (or at the start, when it was finished). */
  z.object({ type: z.literal('resume') }),
]);
export type OnboardingEvent = z.infer<typeof onboardingEventSchema>;

/**
 * The state of a new install: the guide is shown at its first step.
 * @example initialOnboarding().current // 'channels'
 */
export function initialOnboarding(): OnboardingState {
  return { version: 1, status: 'active', current: 'channels', done: [], choices: { marketplaces: [], channels: [] } };
}

/**
 * The stored state, or the initial one when nothing (or something unreadable) is stored.
 * @example onboardingOf(undefined).status // 'active'
 */
export function onboardingOf(stored: unknown): OnboardingState {
  const parsed = onboardingStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : initialOnboarding();
}

/**
 * Whether a step may be completed: step 1 needs at least one marketplace and one channel (every
 * later step derives from them); the others may be completed as they are (the seller may have
 * no files at hand: the guide stays resumable).
 * @example canComplete(initialOnboarding(), 'channels') // false
 */
export function canComplete(state: OnboardingState, step: OnboardingStep): boolean {
  return step !== 'channels' || (state.choices.marketplaces.length > 0 && state.choices.channels.length > 0);
}

/** Steps in step order, without repeats. */
function inStepOrder(steps: Iterable<OnboardingStep>): OnboardingStep[] {
  const set = new Set(steps);
  return ONBOARDING_STEPS.filter((s) => set.has(s));
}

/**
 * The step to resume at: the first not done after `from`, else the first not done at all.
 * @example nextStep(['channels'], 'channels') // 'leadTimes'
 */
export function nextStep(done: readonly OnboardingStep[], from: OnboardingStep): OnboardingStep | undefined {
  const open = ONBOARDING_STEPS.filter((s) => !done.includes(s));
  return open.find((s) => ONBOARDING_STEPS.indexOf(s) > ONBOARDING_STEPS.indexOf(from)) ?? open[0];
}

/**
 * The state after an event. Events that do not apply (completing step 1 without choices)
 * leave the state as it was.
 * @example advance(initialOnboarding(), { type: 'skip' }).status // 'skipped'
 */
export function advance(state: OnboardingState, event: OnboardingEvent): OnboardingState {
  switch (event.type) {
    case 'choose':
      return {
        ...state,
        choices: { marketplaces: [...new Set(event.choices.marketplaces)], channels: [...new Set(event.choices.channels)] },
      };
    case 'complete': {
      if (!canComplete(state, event.step)) return state;
      const done = inStepOrder([...state.done, event.step]);
      const next = nextStep(done, event.step);
      return next ? { ...state, status: 'active', done, current: next } : { ...state, status: 'finished', done };
    }
    case 'open':
      return { ...state, status: 'active', current: event.step };
    case 'skip':
      return state.status === 'finished' ? state : { ...state, status: 'skipped' };
    case 'resume':
      return { ...state, status: 'active', current: state.status === 'finished' ? ONBOARDING_STEPS[0] : state.current };
  }
}

/**
 * Whether the guide shows the report import now (step 3, active): the options page then shows
 * the import there only, so the page never has two file inputs.
 * @example guideShowsImport({ ...initialOnboarding(), current: 'history' }) // true
 */
export function guideShowsImport(state: OnboardingState): boolean {
  return state.status === 'active' && state.current === 'history';
}
