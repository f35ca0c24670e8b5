import { describe, expect, it } from 'vitest';
import { advance, canComplete, guideShowsImport, initialOnboarding, nextStep, onboardingOf, type OnboardingEvent, type OnboardingState } from './state';

const chosen: OnboardingEvent = { type: 'choose', choices: { marketplaces: ['amazon.com', 'ebay.com'], channels: ['FBA', 'SELLER'] } };
const run = (events: OnboardingEvent[], from: OnboardingState = initialOnboarding()) => events.reduce(advance, from);

describe('guided start state', () => {
  it('starts active at the first step with nothing done', () => {
    expect(initialOnboarding()).toMatchObject({ status: 'active', current: 'channels', done: [] });
  });

  it('refuses to complete the first step until a marketplace and a channel are chosen', () => {
    const start = initialOnboarding();
    expect(canComplete(start, 'channels')).toBe(false);
    expect(advance(start, { type: 'complete', step: 'channels' })).toEqual(start);
    const onlyMarket = advance(start, { type: 'choose', choices: { marketplaces: ['amazon.com'], channels: [] } });
    expect(advance(onlyMarket, { type: 'complete', step: 'channels' }).current).toBe('channels');
  });

  it('walks the steps in order and finishes after the last', () => {
    const states: OnboardingState[] = [];
    let state = advance(initialOnboarding(), chosen);
    for (const step of ['channels', 'leadTimes', 'history', 'pages'] as const) {
      state = advance(state, { type: 'complete', step });
      states.push(state);
    }
    expect(states.map((s) => s.current)).toEqual(['leadTimes', 'history', 'pages', 'pages']);
    expect(states.at(-1)).toMatchObject({ status: 'finished', done: ['channels', 'leadTimes', 'history', 'pages'] });
  });

  it('skipping keeps the resume point; resuming shows the guide there again', () => {
    const skipped = run([chosen, { type: 'complete', step: 'channels' }, { type: 'skip' }]);
    expect(skipped).toMatchObject({ status: 'skipped', current: 'leadTimes', done: ['channels'] });
    expect(advance(skipped, { type: 'resume' })).toMatchObject({ status: 'active', current: 'leadTimes' });
  });

  it('going back to a done step and completing it again resumes at the first step still open', () => {
    const state = run([chosen, { type: 'complete', step: 'channels' }, { type: 'complete', step: 'leadTimes' }, { type: 'open', step: 'channels' }]);
    expect(state.current).toBe('channels');
    expect(advance(state, { type: 'complete', step: 'channels' })).toMatchObject({ current: 'history', done: ['channels', 'leadTimes'] });
  });

  it('a step completed out of order is remembered, and the guide ends only when all are done', () => {
    const state = run([chosen, { type: 'open', step: 'pages' }, { type: 'complete', step: 'pages' }]);
    expect(state).toMatchObject({ status: 'active', current: 'channels', done: ['pages'] });
    expect(nextStep(['pages'], 'pages')).toBe('channels');
    expect(nextStep(['channels', 'leadTimes', 'history', 'pages'], 'history')).toBeUndefined();
  });

  it('a finished guide cannot be skipped, and resuming it starts over at the first step with its choices kept', () => {
    const finished = run([chosen, ...(['channels', 'leadTimes', 'history', 'pages'] as const).map((step) => ({ type: 'complete' as const, step }))]);
    expect(advance(finished, { type: 'skip' })).toEqual(finished);
    expect(advance(finished, { type: 'resume' })).toMatchObject({ status: 'active', current: 'channels', choices: chosen.choices });
  });

  it('choices are kept without repeats', () => {
    const state = advance(initialOnboarding(), { type: 'choose', choices: { marketplaces: ['amazon.com', 'amazon.com'], channels: ['FBA', 'FBA'] } });
    expect(state.choices).toEqual({ marketplaces: ['amazon.com'], channels: ['FBA'] });
  });

  it('reads a stored state back, and anything unreadable as a new install', () => {
    const stored = run([chosen, { type: 'skip' }]);
    expect(onboardingOf(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(onboardingOf(undefined)).toEqual(initialOnboarding());
    expect(onboardingOf({ version: 1, status: 'active', current: 'nowhere', done: [], choices: { marketplaces: [], channels: [] } })).toEqual(
      initialOnboarding(),
    );
    expect(onboardingOf({ ...stored, choices: { marketplaces: ['amazon.moon'], channels: [] } })).toEqual(initialOnboarding());
  });

  it('shows the import only while the guide is open at the history step', () => {
    const atHistory = { ...initialOnboarding(), current: 'history' as const };
    expect(guideShowsImport(atHistory)).toBe(true);
    expect(guideShowsImport(advance(atHistory, { type: 'skip' }))).toBe(false);
    expect(guideShowsImport(initialOnboarding())).toBe(false);
    expect(guideShowsImport({ ...atHistory, status: 'finished' })).toBe(false);
  });
});
