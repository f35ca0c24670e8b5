/**
 * The marketplace's own figures next to ours, in the panel's Details: Amazon Restock's
 * recommended quantity and ship date, FBA's days of supply and estimated storage cost, Walmart's
 * WFS suggestion ("Suggested Units", shown as Walmart's suggested units), reserved units. They come from the row the page itself shows (so they appear
 * exactly where the page has them), and each that disagrees with our answer gets one line saying
 * why, from numbers the panel already holds (demand per day, lead time, stock, inbound).
 */
import { formatMoney, formatNumber, formatShortDate, t, type Language } from '../i18n/page';
import type { PanelData } from '../messaging/protocol';
import { wholeDaysOfCover } from '../planning/cover';
import type { Observation } from '../records';

type MarketFigures = NonNullable<PanelData['marketFigures']>;

/**
 * The marketplace's own figures in a page's listing row; undefined when the row shows none.
 * @example marketFiguresOf({ kind: 'listing', recommendedQuantity: 135, ... }) // { recommendedQuantity: 135 }
 */
export function marketFiguresOf(row: Observation): MarketFigures | undefined {
  if (row.kind !== 'listing') return undefined;
  const figures: MarketFigures = {
    ...(row.recommendedQuantity !== undefined ? { recommendedQuantity: row.recommendedQuantity } : {}),
    ...(row.recommendedShipDate !== undefined ? { recommendedShipDate: row.recommendedShipDate } : {}),
    ...(row.platformDaysOfSupply !== undefined ? { daysOfSupply: row.platformDaysOfSupply } : {}),
    ...(row.estimatedStorageCost !== undefined ? { storageCost: row.estimatedStorageCost } : {}),
    ...(row.reserved !== undefined ? { reserved: row.reserved } : {}),
  };
  return Object.keys(figures).length ? figures : undefined;
}

/**
 * The panels with the figures the page shows on each one's row (keyed by SKU, as the page's
 * panels are); a panel whose row shows none is returned as it is.
 * @example withMarketFigures([panel], rows)[0].marketFigures?.recommendedQuantity // 135
 */
export function withMarketFigures(panels: readonly PanelData[], rows: readonly Observation[]): PanelData[] {
  const bySku = new Map<string, MarketFigures>();
  for (const row of rows) {
    const figures = marketFiguresOf(row);
    if (figures) bySku.set(row.sku, figures);
  }
  if (bySku.size === 0) return [...panels];
  return panels.map((panel) => {
    const figures = bySku.get(panel.sku);
    return figures ? { ...panel, marketFigures: figures } : panel;
  });
}

type Figured = Pick<PanelData, 'key' | 'marketFigures' | 'reorderQuantity' | 'dailyDemand' | 'leadTimeDays' | 'available' | 'inbound' | 'daysOfCover'>;

/**
 * The marketplace's name in the UI language, from the listing key (platform|marketplace|sku).
 * @example platformName('zh-CN', 'amazon|amazon.com|MUG') // '亚马逊'
 */
export function platformName(language: Language, key: string): string {
  const platform = key.split('|')[0];
  return platform === 'amazon' || platform === 'walmart' || platform === 'ebay' ? t(language, `panel.market.platform.${platform}`) : (platform ?? '');
}

/**
 * Why the marketplace's recommended quantity differs from ours: how long each lasts at our
 * demand per day. Null when they agree or the demand is not known.
 * @example quantityReason('en', { ...panel, reorderQuantity: 912, dailyDemand: 6.9, leadTimeDays: 70, available: 40, inbound: 0 }, 135, 'Amazon') // 'Why ours differs: at 6.9 a day Amazon's 135 lasts about 25 days; ours covers your 70-day lead time and about 68 days after arrival'
 */
function quantityReason(language: Language, data: Figured, theirs: number, platform: string): string | null {
  const rate = data.dailyDemand;
  if (rate === null || rate <= 0 || data.leadTimeDays === null || theirs === data.reorderQuantity) return null;
  const n = (value: number) => formatNumber(language, value);
  const onHand = (data.available ?? 0) + (data.inbound ?? 0);
  if (!data.reorderQuantity) {
    if (data.daysOfCover === null) return null;
    return t(language, 'panel.market.why.noReorder', { days: n(wholeDaysOfCover(data.daysOfCover)), lead: n(data.leadTimeDays) });
  }
  const theirDays = wholeDaysOfCover((onHand + theirs) / rate);
  const after = Math.max(0, wholeDaysOfCover((onHand + data.reorderQuantity) / rate) - data.leadTimeDays);
  return t(language, 'panel.market.why.quantity', {
    rate: formatNumber(language, rate, 1),
    platform,
    theirs: n(theirs),
    theirDays: n(theirDays),
    lead: n(data.leadTimeDays),
    after: n(after),
  });
}

/**
 * Why the marketplace's days of supply differ from our days of cover: it counts the inbound
 * (when the inbound explains the gap), or it implies another demand per day. Null when the two
 * agree within a day or 10 %.
 */
function supplyReason(language: Language, data: Figured, theirDays: number, platform: string): string | null {
  const ours = data.daysOfCover;
  const rate = data.dailyDemand;
  const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, 0.1 * Math.max(a, b));
  if (ours === null || rate === null || rate <= 0 || close(theirDays, ours) || theirDays <= 0) return null;
  const inbound = data.inbound ?? 0;
  const onHand = data.available ?? 0;
  if (inbound > 0 && close(theirDays, (onHand + inbound) / rate))
    return t(language, 'panel.market.why.supplyInbound', { platform, inbound: formatNumber(language, inbound) });
  if (onHand <= 0) return null;
  return t(language, 'panel.market.why.supply', { platform, rate: formatNumber(language, onHand / theirDays, 1), ours: formatNumber(language, rate, 1) });
}

/**
 * The Details lines of the marketplace's own figures, each followed by why ours differ when
 * they do; empty when the page shows none.
 * @example marketFigureLines('en', { ...panel, key: 'amazon|amazon.com|MUG', marketFigures: { recommendedQuantity: 135 } }, '2026-12-02')[0].text // 'Amazon recommends 135 (ours: 912)'
 */
export function marketFigureLines(language: Language, data: Figured, today: string): { testId: string; text: string; reason?: string }[] {
  const figures = data.marketFigures;
  if (!figures) return [];
  const platform = platformName(language, data.key);
  const n = (value: number) => formatNumber(language, value);
  const lines: { testId: string; text: string; reason?: string }[] = [];
  const push = (testId: string, text: string, reason: string | null = null) => lines.push({ testId, text, ...(reason ? { reason } : {}) });
  if (figures.recommendedQuantity !== undefined) {
    const ours = data.reorderQuantity ? n(data.reorderQuantity) : t(language, 'panel.market.oursNone');
    const quantity = n(figures.recommendedQuantity);
    const text = figures.recommendedShipDate
      ? t(language, 'panel.market.recommendedBy', { platform, quantity, ours, date: formatShortDate(language, figures.recommendedShipDate, today) })
      : t(language, data.key.startsWith('walmart|') ? 'panel.market.suggested' : 'panel.market.recommended', { platform, quantity, ours });
    push('market-recommended', text, quantityReason(language, data, figures.recommendedQuantity, platform));
  }
  if (figures.daysOfSupply !== undefined) {
    const ours = data.daysOfCover === null ? '—' : t(language, 'panel.days', { days: n(wholeDaysOfCover(data.daysOfCover)) });
    push(
      'market-days-of-supply',
      t(language, 'panel.market.daysOfSupply', { platform, days: n(wholeDaysOfCover(figures.daysOfSupply)), ours }),
      supplyReason(language, data, figures.daysOfSupply, platform),
    );
  }
  if (figures.storageCost) push('market-storage-cost', t(language, 'panel.market.storageCost', { amount: formatMoney(language, figures.storageCost) }));
  if (figures.reserved !== undefined) push('market-reserved', t(language, 'panel.market.reserved', { units: n(figures.reserved) }));
  return lines;
}
