/** One supplier's orders due in one week: its lines, totals, and its purchase order as CSV or XLSX. */
import { useState } from 'react';
import { UTF8_BOM, toCsv, toXlsx } from '@/lib/export';
import { poolLabel } from '@/lib/export/pool-label';
import { purchaseOrderName, purchaseOrderSheet, purchaseOrderTable } from '@/lib/export/purchase-order';
import { formatDate, formatNumber } from '@/lib/i18n';
import type { PurchasePlanView } from '@/lib/messaging/protocol-purchasing';
import { useI18n } from '../language';
import { saveFile } from './format';
import { LaunchSplitText, MarkOrderedForm } from './PurchaseLineForms';
import { DateText, moneyText } from './PurchaseParts';

type Group = PurchasePlanView['groups'][number];
type Line = Group['lines'][number];

const COLUMNS = ['sku', 'abc', 'quantity', 'unitCost', 'orderBy', 'arrival', 'freight', 'actions'] as const;

/**
 * Lines a group lists until the seller asks for all (they come by order day, so these are the
 * first due; totals and the purchase order count every line). With 10,000 SKUs one group held
 * ~10,000 lines, 150,000 elements on the options page, whose restyles held the popup, which
 * shares its renderer, for about a second each time it opened (trace, 2026-12-04).
 */
export const GROUP_LINES_LISTED = 50;

export function PurchaseGroup({ group, titles, today }: { group: Group; titles: Record<string, string>; today: string }) {
  const { t, language } = useI18n();
  const supplier = group.supplierId ?? t('purchase.noSupplier');
  const [listAll, setListAll] = useState(false);
  const listed = listAll ? group.lines : group.lines.slice(0, GROUP_LINES_LISTED);
  return (
    <div data-testid="purchase-group" data-supplier={group.supplierId ?? ''} data-week={group.weekStart}>
      <h3>{t('purchase.group', { supplier, week: formatDate(language, group.weekStart) })}</h3>
      <p className="meta">
        {t('purchase.total', { totals: group.totals.map((m) => moneyText(language, m)).join(' + ') || t('purchase.unknown') })}
        {group.unknownCostLines > 0 ? ` ${t('purchase.unknownCost', { count: formatNumber(language, group.unknownCostLines) })}` : ''}
      </p>
      <PurchaseOrderButtons group={group} titles={titles} supplier={supplier} />
      <table>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`purchase.column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {listed.map((line) => (
            <PurchaseLineRow key={line.stockKey} line={line} title={titles[line.sku]} today={today} />
          ))}
        </tbody>
      </table>
      {listed.length < group.lines.length && (
        <p className="meta">
          {t('purchase.listedOf', { listed: formatNumber(language, listed.length), count: formatNumber(language, group.lines.length) })}{' '}
          <button type="button" data-testid="purchase-list-all" onClick={() => setListAll(true)}>
            {t('purchase.listAll', { count: formatNumber(language, group.lines.length) })}
          </button>
        </p>
      )}
    </div>
  );
}

/** The supplier's purchase order as CSV or XLSX, in the UI language. */
function PurchaseOrderButtons({ group, titles, supplier }: { group: Group; titles: Record<string, string>; supplier: string }) {
  const { t, language } = useI18n();
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
    <div className="actions">
      <button type="button" onClick={() => save('csv')}>
        {t('purchase.export.csv', { supplier })}
      </button>
      <button type="button" onClick={() => save('xlsx')}>
        {t('purchase.export.xlsx', { supplier })}
      </button>
    </div>
  );
}

/** One line: its cells, and below it the mark-ordered form while open. */
function PurchaseLineRow({ line, title, today }: { line: Line; title: string | undefined; today: string }) {
  const { t, language } = useI18n();
  const [marking, setMarking] = useState(false);
  return (
    <>
      <tr data-testid="purchase-line" data-sku={line.sku}>
        <th scope="row">
          {line.sku}
          {title ? <div className="meta">{title}</div> : null}
          {/* A product kept in two stocks has a line for each: which one this replenishes. */}
          <div className="meta" data-testid="purchase-stock">
            {poolLabel(line.poolId, language)}
          </div>
        </th>
        <td>{t(line.abcClass ? `purchase.abc.${line.abcClass}` : 'purchase.abc.none')}</td>
        <QuantityCell line={line} />
        <CostCell line={line} />
        <DatesCell line={line} />
        <FreightCell line={line} />
        <td>
          <button type="button" onClick={() => setMarking(true)} disabled={marking}>
            {t('purchase.markOrdered', { sku: line.sku })}
          </button>
        </td>
      </tr>
      {marking && (
        <tr>
          <td colSpan={COLUMNS.length}>
            <MarkOrderedForm line={line} today={today} onClose={() => setMarking(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Units now, cases and MOQ, what the ABC policy changed, units already on order, and the launch split. */
function QuantityCell({ line }: { line: Line }) {
  const { t, language } = useI18n();
  const num = (n: number) => formatNumber(language, n);
  return (
    <td className="num">
      <span data-testid="purchase-quantity">{num(line.quantity)}</span>
      <div className="meta">{t('purchase.cases', { cases: num(line.cases), casePack: num(line.casePack), moq: num(line.moq) })}</div>
      {line.policyRule !== 'none' && (
        <div className="meta" data-testid="purchase-policy">
          {t(`purchase.policy.${line.policyRule}`, { suggested: num(line.suggestedQuantity) })}
        </div>
      )}
      {line.onOrderUnits > 0 && <div className="meta">{t('purchase.onOrder', { units: num(line.onOrderUnits) })}</div>}
      {line.transferUnits > 0 && <div className="meta">{t('purchase.transferIn', { units: num(line.transferUnits) })}</div>}
      {line.launch && <LaunchSplitText line={line} launch={line.launch} />}
    </td>
  );
}

/** Unit cost and line value, or "unknown" (never 0). */
function CostCell({ line }: { line: Line }) {
  const { t, language } = useI18n();
  const money = (amountMinor: number | null) => (amountMinor === null ? t('purchase.unknown') : moneyText(language, { amountMinor, currency: line.currency }));
  return (
    <td className="num">
      {money(line.unitCostMinor)}
      <div className="meta">{money(line.lineValueMinor)}</div>
    </td>
  );
}

/** The order day (and how late), both arrivals and the stockout. */
function DatesCell({ line }: { line: Line }) {
  const { t, language } = useI18n();
  return (
    <>
      <td>
        <DateText date={line.orderBy} />
        {line.daysLate > 0 && <div className="meta">{t('purchase.daysLate', { days: formatNumber(language, line.daysLate) })}</div>}
      </td>
      <td>
        {t('purchase.arrivalSea', { date: formatDate(language, line.arrivalBySea) })}
        <div>{t('purchase.arrivalAir', { date: formatDate(language, line.arrivalByAir) })}</div>
        <div className="meta">{line.stockoutDate ? t('purchase.runsOut', { date: formatDate(language, line.stockoutDate) }) : null}</div>
      </td>
    </>
  );
}

/** Sea, air or the split, its extra freight, and whether even air is too late. */
function FreightCell({ line }: { line: Line }) {
  const { t, language } = useI18n();
  const num = (n: number) => formatNumber(language, n);
  return (
    <td data-testid="purchase-freight">
      {t(`purchase.split.${line.freight.mode}`, { air: num(line.freight.airUnits), sea: num(line.freight.seaUnits) })}
      {line.freight.extraFreight && line.freight.airUnits > 0 && (
        <div className="meta">{t('purchase.split.extra', { amount: moneyText(language, line.freight.extraFreight) })}</div>
      )}
      {!line.freight.closesGap && <div className="meta">{t('purchase.split.notClosed')}</div>}
    </td>
  );
}
