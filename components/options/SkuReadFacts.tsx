/**
 * What the readings show of each SKU's fee facts (size tier, shipping weight, unit volume: Fee
 * Preview, Manage FBA Inventory, the inventory planning report), for the SKU editor: under each
 * field, the value read, from where and when, used while the seller's field is empty; and the
 * SKUs the seller has no row for, each with a button to enter values of its own. The seller's
 * entry always wins (lib/planning/fees-facts.ts); clearing it goes back to the value read.
 */
import { useQuery } from '@tanstack/react-query';
import { pageTypeName } from '@/lib/content/codes';
import { formatDate, formatNumber, type Language } from '@/lib/i18n';
import type { NewestFeeFacts } from '@/lib/import/fee-facts';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { reportName } from './ImportPreview';
import { shownVolume, shownWeight, type DisplayUnits } from './settings-units';

type Translate = ReturnType<typeof useI18n>['t'];
type Fact = 'sizeTier' | 'shippingWeightOz' | 'unitCubicFeet';

/** The newest facts read per SKU (empty until the background answers). */
export function useReadFeeFacts(): Map<string, NewestFeeFacts> {
  const read = useQuery({ queryKey: ['fee-facts-read'], queryFn: () => rpc('fee-facts/read', {}) });
  return new Map((read.data?.facts ?? []).map((f) => [f.sku, f]));
}

/**
 * Where a fact was read, in the UI language: a report by its name, a page by its page type's name.
 * @example sourceName('report:amazon/fee-preview', t, 'en') // 'Fee Preview'
 */
function sourceName(source: string, t: Translate, language: Language): string {
  if (source.startsWith('report:')) return reportName(source.slice('report:'.length), t);
  return t('options.settings.factSourcePage', { page: pageTypeName(language, source) });
}

/** A number as the seller would type it (no grouping, at most `digits` decimals). @example typed(0.3240741, 4) // '0.3241' */
const typed = (value: number, digits: number) => String(Math.round(value * 10 ** digits) / 10 ** digits);

/** How the SKU editor shows read facts in the seller's units. */
export function useFactText(units: DisplayUnits) {
  const { t, language } = useI18n();
  const weightUnit = units.weight === 'g' ? t('options.settings.unit.grams') : t('options.settings.unit.ounces');
  const volumeUnit = units.volume === 'litres' ? t('options.settings.unit.litres') : t('options.settings.unit.cubicFeet');
  /** The value as the field takes it (its placeholder). */
  const input = (facts: NewestFeeFacts | undefined, fact: 'shippingWeightOz' | 'unitCubicFeet') => {
    const read = facts?.[fact];
    if (!read) return undefined;
    return fact === 'shippingWeightOz' ? typed(shownWeight(read.value, units.weight), 2) : typed(shownVolume(read.value, units.volume), 4);
  };
  /** The value with its unit, in the UI language. */
  const value = (facts: NewestFeeFacts, fact: Fact): string | undefined => {
    if (fact === 'sizeTier') return facts.sizeTier && t(`options.settings.tier.${facts.sizeTier.value}`);
    const read = facts[fact];
    if (!read) return undefined;
    if (fact === 'shippingWeightOz') return `${formatNumber(language, shownWeight(read.value, units.weight), 2)} ${weightUnit}`;
    return `${formatNumber(language, shownVolume(read.value, units.volume), 4)} ${volumeUnit}`;
  };
  /** The note under a field: the value read, where and when, and whether the seller's entry replaces it. */
  const note = (facts: NewestFeeFacts | undefined, fact: Fact, entered: boolean): string | undefined => {
    const read = facts?.[fact];
    const shown = facts && value(facts, fact);
    if (!read || !shown) return undefined;
    const params = { source: sourceName(read.source, t, language), date: formatDate(language, read.date), value: shown };
    return t(entered ? 'options.settings.factReadOverridden' : 'options.settings.factRead', params);
  };
  return { input, value, note, weightUnit, volumeUnit };
}

/** The SKUs with facts read and no row of the seller's, each with where its facts came from and a button to enter values of its own. */
export function ReadSkuFacts({ facts, units, onEnter }: { facts: readonly NewestFeeFacts[]; units: DisplayUnits; onEnter: (sku: string) => void }) {
  const { t, language } = useI18n();
  const text = useFactText(units);
  if (facts.length === 0) return null;
  const sources = (f: NewestFeeFacts) =>
    [
      ...new Set(
        [f.sizeTier, f.shippingWeightOz, f.unitCubicFeet].flatMap((r) => (r ? [`${sourceName(r.source, t, language)}, ${formatDate(language, r.date)}`] : [])),
      ),
    ].join('; ');
  return (
    <table data-testid="read-sku-facts">
      <caption>{t('options.settings.readSkuFacts')}</caption>
      <thead>
        <tr>
          <th>{t('options.settings.sku')}</th>
          <th>{t('options.settings.sizeTier')}</th>
          <th>{t('options.settings.shippingWeight', { unit: text.weightUnit })}</th>
          <th>{t('options.settings.unitVolume', { unit: text.volumeUnit })}</th>
          <th>{t('options.settings.readFrom')}</th>
          <th>{t('options.settings.enterOwn')}</th>
        </tr>
      </thead>
      <tbody>
        {facts.map((f) => (
          <tr key={f.sku} data-sku={f.sku}>
            <td>{f.sku}</td>
            <td>{text.value(f, 'sizeTier') ?? '–'}</td>
            <td>{text.value(f, 'shippingWeightOz') ?? '–'}</td>
            <td>{text.value(f, 'unitCubicFeet') ?? '–'}</td>
            <td>{sources(f)}</td>
            <td>
              <button type="button" onClick={() => onEnter(f.sku)}>
                {t('options.settings.enterOwn')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
