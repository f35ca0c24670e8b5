/**
 * A product's whole position on the options page: each physical stock (pool) once, with its plan
 * and the channels that sell from it (ProductsSection's open product).
 */
import type { ReactNode } from 'react';
import {
  clearanceText,
  lifecycleText,
  productTotals,
  reasonText,
  stockSourceText,
  type MergedListing,
  type MergedPlan,
  type MergedPool,
  type MergedProduct,
} from '@/lib/export';
import { formatDate, formatNumber, type Language } from '@/lib/i18n';
import type { ProductSummary } from '@/lib/messaging/protocol-options';
import { daysLate, localIsoDate } from '@/lib/locale/dates';
import { poolKindOf } from '@/lib/planning/pool-stock';
import { poolLabel } from '@/lib/export/pool-label';
import { useI18n } from '../language';
import { coverText, num } from './format';
import { WarehouseSelect } from './WarehousesSection';

/** Listings the seller can move between own warehouses: those whose stock is in the seller's hands (not FBA/WFS, channel known). */
export function movableListings(product: ProductSummary): ReadonlySet<string> {
  return new Set(product.listings.filter((l) => l.poolId !== null && poolKindOf(l.poolId) === 'SELLER').map((l) => l.key));
}

export function ProductPosition({ position, movable }: { position: MergedProduct; movable?: ReadonlySet<string> }) {
  const { t, language } = useI18n();
  const totals = productTotals(position);
  const none = t('common.none');
  return (
    <div data-testid="product-position">
      <p data-testid="position-total">
        {t('options.products.positionTotal', {
          available: totals.available === null ? t('options.stock.unknown') : formatNumber(language, totals.available),
          inbound: formatNumber(language, totals.inbound),
          reserved: num(language, none, totals.reserved),
          heldReturns: formatNumber(language, totals.heldReturns),
        })}
      </p>
      {totals.unknownPools > 0 && totals.available !== null && (
        <p className="meta">{t('options.products.positionUnknownPools', { count: formatNumber(language, totals.unknownPools) })}</p>
      )}
      {position.pools.map((pool) => (
        <PoolCard key={pool.poolId} pool={pool} listings={position.listings.filter((l) => pool.listingKeys.includes(l.key))} movable={movable} />
      ))}
    </div>
  );
}

/** One term and its value in a description list. */
function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function PoolCard({ pool, listings, movable }: { pool: MergedPool; listings: MergedListing[]; movable?: ReadonlySet<string> }) {
  const { t, language } = useI18n();
  const none = t('common.none');
  const kind = poolKindOf(pool.poolId);
  const headingId = `pool-${[pool.poolId, ...pool.listingKeys.slice(0, 1)].join('-').replace(/[^\w-]/g, '_')}`;
  return (
    <section className="pool" data-testid="pool" data-pool-id={pool.poolId} aria-labelledby={headingId}>
      <h5 id={headingId}>{poolLabel(pool.poolId, language)}</h5>
      <dl>
        <Fact label={t('options.products.stockOnHand')} testId="pool-stock">
          {pool.stock === null ? t('options.stock.unknown') : formatNumber(language, pool.stock)}
        </Fact>
        <Fact label={t('options.products.stockSource')} testId="pool-source">
          {stockSourceText(pool.stockSource, pool.stockHint, language)}
        </Fact>
        <Fact label={t('options.products.inbound')} testId="pool-inbound">
          {formatNumber(language, pool.inbound)}
        </Fact>
        <Fact label={t('options.products.reserved')} testId="pool-reserved">
          {num(language, none, pool.reserved)}
        </Fact>
        <Fact label={t('options.products.heldReturns')} testId="pool-held-returns">
          {formatNumber(language, pool.heldReturns)}
        </Fact>
      </dl>
      <PoolPlan plan={pool.plan} />
      <ChannelTable listings={listings} split={kind === 'SELLER'} movable={kind === 'SELLER' ? movable : undefined} />
    </section>
  );
}

/**
 * The reorder in words: none, by its date, or overdue since its real due date with the days
 * late counted to today (the browser's local date), so a plan from an earlier day never shows a
 * past date as a deadline.
 */
function reorderText(plan: MergedPlan, language: Language, t: ReturnType<typeof useI18n>['t']): string {
  if (plan.reorderDate === null) return t('options.products.noReorder');
  const late = daysLate(plan.reorderDate, localIsoDate(new Date()), plan.reorderDaysLate);
  const params = {
    quantity: formatNumber(language, plan.reorderQuantity ?? 0),
    date: formatDate(language, plan.reorderDate),
    days: formatNumber(language, late),
  };
  return late > 0 ? t('options.products.reorderLate', params) : t('options.products.reorderBy', params);
}

function PoolPlan({ plan }: { plan: MergedPlan | null }) {
  const { t, language } = useI18n();
  if (!plan)
    return (
      <p className="empty" data-testid="pool-plan">
        {t('options.products.notPlanned')}
      </p>
    );
  const none = t('common.none');
  return (
    <dl data-testid="pool-plan" aria-label={t('options.products.plan')}>
      <Fact label={t('options.products.forecast')}>{formatNumber(language, plan.meanDaily, 1)}</Fact>
      <Fact label={t('options.products.cover')}>{coverText(language, none, plan.daysOfCover, t)}</Fact>
      <Fact label={t('options.products.stockout')}>{plan.stockoutDate === null ? none : formatDate(language, plan.stockoutDate)}</Fact>
      <Fact label={t('options.products.reorder')} testId="pool-reorder">
        {reorderText(plan, language, t)}
      </Fact>
      <Fact label={t('options.products.health')} testId="pool-health">
        {plan.healthScore === null ? t('options.health.notEnoughData') : formatNumber(language, plan.healthScore)}
      </Fact>
      {plan.healthReasons.length > 0 && (
        <Fact label={t('options.products.healthReasons')}>{plan.healthReasons.map((r) => reasonText(r, language)).join('; ')}</Fact>
      )}
      <Fact label={t('options.products.abcClass')} testId="pool-abc">
        {plan.abcClass ?? none}
      </Fact>
      <Fact label={t('options.products.lifecycle')} testId="pool-lifecycle">
        {lifecycleText(plan.lifecycleStage, language)}
      </Fact>
      <Fact label={t('options.products.safetyStock')} testId="pool-safety-stock">
        {formatNumber(language, plan.safetyStock)}
      </Fact>
      <Fact label={t('options.products.reorderPoint')}>{formatNumber(language, plan.reorderPoint)}</Fact>
      {plan.clearance && <Fact label={t('options.products.clearance')}>{clearanceText(plan.clearance, language)}</Fact>}
    </dl>
  );
}

/** The listings selling from a stock: what each lists now against its suggested share (and, in an own warehouse, the warehouse to move it to). */
function ChannelTable({ listings, split, movable }: { listings: MergedListing[]; split: boolean; movable?: ReadonlySet<string> }) {
  const { t, language } = useI18n();
  const none = t('common.none');
  return (
    <>
      <table data-testid="pool-channels">
        <caption>{t('options.products.channels')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options.products.listing')}</th>
            <th scope="col" className="num">
              {t('options.products.listedNow')}
            </th>
            <th scope="col" className="num">
              {t('options.products.suggestedListed')}
            </th>
            <th scope="col" className="num">
              {t('options.products.buffer')}
            </th>
            {movable && <th scope="col">{t('options.products.warehouse')}</th>}
          </tr>
        </thead>
        <tbody>
          {listings.map((l) => (
            <tr key={l.key} data-key={l.key}>
              <td>
                {l.marketplace} · {l.sku}
              </td>
              <td className="num" data-testid="listed-now">
                {num(language, none, l.listed)}
              </td>
              <td className="num" data-testid="suggested-listed">
                {num(language, none, l.channel?.suggested ?? null)}
              </td>
              <td className="num">{num(language, none, l.channel?.buffer ?? null)}</td>
              {movable && <td>{movable.has(l.key) && l.poolId ? <WarehouseSelect listing={l} poolId={l.poolId} /> : none}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {!split && <p className="meta">{t('options.products.notSplit')}</p>}
    </>
  );
}
