import { useI18n } from '../language';

/** What a new user sees before anything was read: where to go first. */
export function EmptyState() {
  const { t } = useI18n();
  return (
    <section className="empty" data-testid="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">{t('popup.empty.heading')}</h2>
      <ol>
        <li>{t('popup.empty.step1')}</li>
        <li>{t('popup.empty.step2')}</li>
        <li>{t('popup.empty.step3')}</li>
      </ol>
    </section>
  );
}
