/** The orders marked as placed: their state (on order, late, inbound, received), with edit, mark received and cancel. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNumber } from '@/lib/i18n';
import type { PlacedOrderView } from '@/lib/messaging/protocol-purchasing';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { errorText } from './format';
import { DateText, PurchaseOrderForm, type OrderFormValues } from './PurchaseParts';

export function PurchasePlacedOrders({ placed, titles }: { placed: readonly PlacedOrderView[]; titles: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <div>
      <h3>{t('purchase.placed.heading')}</h3>
      {placed.length === 0 ? (
        <p className="meta">{t('purchase.placed.empty')}</p>
      ) : (
        <table data-testid="placed-orders">
          <thead>
            <tr>
              <th scope="col">{t('purchase.column.sku')}</th>
              <th scope="col">{t('purchase.units')}</th>
              <th scope="col">{t('purchase.placedOn')}</th>
              <th scope="col">{t('purchase.expectedArrival')}</th>
              <th scope="col">{t('purchase.poRef')}</th>
              <th scope="col">{t('purchase.column.shipMode')}</th>
              <th scope="col">{t('purchase.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {placed.map((p) => (
              <PlacedOrderRow key={p.order.id} placed={p} title={titles[p.order.sku]} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One placed order: its units, dates, state and reference, and its edit form while open. */
function PlacedOrderRow({ placed, title }: { placed: PlacedOrderView; title: string | undefined }) {
  const { t, language } = useI18n();
  const { order } = placed;
  const [editing, setEditing] = useState(false);
  return (
    <>
      <tr data-testid="placed-order" data-sku={order.sku} data-state={placed.state}>
        <th scope="row">
          {order.sku}
          {title ? <div className="meta">{title}</div> : null}
        </th>
        <td className="num">
          {formatNumber(language, order.quantity)}
          {placed.openUnits > 0 && placed.openUnits < order.quantity && (
            <div className="meta">{t('purchase.placed.open', { units: formatNumber(language, placed.openUnits) })}</div>
          )}
        </td>
        <td>
          <DateText date={order.placedOn} />
        </td>
        <td>
          <DateText date={order.receivedOn ?? order.expectedArrival} />
          <div className={placed.state === 'late' ? 'field-error' : 'meta'} data-testid="placed-state">
            {t(`purchase.state.${placed.state}`)}
          </div>
        </td>
        <td>{order.poRef || t('common.none')}</td>
        <td>{t(order.shipMode === 'air' ? 'purchase.mode.air' : 'purchase.mode.sea')}</td>
        <td>
          <PlacedOrderActions placed={placed} editing={editing} onEdit={() => setEditing(true)} />
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={7}>
            <EditOrderForm order={order} onClose={() => setEditing(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Edit, mark received (today; not once received) and cancel. */
function PlacedOrderActions({ placed, editing, onEdit }: { placed: PlacedOrderView; editing: boolean; onEdit: () => void }) {
  const { t } = useI18n();
  const { order } = placed;
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries();
  const received = useMutation({
    mutationFn: () => rpc('purchasing/order-edit', { id: order.id, changes: { receivedOn: new Date().toISOString().slice(0, 10) } }),
    onSuccess: refresh,
  });
  const cancel = useMutation({ mutationFn: () => rpc('purchasing/order-cancel', { id: order.id }), onSuccess: refresh });
  const error = received.error ?? cancel.error;
  return (
    <>
      <span className="inline">
        <button type="button" onClick={onEdit} disabled={editing}>
          {t('purchase.edit', { sku: order.sku })}
        </button>
        {placed.state !== 'received' && (
          <button type="button" onClick={() => received.mutate()} disabled={received.isPending}>
            {t('purchase.markReceived', { sku: order.sku })}
          </button>
        )}
        <button type="button" className="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {t('purchase.cancelOrder', { sku: order.sku })}
        </button>
      </span>
      {error && <span role="alert">{errorText(t, error)}</span>}
    </>
  );
}

/** The order's units, dates, reference and mode, changed in place. */
function EditOrderForm({ order, onClose }: { order: PlacedOrderView['order']; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const edit = useMutation({
    mutationFn: (v: OrderFormValues) =>
      rpc('purchasing/order-edit', {
        id: order.id,
        changes: { quantity: v.quantity, placedOn: v.placedOn, expectedArrival: v.expectedArrival, shipMode: v.shipMode, poRef: v.poRef },
      }),
    onSuccess: () => {
      onClose();
      void queryClient.invalidateQueries();
    },
  });
  return (
    <PurchaseOrderForm
      id={`edit-${order.id}`}
      initial={{
        quantity: order.quantity,
        placedOn: order.placedOn,
        expectedArrival: order.expectedArrival,
        poRef: order.poRef ?? '',
        shipMode: order.shipMode,
      }}
      busy={edit.isPending}
      error={edit.error ? errorText(t, edit.error) : undefined}
      onSubmit={(v) => edit.mutate(v)}
      onClose={onClose}
    />
  );
}
