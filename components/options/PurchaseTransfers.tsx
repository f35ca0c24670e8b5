/**
 * The purchase plan's transfers: stocks that run out before a reorder could arrive, filled from
 * another stock of the same product that holds more than it needs (lib/purchasing/transfers.ts).
 * The reorders listed below them already count these units.
 */
import { formatDate, formatNumber } from '@/lib/i18n';
import type { PurchasePlanView } from '@/lib/messaging/protocol-purchasing';
import { useI18n } from '../language';
import { poolLabel } from '@/lib/export/pool-label';

type Transfer = PurchasePlanView['transfers'][number];

const COLUMNS = ['sku', 'from', 'to', 'units', 'arrival', 'stockout'] as const;

export function PurchaseTransfers({ transfers, titles }: { transfers: readonly Transfer[]; titles: Record<string, string> }) {
  const { t } = useI18n();
  if (transfers.length === 0) return null;
  return (
    <div data-testid="purchase-transfers">
      <h3>{t('purchase.transfers.heading')}</h3>
      <p className="meta">{t('purchase.transfers.intro')}</p>
      <table>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`purchase.transfers.column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {transfers.map((transfer) => (
            <TransferRow key={`${transfer.productId}|${transfer.fromPool}|${transfer.toPool}`} transfer={transfer} title={titles[transfer.sku]} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One move: the product, both pools by name, the units, when they are sellable and when the pool runs out without them. */
function TransferRow({ transfer, title }: { transfer: Transfer; title: string | undefined }) {
  const { t, language } = useI18n();
  const pool = (poolId: string) => poolLabel(poolId, language);
  return (
    <tr data-testid="purchase-transfer" data-sku={transfer.sku} data-from={transfer.fromPool} data-to={transfer.toPool}>
      <th scope="row">
        {transfer.sku}
        {title ? <div className="meta">{title}</div> : null}
      </th>
      <td>{pool(transfer.fromPool)}</td>
      <td>{pool(transfer.toPool)}</td>
      <td className="num" data-testid="transfer-units">
        {formatNumber(language, transfer.units)}
      </td>
      <td>
        {formatDate(language, transfer.arrivalDate)}
        <div className="meta">{t('purchase.transfers.transit', { days: formatNumber(language, transfer.transitDays) })}</div>
      </td>
      <td>
        {formatDate(language, transfer.stockoutDate)}
        <div className="meta">
          {transfer.daysOut === 0 ? t('purchase.transfers.inTime') : t('purchase.transfers.late', { days: formatNumber(language, transfer.daysOut) })}
        </div>
      </td>
    </tr>
  );
}
