/** Guided start, step 1: the marketplaces the seller sells on and who ships the orders. */
import { useState } from 'react';
import { MARKETPLACES } from '@/lib/locale/markets';
import { advance, canComplete, type OnboardingChoices } from '@/lib/onboarding/state';
import { PLATFORMS } from '@/lib/records';
import { DESTINATIONS } from '@/lib/settings/schema';
import { useI18n } from '../language';
import type { StepProps } from './FirstRunStep';

/** `list` with `item` added or removed. */
function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function FirstRunChannels({ state, send, busy }: StepProps) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<OnboardingChoices>(state.choices);
  const [tried, setTried] = useState(false);
  const ready = canComplete(advance(state, { type: 'choose', choices }), 'channels');
  const next = () => {
    setTried(true);
    if (ready)
      send([
        { type: 'choose', choices },
        { type: 'complete', step: 'channels' },
      ]);
  };
  return (
    <div>
      <fieldset>
        <legend>{t('onboarding.channels.marketplaces')}</legend>
        {PLATFORMS.map((platform) => (
          <div key={platform} role="group" aria-labelledby={`first-run-platform-${platform}`}>
            <h4 id={`first-run-platform-${platform}`}>{t(`onboarding.channels.platform.${platform}`)}</h4>
            <div className="inline">
              {MARKETPLACES.filter((m) => m.platform === platform).map((m) => (
                <label key={m.id} className="inline">
                  <input
                    type="checkbox"
                    checked={choices.marketplaces.includes(m.id)}
                    onChange={(e) => setChoices({ ...choices, marketplaces: toggled(choices.marketplaces, m.id, e.target.checked) })}
                  />
                  {/* The shared European seller host is not a storefront: named as the site it is. */}
                  {m.country === 'EU' ? t('onboarding.channels.europeHost') : m.id}
                </label>
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('onboarding.channels.channels')}</legend>
        <div className="inline">
          {DESTINATIONS.map((d) => (
            <label key={d} className="inline">
              <input
                type="checkbox"
                checked={choices.channels.includes(d)}
                onChange={(e) => setChoices({ ...choices, channels: toggled(choices.channels, d, e.target.checked) })}
              />
              {t(`options.destination.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {tried && !ready && <p role="alert">{t('onboarding.channels.needOne')}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={next}>
          {t('onboarding.next')}
        </button>
      </div>
    </div>
  );
}
