/** One supplier's orders due in one week: its lines, totals, and its purchase order as CSV or XLSX. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { UTF8_BOM, toCsv, toXlsx } from '@/lib/export';
import { purchaseOrderName, purchaseOrderSheet, purchaseOrderTable } from '@/lib/export/purchase-order';
import { formatDate, formatNumber } from '@/lib/i18n';
import type { PurchasePlanView } from '@/lib/messaging/protocol-purchasing';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { saveFile } from './format';
import { DateText, moneyText, PurchaseOrderForm } from './PurchaseParts';

type Group = PurchasePlanView['groups'][number];
type Line = Group['lines'][number];

export function PurchaseGroup({ group, titles, today }: { group: Group; titles: Record<string, string>; today: string }) {
  const { t, language } = useI18n();
  const supplier = group.supplierId ?? t('purchase.noSupplier');
  const save = (format: 'csv' | 'xlsx') => {
    const name = `${purchaseOrderName(group)}.${format}`;
    if (format === 'csv') {
      const table = purchaseOrderTable(group, titles, language);
      saveFile(name, UTF8_BOM + toCsv(table.header, table.rows), 'text/csv;charset=utf-8');
    } else {
      const bytes = toXlsx([purchaseOrderSheet(group, titles, language)]);
      saveFile(name, bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
  };
  return (
    <div data-testid="purchase-group" data-supplier={group.supplierId ?? ''} data-week={group.weekStart}>
      <h3>{t('purchase.group', { supplier, week: formatDate(language, group.weekStart) })}</h3>
      <p className="meta">
        {t('purchase.total', { totals: group.totals.map((m) => moneyText(language, m)).join(' + ') || t('purchase.unknown') })}
        {group.unknownCostLines > 0 ? ` ${t('purchase.unknownCost', { count: formatNumber(language, group.unknownCostLines) })}` : ''}
      </p>
      <div className="actions">
        <button type="button" onClick={() => save('csv')}>
          {t('purchase.export.csv', { supplier })}
        </button>
        <button type="button" onClick={() => save('xlsx')}>
          {t('purchase.export.xlsx', { supplier })}
        </button>
      </div>
      <table>
        <thead>
          <tr>
            {(['sku', 'abc', 'quantity', 'unitCost', 'orderBy', 'arrival', 'freight', 'actions'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`purchase.column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.lines.map((line) => (
            <PurchaseLineRow key={line.stockKey} line={line} title={titles[line.sku]} today={today} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PurchaseLineRow({ line, title, today }: { line: Line; title: string | undefined; today: string }) {
  const { t, language } = useI18n();
  const [marking, setMarking] = useState(false);
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: (v: { quantity: number; placedOn: string; expectedArrival: string; poRef: string; shipMode: 'sea' | 'air' }) =>
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
      setMarking(false);
      void queryClient.invalidateQueries();
    },
  });
  const num = (n: number) => formatNumber(language, n);
  const air = line.freight.mode === 'air';
  return (
    <>
      <tr data-testid="purchase-line" data-sku={line.sku}>
        <th scope="row">
          {line.sku}
          {title ? <div className="meta">{title}</div> : null}
        </th>
        <td>{t(line.abcClass ? `purchase.abc.${line.abcClass}` : 'purchase.abc.none')}</td>
        <td className="num">
          <span data-testid="purchase-quantity">{num(line.quantity)}</span>
          <div className="meta">{t('purchase.cases', { cases: num(line.cases), casePack: num(line.casePack), moq: num(line.moq) })}</div>
          {line.onOrderUnits > 0 && <div className="meta">{t('purchase.onOrder', { units: num(line.onOrderUnits) })}</div>}
        </td>
        <td className="num">
          {line.unitCostMinor === null ? t('purchase.unknown') : moneyText(language, { amountMinor: line.unitCostMinor, currency: line.currency })}
          <div className="meta">
            {line.lineValueMinor === null ? t('purchase.unknown') : moneyText(language, { amountMinor: line.lineValueMinor, currency: line.currency })}
          </div>
        </td>
        <td>
          <DateText date={line.orderBy} />
          {line.daysLate > 0 && <div className="meta">{t('purchase.daysLate', { days: num(line.daysLate) })}</div>}
        </td>
        <td>
          {t('purchase.arrivalSea', { date: formatDate(language, line.arrivalBySea) })}
          <div>{t('purchase.arrivalAir', { date: formatDate(language, line.arrivalByAir) })}</div>
          <div className="meta">{line.stockoutDate ? t('purchase.runsOut', { date: formatDate(language, line.stockoutDate) }) : null}</div>
        </td>
        <td data-testid="purchase-freight">
          {t(`purchase.split.${line.freight.mode}`, { air: num(line.freight.airUnits), sea: num(line.freight.seaUnits) })}
          {line.freight.extraFreight && line.freight.airUnits > 0 && (
            <div className="meta">{t('purchase.split.extra', { amount: moneyText(language, line.freight.extraFreight) })}</div>
          )}
          {!line.freight.closesGap && <div className="meta">{t('purchase.split.notClosed')}</div>}
        </td>
        <td>
          <button type="button" onClick={() => setMarking(true)} disabled={marking}>
            {t('purchase.markOrdered', { sku: line.sku })}
          </button>
        </td>
      </tr>
      {marking && (
        <tr>
          <td colSpan={8}>
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
              error={mark.error ? t('options.error', { message: mark.error.message }) : undefined}
              onSubmit={(v) => mark.mutate(v)}
              onClose={() => setMarking(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
