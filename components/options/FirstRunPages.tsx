/**
 * Guided start, step 4: links to the seller's own pages that give stock and recent sales, for
 * the marketplaces and channels chosen in step 1 (lib/onboarding/seller-pages.ts).
 */
import { pageTypeName } from '@/lib/content/codes';
import { pagesToOpen } from '@/lib/onboarding/seller-pages';
import { useI18n } from '../language';
import type { StepProps } from './FirstRunStep';

export function FirstRunPages({ state, send, busy }: StepProps) {
  const { t, language } = useI18n();
  const links = pagesToOpen(state.choices);
  return (
    <div>
      <p>{t('onboarding.pages.intro')}</p>
      {links.length > 0 ? (
        <ul data-testid="first-run-pages">
          {links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noreferrer">
                {t('onboarding.pages.link', { page: pageTypeName(language, link.pageType), marketplace: link.marketplace })}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('onboarding.pages.none')}</p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => send([{ type: 'complete', step: 'pages' }])}>
          {t('onboarding.finish')}
        </button>
      </div>
    </div>
  );
}
