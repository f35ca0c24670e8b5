/**
 * The import preview's list of seller entries the files disagree with (size tier, shipping
 * weight, unit volume per SKU): a report never replaces an entry (lib/import/fee-facts.ts), so
 * the seller is shown where it differs, before anything is stored.
 */
import { useQuery } from '@tanstack/react-query';
import { feeFactDifferences, type FeeFactDifference } from '@/lib/import/fee-facts';
import type { FilePreview } from '@/lib/import/pipeline';
import { formatNumber } from '@/lib/i18n';
import { rpc } from '../runtime';
import { useI18n } from '../language';
import { displayUnitsOf, shownVolume, shownWeight, type DisplayUnits } from './settings-units';

/** Rows listed; the rest are counted (a catalogue-wide disagreement is one decision, not a page of rows). */
const LISTED = 20;

export function FeeFactDifferences({ previews }: { previews: FilePreview[] }) {
  const { t, language } = useI18n();
  const saved = useQuery({ queryKey: ['settings'], queryFn: () => rpc('settings/get', {}) });
  if (!saved.data) return null;
  const differences = feeFactDifferences(
    previews.flatMap((p) => p.feeFacts),
    saved.data.settings,
  );
  if (differences.length === 0) return null;
  const units = displayUnitsOf(previews.find((p) => p.marketplaces.length > 0)?.marketplaces[0]?.marketplace);
  const volumeUnit = units.volume === 'litres' ? t('options.settings.unit.litres') : t('options.settings.unit.cubicFeet');
  const weightUnit = units.weight === 'g' ? t('options.settings.unit.grams') : t('options.settings.unit.ounces');
  const figureName = (d: FeeFactDifference) =>
    d.fact === 'sizeTier'
      ? t('options.settings.sizeTier')
      : d.fact === 'shippingWeightOz'
        ? t('options.settings.shippingWeight', { unit: weightUnit })
        : t('options.settings.unitVolume', { unit: volumeUnit });
  const value = (d: FeeFactDifference, v: FeeFactDifference['entered']) =>
    typeof v === 'string' ? t(`options.settings.tier.${v}`) : formatNumber(language, shown(d.fact, v, units), 3);
  return (
    <section data-testid="import-fee-facts" aria-labelledby="import-fee-facts-heading">
      <h4 id="import-fee-facts-heading">{t('options.import.feeFacts.heading')}</h4>
      <p>{t('options.import.feeFacts.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">{t('options.import.feeFacts.figure')}</th>
            <th scope="col">{t('options.import.feeFacts.entered')}</th>
            <th scope="col">{t('options.import.feeFacts.read')}</th>
          </tr>
        </thead>
        <tbody>
          {differences.slice(0, LISTED).map((d) => (
            <tr key={`${d.sku}|${d.fact}`} data-sku={d.sku} data-fact={d.fact}>
              <td>{d.sku}</td>
              <td>{figureName(d)}</td>
              <td>{value(d, d.entered)}</td>
              <td>{value(d, d.read)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {differences.length > LISTED && (
        <p className="meta">{t('options.import.feeFacts.more', { count: formatNumber(language, differences.length - LISTED) })}</p>
      )}
    </section>
  );
}

/** A stored figure (ounces, cubic feet) in the units the settings form shows it in. */
function shown(fact: FeeFactDifference['fact'], stored: number, units: DisplayUnits): number {
  return fact === 'shippingWeightOz' ? shownWeight(stored, units.weight) : shownVolume(stored, units.volume);
}
