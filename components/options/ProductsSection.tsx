import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber } from '@/lib/i18n';
import { productNameOf } from '@/lib/background/product-order';
import { PRODUCT_SORTS, type ProductSummary } from '@/lib/messaging/protocol-options';
import { poolLabel } from '@/lib/export/pool-label';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { TextField } from './fields';
import { coverText, errorText, num } from './format';
import { ProductCharts } from './ProductCharts';
import { CalibrationSection, ReturnsSection, type Saver } from './ProductCorrections';
import { movableListings, ProductPosition } from './ProductPosition';

/** Products asked for at a time (the message's most); more are asked for as the list scrolls near its end. */
const PAGE = 200;
/**
 * A closed product's height in px before it is measured: one line (the details button's 26 px)
 * inside the card's padding, border and margins (pages.css `.options .products article`).
 */
const CLOSED_HEIGHT = 44;
/** Products before the end of the loaded ones at which the next page is asked for. */
const NEAR_END = 30;

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
