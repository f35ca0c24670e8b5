/**
 * The guided start above the options page's sections: four steps (where the seller sells, lead
 * times, the order-history import, the pages to open once), skippable and resumable. The state
 * and its rules live in the background (lib/onboarding/state.ts through the onboarding/*
 * messages); this only shows the current step and sends the seller's steps.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FIRST_RUN_ANCHOR, ONBOARDING_STEPS, type OnboardingEvent, type OnboardingState, type OnboardingStep } from '@/lib/onboarding/state';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';
import { FirstRunChannels } from './FirstRunChannels';
import { FirstRunHistory } from './FirstRunHistory';
import { FirstRunLeadTimes } from './FirstRunLeadTimes';
import { FirstRunPages } from './FirstRunPages';
import type { StepProps } from './FirstRunStep';

const ONBOARDING_QUERY = ['onboarding'] as const;

/** The guided start's state from the background. */
export function useOnboarding() {
  return useQuery({ queryKey: ONBOARDING_QUERY, queryFn: () => rpc('onboarding/get', {}) });
}

/** Sends the seller's steps; the background answers with the new state. */
function useOnboardingUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (events: OnboardingEvent[]) => rpc('onboarding/update', { events }),
    onSuccess: (result) => queryClient.setQueryData(ONBOARDING_QUERY, result),
  });
}

/** The guided start, or the "Resume" line once skipped; nothing once finished. */
export function FirstRun({ onSettingsSaved }: { onSettingsSaved: () => void }) {
  const { t } = useI18n();
  const state = useOnboarding().data?.state;
  const update = useOnboardingUpdate();
  if (!state || state.status === 'finished') return null;
  const send = (events: OnboardingEvent[]) => update.mutate(events);
  const position = { n: ONBOARDING_STEPS.indexOf(state.current) + 1, total: ONBOARDING_STEPS.length };
  if (state.status === 'skipped') {
    return (
      <p id={FIRST_RUN_ANCHOR} data-testid="first-run-skipped">
        {t('onboarding.skipped', position)}{' '}
        <button type="button" className="link" onClick={() => send([{ type: 'resume' }])}>
          {t('onboarding.resume')}
        </button>
      </p>
    );
  }
  const props: StepProps = { state, send, busy: update.isPending };
  const bodies: Record<OnboardingStep, () => ReactNode> = {
    channels: () => <FirstRunChannels {...props} />,
    leadTimes: () => <FirstRunLeadTimes {...props} onSettingsSaved={onSettingsSaved} />,
    history: () => <FirstRunHistory {...props} />,
    pages: () => <FirstRunPages {...props} />,
  };
  return (
    <section id={FIRST_RUN_ANCHOR} aria-labelledby="first-run-heading" data-testid="first-run" data-step={state.current}>
      <h2 id="first-run-heading">{t('onboarding.heading')}</h2>
      <p>{t('onboarding.intro')}</p>
      <StepList state={state} onOpen={(step) => send([{ type: 'open', step }])} />
      <h3>
        {t('onboarding.progress', position)}: {t(`onboarding.step.${state.current}`)}
      </h3>
      {bodies[state.current]()}
      {update.isError && <p role="alert">{errorText(t, update.error)}</p>}
      <div className="actions">
        {position.n > 1 && (
          <button type="button" onClick={() => send([{ type: 'open', step: ONBOARDING_STEPS[position.n - 2]! }])}>
            {t('onboarding.back')}
          </button>
        )}
        <button type="button" className="link" onClick={() => send([{ type: 'skip' }])}>
          {t('onboarding.skip')}
        </button>
      </div>
    </section>
  );
}

/** The steps, each a button that opens it, the current one marked, the done ones said so. */
function StepList({ state, onOpen }: { state: OnboardingState; onOpen: (step: OnboardingStep) => void }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('onboarding.steps')}>
      <ol className="inline">
        {ONBOARDING_STEPS.map((step) => (
          <li key={step}>
            <button type="button" className="link" aria-current={step === state.current ? 'step' : undefined} onClick={() => onOpen(step)}>
              {t(`onboarding.step.${step}`)}
            </button>
            {state.done.includes(step) && <span className="meta"> {t('onboarding.stepDone')}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** What the Import section says while the guide shows the import (one file input per page). */
export function ImportInGuideNote() {
  const { t } = useI18n();
  return (
    <p>
      <a href={`#${FIRST_RUN_ANCHOR}`}>{t('onboarding.importInGuide')}</a>
    </p>
  );
}
