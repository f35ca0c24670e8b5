/** Small pieces the purchase plan section shares: money in the UI language and the placed-order form. */
import { useState } from 'react';
import { formatDate, formatMoney, type Language } from '@/lib/i18n';
import type { Money } from '@/lib/records';
import { useI18n } from '../language';
import { TextField } from './fields';

/**
 * An amount in minor units as the UI language writes money.
 * @example moneyText('en', { amountMinor: 1250, currency: 'USD' }) // '$12.50'
 */
export function moneyText(language: Language, money: Money): string {
  return formatMoney(language, money);
}

/** A date as the UI language writes it, or "unknown". */
export function DateText({ date }: { date: string | null }) {
  const { t, language } = useI18n();
  return <>{date ? formatDate(language, date) : t('purchase.unknown')}</>;
}

export interface OrderFormValues {
  quantity: number;
  placedOn: string;
  expectedArrival: string;
  poRef: string;
  shipMode: 'sea' | 'air';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The form of a placed order (mark a line ordered, or edit an order): units, the day it was
 * placed, the expected arrival, the PO reference and the mode. Checks what it can before sending.
 */
export function PurchaseOrderForm({
  id,
  initial,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  id: string;
  initial: OrderFormValues;
  busy: boolean;
  error?: string;
  onSubmit: (values: OrderFormValues) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({ ...initial, quantity: String(initial.quantity) });
  const quantity = Number(values.quantity);
  const unitsProblem = Number.isInteger(quantity) && quantity > 0 ? undefined : t('purchase.badUnits');
  const dateProblem = (d: string) => (ISO_DATE.test(d) && !Number.isNaN(Date.parse(d)) ? undefined : t('purchase.badDate'));
  const problems = [unitsProblem, dateProblem(values.placedOn), dateProblem(values.expectedArrival)];
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  return (
    <form
      className="row-editor"
      data-testid="purchase-order-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.every((p) => p === undefined)) onSubmit({ ...values, quantity, poRef: values.poRef.trim() });
      }}
    >
      <TextField id={`${id}-units`} label={t('purchase.units')} value={values.quantity} error={unitsProblem} onChange={(v) => set({ quantity: v })} />
      <TextField id={`${id}-placed`} label={t('purchase.placedOn')} value={values.placedOn} error={problems[1]} onChange={(v) => set({ placedOn: v })} />
      <TextField
        id={`${id}-arrival`}
        label={t('purchase.expectedArrival')}
        value={values.expectedArrival}
        error={problems[2]}
        onChange={(v) => set({ expectedArrival: v })}
      />
      <TextField id={`${id}-po`} label={t('purchase.poRef')} value={values.poRef} onChange={(v) => set({ poRef: v })} />
      <div className="field">
        <label htmlFor={`${id}-mode`}>{t('purchase.column.shipMode')}</label>
        <select id={`${id}-mode`} value={values.shipMode} onChange={(e) => set({ shipMode: e.target.value === 'air' ? 'air' : 'sea' })}>
          <option value="sea">{t('purchase.mode.sea')}</option>
          <option value="air">{t('purchase.mode.air')}</option>
        </select>
      </div>
      <button type="submit" disabled={busy}>
        {t('purchase.save')}
      </button>
      <button type="button" onClick={onClose}>
        {t('purchase.close')}
      </button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}
