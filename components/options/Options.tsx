import type { ReactNode } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../language';
import { DataSection } from './DataSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { ProductsSection } from './ProductsSection';
import { SettingsSection } from './SettingsSection';
import { WarehousesSection } from './WarehousesSection';

const SECTIONS: { id: string; heading: MessageKey; body: () => ReactNode }[] = [
  { id: 'settings', heading: 'options.settings.heading', body: () => <SettingsSection /> },
  { id: 'import', heading: 'options.import.heading', body: () => <ImportSection /> },
  { id: 'products', heading: 'options.products.heading', body: () => <ProductsSection /> },
  { id: 'warehouses', heading: 'options.warehouses.heading', body: () => <WarehousesSection /> },
  { id: 'export', heading: 'options.export.heading', body: () => <ExportSection /> },
  { id: 'data', heading: 'options.data.heading', body: () => <DataSection /> },
];

/** The options page: one section per area, each with its own heading and a link in the nav. */
export function Options() {
  const { t } = useI18n();
  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
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
          {s.body()}
        </section>
      ))}
    </main>
  );
}
