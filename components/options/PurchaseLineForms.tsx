/**
 * What a purchase line lets the seller do: mark it ordered (date, PO reference, mode), and
 * change the launch split of a launch product's first order (share now, check-in date).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDate, formatNumber } from '@/lib/i18n';
import type { PurchasePlanView } from '@/lib/messaging/protocol-purchasing';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';
import { TextField } from './fields';
import { PurchaseOrderForm, type OrderFormValues } from './PurchaseParts';

type Line = PurchasePlanView['groups'][number]['lines'][number];
type Launch = NonNullable<Line['launch']>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Marks a line ordered: the units (the line's by default), today, the arrival of the mode the
 * plan proposes, the PO reference, and the line's unit cost for the cash view.
 */
export function MarkOrderedForm({ line, today, onClose }: { line: Line; today: string; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: (v: OrderFormValues) =>
      rpc('purchasing/order-placed', {
        productId: line.productId,
        poolId: line.poolId,
        sku: line.sku,
        supplierId: line.supplierId,
        quantity: v.quantity,
        placedOn: v.placedOn,
        expectedArrival: v.expectedArrival,
        shipMode: v.shipMode,
        ...(v.poRef ? { poRef: v.poRef } : {}),
        ...(line.unitCostMinor !== null ? { unitCost: { amountMinor: line.unitCostMinor, currency: line.currency } } : {}),
      }),
    onSuccess: () => {
      onClose();
      void queryClient.invalidateQueries();
    },
  });
  const air = line.freight.mode === 'air';
  return (
    <PurchaseOrderForm
      id={`mark-${line.stockKey.replace(/[^\w-]/g, '_')}`}
      initial={{
        quantity: line.quantity,
        placedOn: today,
        expectedArrival: air ? line.arrivalByAir : line.arrivalBySea,
        poRef: '',
        shipMode: air ? 'air' : 'sea',
      }}
      busy={mark.isPending}
      error={mark.error ? errorText(t, mark.error) : undefined}
      onSubmit={(v) => mark.mutate(v)}
      onClose={onClose}
    />
  );
}

/** The launch split of a line ("70% now; 300 more on …"), with its editor behind a button. */
export function LaunchSplitText({ line, launch }: { line: Line; launch: Launch }) {
  const { t, language } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <div className="meta" data-testid="purchase-launch">
      {t('purchase.launch', {
        share: formatNumber(language, launch.sharePct),
        later: formatNumber(language, launch.laterUnits),
        date: formatDate(language, launch.checkInDate),
      })}
      <button type="button" onClick={() => setEditing(true)} disabled={editing}>
        {t('purchase.launch.edit', { sku: line.sku })}
      </button>
      {editing && <LaunchSplitForm line={line} launch={launch} onClose={() => setEditing(false)} />}
    </div>
  );
}

/** The seller's share now and check-in date for this stock's first order, or back to the defaults. */
function LaunchSplitForm({ line, launch, onClose }: { line: Line; launch: Launch; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [share, setShare] = useState(String(launch.sharePct));
  const [checkIn, setCheckIn] = useState(launch.checkInDate);
  const save = useMutation({
    mutationFn: (value: { sharePct: number; checkInDate: string } | null) => rpc('purchasing/launch-save', { stockKey: line.stockKey, launch: value }),
    onSuccess: () => {
      onClose();
      void queryClient.invalidateQueries();
    },
  });
  const sharePct = Number(share);
  const shareProblem = Number.isInteger(sharePct) && sharePct >= 1 && sharePct <= 100 ? undefined : t('purchase.launch.badShare');
  const dateProblem = ISO_DATE.test(checkIn) && !Number.isNaN(Date.parse(checkIn)) ? undefined : t('purchase.badDate');
  const id = `launch-${line.stockKey.replace(/[^\w-]/g, '_')}`;
  return (
    <form
      className="row-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (!shareProblem && !dateProblem) save.mutate({ sharePct, checkInDate: checkIn });
      }}
    >
      <TextField id={`${id}-share`} label={t('purchase.launch.share')} value={share} error={shareProblem} onChange={setShare} />
      <TextField id={`${id}-checkin`} label={t('purchase.launch.checkIn')} value={checkIn} error={dateProblem} onChange={setCheckIn} />
      <button type="submit" disabled={save.isPending}>
        {t('purchase.save')}
      </button>
      <button type="button" disabled={save.isPending} onClick={() => save.mutate(null)}>
        {t('purchase.launch.reset')}
      </button>
      <button type="button" onClick={onClose}>
        {t('purchase.close')}
      </button>
      {save.isError && <span role="alert">{errorText(t, save.error)}</span>}
    </form>
  );
}
