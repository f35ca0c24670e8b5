import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
import { productNameOf } from '@/lib/background/product-order';
import { PRODUCT_SORTS, type CalibrationEntry, type ProductListing, type ProductSummary, type ReturnEntry } from '@/lib/messaging/protocol-options';
import { wholeDaysOfCover } from '@/lib/planning/cover';
import { daysLate, localIsoDate } from '@/lib/locale/dates';
import { poolKindOf } from '@/lib/planning/pool-stock';
import { poolLabel } from '@/lib/export/pool-label';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { NumberField, TextField } from './fields';
import { errorText, formatDateTime } from './format';
import { ProductCharts } from './ProductCharts';
import { WarehouseSelect } from './WarehousesSection';

/** Products asked for at a time (the message's most); more are asked for as the list scrolls near its end. */
const PAGE = 200;
/**
 * A closed product's height in px before it is measured: one line (the details button's 26 px)
 * inside the card's padding, border and margins (pages.css `.options .products article`).
 */
const CLOSED_HEIGHT = 44;
/** Products before the end of the loaded ones at which the next page is asked for. */
const NEAR_END = 30;

type Calibrations = CalibrationEntry[];
type Returns = ReturnEntry[];
/** Runs a change and refreshes every query; `busy` while one runs. */
interface Saver {
  run: (change: () => Promise<unknown>) => void;
  busy: boolean;
}

/**
 * Days of cover as every view shows them (whole days, rounded down as the panels and popup do:
 * lib/planning/cover.ts wholeDaysOfCover), or the "none" dash.
 * @example coverText('en', '—', 92.6, t) // '92 d'
 */
function coverText(language: Language, none: string, days: number | null, t: ReturnType<typeof useI18n>['t']): string {
  return days === null ? none : t('panel.days', { days: formatNumber(language, wholeDaysOfCover(days)) });
}

/** A number in the UI language, or the "none" dash for null. */
function num(language: Language, none: string, value: number | null, digits = 0): string {
  return value === null ? none : formatNumber(language, value, digits);
}

/**
 * Searchable, sortable (most urgent first by default), each product one line until opened; the
 * list is virtualised and loaded a page at a time as it scrolls, so thousands of products render
 * as fast as a few.
 */
export function ProductsSection() {
  const { t, language } = useI18n();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<(typeof PRODUCT_SORTS)[number]>('urgency');
  const list = useInfiniteQuery({
    queryKey: ['products', search, sort],
    queryFn: ({ pageParam }) => rpc('products/list', { search: search || undefined, offset: pageParam, limit: PAGE, sort }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.products.length, 0);
      return last.products.length > 0 && loaded < last.total ? loaded : undefined;
    },
  });
  const products = useMemo(() => list.data?.pages.flatMap((page) => page.products) ?? [], [list.data]);
  const total = list.data?.pages[list.data.pages.length - 1]?.total ?? 0;

  return (
    <div>
      <TextField id="products-search" label={t('options.products.search')} value={search} onChange={setSearch} />
      <div className="field">
        <label htmlFor="products-sort">{t('options.products.sort')}</label>
        <select id="products-sort" value={sort} onChange={(e) => setSort(e.target.value as (typeof PRODUCT_SORTS)[number])}>
          {PRODUCT_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`options.products.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {list.isPending && <p role="status">{t('options.loading')}</p>}
      {list.isError && <p role="alert">{errorText(t, list.error)}</p>}
      {list.data && total === 0 && <p className="empty">{t('options.products.none')}</p>}
      {list.data && total > 0 && (
        <>
          <p data-testid="products-count">
            {t('options.products.count', { shown: formatNumber(language, products.length), total: formatNumber(language, total) })}
          </p>
          <ProductList
            products={products}
            total={total}
            onNearEnd={() => {
              if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
            }}
          />
        </>
      )}
    </div>
  );
}

/**
 * The loaded products, virtualised: only those in view (plus a few) are in the DOM; an opened
 * product is measured as it grows (its charts load after it opens).
 */
function ProductList({ products, total, onNearEnd }: { products: ProductSummary[]; total: number; onNearEnd: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | undefined>();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: products.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CLOSED_HEIGHT,
    getItemKey: (index) => products[index]!.id,
    overscan: 6,
    // First paint before layout: the scroller's CSS height.
    initialRect: { width: 800, height: 600 },
  });
  const rows = virtualizer.getVirtualItems();
  const nearEnd = (rows[rows.length - 1]?.index ?? 0) >= products.length - NEAR_END;
  useEffect(() => {
    if (nearEnd && products.length < total) onNearEnd();
  }, [nearEnd, products.length, total, onNearEnd]);
  return (
    <div className="products-scroll" ref={scroller} data-testid="products-scroll" tabIndex={0} role="region" aria-label={t('options.products.list')}>
      <ul className="products" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const p = products[row.index]!;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              data-testid="product"
              data-product-id={p.id}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <ProductCard product={p} others={products} open={open === p.id} onToggle={() => setOpen(open === p.id ? undefined : p.id)} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The rest of a closed product's one line: its cover, then each physical stock (pool) by name
 * with its units on hand, each counted once (the rest is in its details).
 * @example // Days of cover: 12 d · Amazon FBA · North America: 412 | Own warehouse · main warehouse: 120
 */
function ProductMeta({ product }: { product: ProductSummary }) {
  const { t, language } = useI18n();
  const none = t('common.none');
  return (
    <div className="meta" data-testid="product-meta">
      <span>{t('options.products.coverLine', { days: coverText(language, none, product.daysOfCover, t) })}</span>
      <ul className="pool-stocks" aria-label={t('options.products.stocks')}>
        {product.pools.map((pool) => (
          <li key={pool.poolId} data-testid="product-pool" data-pool-id={pool.poolId}>
            {t('options.products.poolStock', {
              pool: poolLabel(pool.poolId, language),
              stock: pool.stock === null ? t('options.stock.unknown') : formatNumber(language, pool.stock),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A product: one line (urgency word, name, cover and stocks, the details toggle) until opened. */
function ProductCard({ product, others, open, onToggle }: { product: ProductSummary; others: ProductSummary[]; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const name = productNameOf(product);
  const headingId = `product-${product.id.replace(/[^\w-]/g, '_')}`;
  const action = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  return (
    <article aria-labelledby={headingId}>
      <div className="product-line">
        <h3 id={headingId} title={name}>
          <span className={`urgency urgency-${product.urgency}`} data-testid="product-urgency">
            {t(`urgency.${product.urgency}`)}
          </span>{' '}
          {name}
        </h3>
        <ProductMeta product={product} />
        {/* The visible word is short; the name (starting with that word, WCAG 2.5.3) says whose details. */}
        <button type="button" aria-expanded={open} aria-label={open ? undefined : t('options.products.open', { name })} onClick={onToggle}>
          {open ? t('options.products.close') : t('options.products.details')}
        </button>
      </div>
      {open && (
        <>
          <ProductListings product={product} others={others} onRun={(run) => action.mutate(run)} busy={action.isPending} />
          {action.isError && <p role="alert">{errorText(t, action.error)}</p>}
          <ProductDetail product={product} />
        </>
      )}
    </article>
  );
}

/** The product's listings, each with how it was linked and the controls to link or unlink it. */
function ProductListings({
  product,
  others,
  onRun,
  busy,
}: {
  product: ProductSummary;
  others: ProductSummary[];
  onRun: (run: () => Promise<unknown>) => void;
  busy: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('options.products.listing')}</th>
          <th scope="col">{t('options.products.rule')}</th>
          <th scope="col" className="num">
            {t('options.products.available')}
          </th>
          <th scope="col">{t('options.products.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {product.listings.map((l) => (
          <tr key={l.key} data-testid="product-listing" data-key={l.key}>
            <td>
              {l.marketplace} · {l.sku}
              {l.title ? <span className="title"> — {l.title}</span> : null}
            </td>
            <td data-testid="link-rule">{t(`options.rule.${l.linkRule}`)}</td>
            <td className="num">{num(language, t('common.none'), l.available)}</td>
            <td>
              <LinkControls
                listingKey={l.key}
                sku={l.sku}
                productId={product.id}
                canUnlink={product.listings.length > 1}
                others={others}
                onRun={onRun}
                busy={busy}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LinkControls({
  listingKey,
  sku,
  productId,
  canUnlink,
  others,
  onRun,
  busy,
}: {
  listingKey: string;
  sku: string;
  productId: string;
  canUnlink: boolean;
  others: ProductSummary[];
  onRun: (run: () => Promise<unknown>) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState('');
  const id = `link-${listingKey.replace(/[^\w-]/g, '_')}`;
  return (
    <div className="inline">
      {canUnlink && (
        <button type="button" disabled={busy} onClick={() => onRun(() => rpc('products/unlink', { listingKey }))}>
          {t('options.products.unlink', { sku })}
        </button>
      )}
      <label htmlFor={id} className="visually-hidden">
        {t('options.products.linkTarget', { sku })}
      </label>
      <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t('options.products.choose')}</option>
        {others
          .filter((o) => o.id !== productId)
          .map((o) => (
            <option key={o.id} value={o.id}>
              {productNameOf(o)} ({o.listings.map((l) => l.sku).join(', ')})
            </option>
          ))}
      </select>
      <button type="button" disabled={busy || !target} onClick={() => onRun(() => rpc('products/link', { listingKey, productId: target }))}>
        {t('options.products.link')}
      </button>
    </div>
  );
}

function ProductDetail({ product }: { product: ProductSummary }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['products/detail', product.id], queryFn: () => rpc('products/detail', { productId: product.id }) });
  const save = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: () => void queryClient.invalidateQueries() });
  const saver: Saver = { run: (change) => save.mutate(change), busy: save.isPending };
  return (
    <div className="detail" data-testid="product-detail">
      <h4>{t('options.products.position')}</h4>
      {detail.isPending && <p role="status">{t('options.loading')}</p>}
      {detail.isError && <p role="alert">{errorText(t, detail.error)}</p>}
      {detail.data && <ProductPosition position={detail.data.position} movable={movableListings(product)} />}

      <h4>{t('options.products.charts')}</h4>
      <ProductCharts productId={product.id} />

      <CalibrationSection product={product} calibrations={detail.data?.calibrations} saver={saver} />
      <ReturnsSection product={product} returns={detail.data?.returns} saver={saver} />
      {save.isSuccess && <p role="status">{t('options.products.saved')}</p>}
      {save.isError && <p role="alert">{errorText(t, save.error)}</p>}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// The product's whole position: each physical stock (pool) once, with its plan and channels
// ---------------------------------------------------------------------------------------------

/** Listings the seller can move between own warehouses: those whose stock is in the seller's hands (not FBA/WFS, channel known). */
function movableListings(product: ProductSummary): ReadonlySet<string> {
  return new Set(product.listings.filter((l) => l.poolId !== null && poolKindOf(l.poolId) === 'SELLER').map((l) => l.key));
}

function ProductPosition({ position, movable }: { position: MergedProduct; movable?: ReadonlySet<string> }) {
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

// ---------------------------------------------------------------------------------------------
// Stock counts and returns
// ---------------------------------------------------------------------------------------------

function ListingSelect({ id, listings, value, onChange }: { id: string; listings: ProductListing[]; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('options.products.calListing')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {listings.map((l) => (
          <option key={l.key} value={l.key}>
            {l.marketplace} · {l.sku}
          </option>
        ))}
      </select>
    </div>
  );
}

const idOf = (product: ProductSummary) => product.id.replace(/[^\w-]/g, '_');

function CalibrationSection({ product, calibrations, saver }: { product: ProductSummary; calibrations: Calibrations | undefined; saver: Saver }) {
  const { t } = useI18n();
  const [cal, setCal] = useState({ listingKey: product.listings[0]?.key ?? '', onHand: Number.NaN, reason: '', by: '' });
  const idp = idOf(product);
  const valid = Number.isInteger(cal.onHand) && cal.onHand >= 0 && cal.reason.trim() !== '' && cal.by.trim() !== '';
  return (
    <>
      <h4>{t('options.products.calibration')}</h4>
      <form
        className="row-editor"
        onSubmit={(e) => {
          e.preventDefault();
          saver.run(() => rpc('products/calibrate', cal));
        }}
      >
        <ListingSelect id={`cal-listing-${idp}`} listings={product.listings} value={cal.listingKey} onChange={(listingKey) => setCal({ ...cal, listingKey })} />
        <NumberField id={`cal-onhand-${idp}`} label={t('options.products.onHand')} value={cal.onHand} onChange={(onHand) => setCal({ ...cal, onHand })} />
        <TextField id={`cal-reason-${idp}`} label={t('options.products.reason')} value={cal.reason} onChange={(reason) => setCal({ ...cal, reason })} />
        <TextField id={`cal-by-${idp}`} label={t('options.products.by')} value={cal.by} onChange={(by) => setCal({ ...cal, by })} />
        <button type="submit" disabled={saver.busy || !valid}>
          {t('options.products.saveCount')}
        </button>
      </form>
      <h5>{t('options.products.calHistory')}</h5>
      {calibrations && calibrations.length === 0 && <p className="empty">{t('options.products.noCalibrations')}</p>}
      {calibrations && calibrations.length > 0 && <CalibrationHistory calibrations={calibrations} />}
    </>
  );
}

function CalibrationHistory({ calibrations }: { calibrations: Calibrations }) {
  const { t, language } = useI18n();
  return (
    <table data-testid="calibrations">
      <thead>
        <tr>
          <th scope="col">{t('options.products.when')}</th>
          <th scope="col">{t('options.products.calListing')}</th>
          <th scope="col">{t('options.products.by')}</th>
          <th scope="col">{t('options.products.reason')}</th>
          <th scope="col" className="num">
            {t('options.products.before')}
          </th>
          <th scope="col" className="num">
            {t('options.products.after')}
          </th>
        </tr>
      </thead>
      <tbody>
        {calibrations.map((c, i) => (
          <tr key={c.id ?? i}>
            <td>{formatDateTime(language, c.at)}</td>
            <td>{c.listingKey}</td>
            <td>{c.by}</td>
            <td>{c.reason}</td>
            <td className="num">{num(language, t('common.none'), c.previous)}</td>
            <td className="num">{formatNumber(language, c.onHand)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReturnsSection({ product, returns, saver }: { product: ProductSummary; returns: Returns | undefined; saver: Saver }) {
  const { t } = useI18n();
  const [ret, setRet] = useState({ listingKey: product.listings[0]?.key ?? '', units: 1, orderId: '', reason: '' });
  const idp = idOf(product);
  const record = () =>
    rpc('returns/record', {
      listingKey: ret.listingKey,
      units: ret.units,
      ...(ret.orderId.trim() ? { orderId: ret.orderId.trim() } : {}),
      ...(ret.reason.trim() ? { reason: ret.reason.trim() } : {}),
    });
  return (
    <>
      <h4>{t('options.products.returns')}</h4>
      <form
        className="row-editor"
        onSubmit={(e) => {
          e.preventDefault();
          saver.run(record);
        }}
      >
        <ListingSelect id={`ret-listing-${idp}`} listings={product.listings} value={ret.listingKey} onChange={(listingKey) => setRet({ ...ret, listingKey })} />
        <NumberField id={`ret-units-${idp}`} label={t('options.products.units')} value={ret.units} onChange={(units) => setRet({ ...ret, units })} />
        <TextField id={`ret-order-${idp}`} label={t('options.products.orderId')} value={ret.orderId} onChange={(orderId) => setRet({ ...ret, orderId })} />
        <TextField id={`ret-reason-${idp}`} label={t('options.products.reason')} value={ret.reason} onChange={(reason) => setRet({ ...ret, reason })} />
        <button type="submit" disabled={saver.busy || !Number.isInteger(ret.units) || ret.units < 1}>
          {t('options.products.recordReturn')}
        </button>
      </form>
      {returns && returns.length === 0 && <p className="empty">{t('options.products.noReturns')}</p>}
      {returns && returns.length > 0 && <ReturnsTable idp={idp} returns={returns} saver={saver} />}
    </>
  );
}

function ReturnsTable({ idp, returns, saver }: { idp: string; returns: Returns; saver: Saver }) {
  const { t, language } = useI18n();
  const [inspector, setInspector] = useState('');
  const resolve = (id: number, status: 'sellable' | 'disposed') => saver.run(() => rpc('returns/resolve', { id, status, by: inspector }));
  const blocked = saver.busy || !inspector.trim();
  return (
    <>
      <TextField id={`ret-inspector-${idp}`} label={t('options.products.inspector')} value={inspector} onChange={setInspector} />
      <table data-testid="returns">
        <thead>
          <tr>
            <th scope="col">{t('options.products.when')}</th>
            <th scope="col">{t('options.products.calListing')}</th>
            <th scope="col" className="num">
              {t('options.products.units')}
            </th>
            <th scope="col">{t('options.products.reason')}</th>
            <th scope="col">{t('options.products.status')}</th>
            <th scope="col">{t('options.products.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {returns.map((r) => (
            <tr key={r.id} data-status={r.status}>
              <td>{formatDateTime(language, r.receivedAt)}</td>
              <td>{r.listingKey}</td>
              <td className="num">{formatNumber(language, r.units)}</td>
              <td>{[r.orderId, r.reason].filter(Boolean).join(' · ')}</td>
              <td>
                {t(`options.return.${r.status}`)}
                {r.resolvedBy ? ` (${r.resolvedBy}, ${formatDateTime(language, r.resolvedAt ?? r.receivedAt)})` : ''}
              </td>
              <td>
                {r.status === 'held' && (
                  <span className="inline">
                    <button type="button" disabled={blocked} onClick={() => resolve(r.id, 'sellable')}>
                      {t('options.products.sellable')}
                    </button>
                    <button type="button" disabled={blocked} onClick={() => resolve(r.id, 'disposed')}>
                      {t('options.products.unsellable')}
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
