import { useState, type ReactNode } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { guideShowsImport } from '@/lib/onboarding/state';
import { useI18n } from '../language';
import { AccountsSection } from './AccountsSection';
import { ColumnMappingsSection } from './ColumnMappingsSection';
import { DataSection } from './DataSection';
import { ExportSection } from './ExportSection';
import { FirstRun, ImportInGuideNote, useOnboarding } from './FirstRun';
import { ImportSection } from './ImportSection';
import { InboundArrivalsSection } from './InboundArrivalsSection';
import { ProductsSection } from './ProductsSection';
import { CashSection } from './CashSection';
import { PurchasePlanSection } from './PurchasePlanSection';
import { SettingsSection } from './SettingsSection';
import { WarehousesSection } from './WarehousesSection';

/** What sections' bodies depend on: the guided start may show the import, and saves lead times (the settings form then re-reads them). */
interface SectionView {
  importInGuide: boolean;
  settingsRevision: number;
}

const SECTIONS: { id: string; heading: MessageKey; body: (view: SectionView) => ReactNode }[] = [
  { id: 'settings', heading: 'options.settings.heading', body: (view) => <SettingsSection key={view.settingsRevision} /> },
  { id: 'import', heading: 'options.import.heading', body: (view) => (view.importInGuide ? <ImportInGuideNote /> : <ImportSection />) },
  { id: 'products', heading: 'options.products.heading', body: () => <ProductsSection /> },
  { id: 'warehouses', heading: 'options.warehouses.heading', body: () => <WarehousesSection /> },
  { id: 'accounts', heading: 'accounts.heading', body: () => <AccountsSection /> },
  { id: 'inbound', heading: 'options.inbound.heading', body: () => <InboundArrivalsSection /> },
  { id: 'purchase-plan', heading: 'purchase.heading', body: () => <PurchasePlanSection /> },
  { id: 'cash', heading: 'cash.heading', body: () => <CashSection /> },
  { id: 'export', heading: 'options.export.heading', body: () => <ExportSection /> },
  { id: 'taught-columns', heading: 'options.teaching.heading', body: () => <ColumnMappingsSection /> },
  { id: 'data', heading: 'options.data.heading', body: () => <DataSection /> },
];

/** The options page: one section per area, each with its own heading and a link in the nav. */
export function Options() {
  const { t } = useI18n();
  const onboarding = useOnboarding().data?.state;
  const [settingsRevision, setSettingsRevision] = useState(0);
  const view: SectionView = { importInGuide: onboarding ? guideShowsImport(onboarding) : false, settingsRevision };
  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <FirstRun onSettingsSaved={() => setSettingsRevision((n) => n + 1)} />
      <nav aria-label={t('options.nav')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.heading)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {SECTIONS.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-heading`}>
          <h2 id={`${s.id}-heading`}>{t(s.heading)}</h2>
          {s.body(view)}
        </section>
      ))}
    </main>
  );
}
