/**
 * Guided start, step 3: where each chosen platform's order-history download is
 * (lib/onboarding/history-guides.ts), then the options page's own report import (ImportSection:
 * drop the files, progress, preview, confirm), embedded as it is.
 */
import { HISTORY_GUIDES, historyPlatforms } from '@/lib/onboarding/history-guides';
import { useI18n } from '../language';
import type { StepProps } from './FirstRunStep';
import { ImportSection } from './ImportSection';

export function FirstRunHistory({ state, send, busy }: StepProps) {
  const { t } = useI18n();
  return (
    <div>
      <p>{t('onboarding.history.intro')}</p>
      {historyPlatforms(state.choices).map((platform) => (
        <div key={platform} data-testid={`first-run-guide-${platform}`}>
          <h4>{t(HISTORY_GUIDES[platform].title)}</h4>
          <ol>
            {HISTORY_GUIDES[platform].steps.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ol>
        </div>
      ))}
      <p>{t('onboarding.history.marketplaceNote', { field: t('options.import.marketplace') })}</p>
      <ImportSection />
      <p className="meta">{t('onboarding.history.later')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => send([{ type: 'complete', step: 'history' }])}>
          {t('onboarding.next')}
        </button>
      </div>
    </div>
  );
}
