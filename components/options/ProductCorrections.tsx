/**
 * What the seller corrects by hand on an open product (ProductsSection): stock counts (a new
 * baseline for the stock it counts) and customer returns, held until inspected.
 */
import { useState } from 'react';
import { formatNumber } from '@/lib/i18n';
import type { CalibrationEntry, ProductListing, ProductSummary, ReturnEntry } from '@/lib/messaging/protocol-options';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { NumberField, TextField } from './fields';
import { formatDateTime, num } from './format';

type Calibrations = CalibrationEntry[];
type Returns = ReturnEntry[];
/** Runs a change and refreshes every query; `busy` while one runs. */
export interface Saver {
  run: (change: () => Promise<unknown>) => void;
  busy: boolean;
}

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

export function CalibrationSection({ product, calibrations, saver }: { product: ProductSummary; calibrations: Calibrations | undefined; saver: Saver }) {
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

export function ReturnsSection({ product, returns, saver }: { product: ProductSummary; returns: Returns | undefined; saver: Saver }) {
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
