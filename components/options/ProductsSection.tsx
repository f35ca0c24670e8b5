import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNumber } from '@/lib/i18n';
import type { ProductSummary } from '@/lib/messaging/protocol-options';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { NumberField, TextField } from './fields';
import { formatDateTime } from './format';
import { ProductCharts } from './ProductCharts';

const PAGE = 50;

function productName(p: ProductSummary): string {
  return p.name ?? p.listings.find((l) => l.title)?.title ?? p.listings[0]?.sku ?? p.id;
}

export function ProductsSection() {
  const { t, language } = useI18n();
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<string | undefined>();
  const list = useQuery({ queryKey: ['products', search, limit], queryFn: () => rpc('products/list', { search: search || undefined, offset: 0, limit }) });

  return (
    <div>
      <TextField id="products-search" label={t('options.products.search')} value={search} onChange={(v) => { setSearch(v); setLimit(PAGE); }} />
      {list.isPending && <p role="status">{t('options.loading')}</p>}
      {list.isError && <p role="alert">{t('options.error', { message: list.error.message })}</p>}
      {list.data && list.data.total === 0 && <p className="empty">{t('options.products.none')}</p>}
      {list.data && list.data.total > 0 && (
        <>
          <p>{t('options.products.count', { shown: formatNumber(language, list.data.products.length), total: formatNumber(language, list.data.total) })}</p>
          <ul className="products">
            {list.data.products.map((p) => (
              <li key={p.id} data-testid="product" data-product-id={p.id}>
                <ProductCard product={p} others={list.data.products} open={open === p.id} onToggle={() => setOpen(open === p.id ? undefined : p.id)} />
              </li>
            ))}
          </ul>
          {list.data.products.length < list.data.total && <button type="button" onClick={() => setLimit(limit + PAGE)}>{t('options.products.more')}</button>}
        </>
      )}
    </div>
  );
}

function ProductCard({ product, others, open, onToggle }: { product: ProductSummary; others: ProductSummary[]; open: boolean; onToggle: () => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const name = productName(product);
  const headingId = `product-${product.id.replace(/[^\w-]/g, '_')}`;
  const action = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className="meta">
        {t('options.products.health')}: {product.healthScore === null ? t('common.none') : formatNumber(language, product.healthScore)} · {t('options.products.cover')}:{' '}
        {product.daysOfCover === null ? t('common.none') : formatNumber(language, product.daysOfCover, 1)}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('options.products.listing')}</th>
            <th scope="col">{t('options.products.rule')}</th>
            <th scope="col" className="num">{t('options.products.available')}</th>
            <th scope="col">{t('options.products.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {product.listings.map((l) => (
            <tr key={l.key} data-testid="product-listing" data-key={l.key}>
              <td>{l.marketplace} · {l.sku}{l.title ? <span className="title"> — {l.title}</span> : null}</td>
              <td data-testid="link-rule">{t(`options.rule.${l.linkRule}`)}</td>
              <td className="num">{l.available === null ? t('common.none') : formatNumber(language, l.available)}</td>
              <td>
                <LinkControls listingKey={l.key} sku={l.sku} productId={product.id} canUnlink={product.listings.length > 1} others={others}
                  onRun={(run) => action.mutate(run)} busy={action.isPending} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {action.isError && <p role="alert">{t('options.error', { message: action.error.message })}</p>}
      <button type="button" aria-expanded={open} onClick={onToggle}>{open ? t('options.products.close') : t('options.products.open', { name })}</button>
      {open && <ProductDetail product={product} />}
    </article>
  );
}

function LinkControls({ listingKey, sku, productId, canUnlink, others, onRun, busy }: {
  listingKey: string; sku: string; productId: string; canUnlink: boolean; others: ProductSummary[]; onRun: (run: () => Promise<unknown>) => void; busy: boolean;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState('');
  const id = `link-${listingKey.replace(/[^\w-]/g, '_')}`;
  return (
    <div className="inline">
      {canUnlink && (
        <button type="button" disabled={busy} onClick={() => onRun(() => rpc('products/unlink', { listingKey }))}>{t('options.products.unlink', { sku })}</button>
      )}
      <label htmlFor={id} className="visually-hidden">{t('options.products.linkTarget', { sku })}</label>
      <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t('options.products.choose')}</option>
        {others.filter((o) => o.id !== productId).map((o) => <option key={o.id} value={o.id}>{productName(o)} ({o.listings.map((l) => l.sku).join(', ')})</option>)}
      </select>
      <button type="button" disabled={busy || !target} onClick={() => onRun(() => rpc('products/link', { listingKey, productId: target }))}>{t('options.products.link')}</button>
    </div>
  );
}

function ProductDetail({ product }: { product: ProductSummary }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['products/detail', product.id], queryFn: () => rpc('products/detail', { productId: product.id }) });
  const first = product.listings[0]?.key ?? '';
  const [cal, setCal] = useState({ listingKey: first, onHand: Number.NaN, reason: '', by: '' });
  const [ret, setRet] = useState({ listingKey: first, units: 1, orderId: '', reason: '' });
  const [inspector, setInspector] = useState('');
  const save = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: () => void queryClient.invalidateQueries() });
  const idp = product.id.replace(/[^\w-]/g, '_');
  const listingSelect = (id: string, value: string, onChange: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{t('options.products.calListing')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {product.listings.map((l) => <option key={l.key} value={l.key}>{l.marketplace} · {l.sku}</option>)}
      </select>
    </div>
  );
  return (
    <div className="detail" data-testid="product-detail">
      <h4>{t('options.products.charts')}</h4>
      <ProductCharts productId={product.id} />

      <h4>{t('options.products.calibration')}</h4>
      <form className="row-editor" onSubmit={(e) => { e.preventDefault(); save.mutate(() => rpc('products/calibrate', cal)); }}>
        {listingSelect(`cal-listing-${idp}`, cal.listingKey, (listingKey) => setCal({ ...cal, listingKey }))}
        <NumberField id={`cal-onhand-${idp}`} label={t('options.products.onHand')} value={cal.onHand} onChange={(onHand) => setCal({ ...cal, onHand })} />
        <TextField id={`cal-reason-${idp}`} label={t('options.products.reason')} value={cal.reason} onChange={(reason) => setCal({ ...cal, reason })} />
        <TextField id={`cal-by-${idp}`} label={t('options.products.by')} value={cal.by} onChange={(by) => setCal({ ...cal, by })} />
        <button type="submit" disabled={save.isPending || !Number.isInteger(cal.onHand) || cal.onHand < 0 || !cal.reason.trim() || !cal.by.trim()}>{t('options.products.saveCount')}</button>
      </form>
      <h5>{t('options.products.calHistory')}</h5>
      {detail.data && detail.data.calibrations.length === 0 && <p className="empty">{t('options.products.noCalibrations')}</p>}
      {detail.data && detail.data.calibrations.length > 0 && (
        <table data-testid="calibrations">
          <thead>
            <tr>
              <th scope="col">{t('options.products.when')}</th><th scope="col">{t('options.products.calListing')}</th><th scope="col">{t('options.products.by')}</th>
              <th scope="col">{t('options.products.reason')}</th><th scope="col" className="num">{t('options.products.before')}</th><th scope="col" className="num">{t('options.products.after')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.data.calibrations.map((c, i) => (
              <tr key={c.id ?? i}>
                <td>{formatDateTime(language, c.at)}</td><td>{c.listingKey}</td><td>{c.by}</td><td>{c.reason}</td>
                <td className="num">{c.previous === null ? t('common.none') : formatNumber(language, c.previous)}</td><td className="num">{formatNumber(language, c.onHand)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4>{t('options.products.returns')}</h4>
      <form className="row-editor" onSubmit={(e) => { e.preventDefault(); save.mutate(() => rpc('returns/record', { listingKey: ret.listingKey, units: ret.units, ...(ret.orderId.trim() ? { orderId: ret.orderId.trim() } : {}), ...(ret.reason.trim() ? { reason: ret.reason.trim() } : {}) })); }}>
        {listingSelect(`ret-listing-${idp}`, ret.listingKey, (listingKey) => setRet({ ...ret, listingKey }))}
        <NumberField id={`ret-units-${idp}`} label={t('options.products.units')} value={ret.units} onChange={(units) => setRet({ ...ret, units })} />
        <TextField id={`ret-order-${idp}`} label={t('options.products.orderId')} value={ret.orderId} onChange={(orderId) => setRet({ ...ret, orderId })} />
        <TextField id={`ret-reason-${idp}`} label={t('options.products.reason')} value={ret.reason} onChange={(reason) => setRet({ ...ret, reason })} />
        <button type="submit" disabled={save.isPending || !Number.isInteger(ret.units) || ret.units < 1}>{t('options.products.recordReturn')}</button>
      </form>
      {detail.data && detail.data.returns.length === 0 && <p className="empty">{t('options.products.noReturns')}</p>}
      {detail.data && detail.data.returns.length > 0 && (
        <>
          <TextField id={`ret-inspector-${idp}`} label={t('options.products.inspector')} value={inspector} onChange={setInspector} />
          <table data-testid="returns">
            <thead>
              <tr>
                <th scope="col">{t('options.products.when')}</th><th scope="col">{t('options.products.calListing')}</th><th scope="col" className="num">{t('options.products.units')}</th>
                <th scope="col">{t('options.products.reason')}</th><th scope="col">{t('options.products.status')}</th><th scope="col">{t('options.products.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.data.returns.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td>{formatDateTime(language, r.receivedAt)}</td><td>{r.listingKey}</td><td className="num">{formatNumber(language, r.units)}</td>
                  <td>{[r.orderId, r.reason].filter(Boolean).join(' · ')}</td>
                  <td>{t(`options.return.${r.status}`)}{r.resolvedBy ? ` (${r.resolvedBy}, ${formatDateTime(language, r.resolvedAt ?? r.receivedAt)})` : ''}</td>
                  <td>
                    {r.status === 'held' && (
                      <span className="inline">
                        <button type="button" disabled={save.isPending || !inspector.trim()} onClick={() => save.mutate(() => rpc('returns/resolve', { id: r.id, status: 'sellable', by: inspector }))}>{t('options.products.sellable')}</button>
                        <button type="button" disabled={save.isPending || !inspector.trim()} onClick={() => save.mutate(() => rpc('returns/resolve', { id: r.id, status: 'disposed', by: inspector }))}>{t('options.products.unsellable')}</button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {save.isSuccess && <p role="status">{t('options.products.saved')}</p>}
      {save.isError && <p role="alert">{t('options.error', { message: save.error.message })}</p>}
    </div>
  );
}
