import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../records';
import { orderStatusOf } from './order-status';

/** Status wordings seen (or expected) on the seller pages and in the reports, by the state they mean. */
const WORDINGS: Record<OrderStatus, readonly string[]> = {
  pending: [
    'Pending',
    'Created', // Walmart
    'Creado', // Walmart México
    'Créée', // Walmart Canada, French
    'Awaiting payment', // eBay
    'Zahlung ausstehend',
    'Ausstehend',
    'En attente de paiement',
    'En attente',
    'Pendiente',
    'In attesa di pagamento',
    '待处理',
    '保留中',
  ],
  unshipped: [
    'Unshipped',
    'Acknowledged', // Walmart
    'Confirmado', // Walmart México
    'Confirmée', // Walmart Canada, French
    'Awaiting shipment', // eBay US
    'Awaiting dispatch', // eBay UK
    'Paid, awaiting dispatch',
    'Versand ausstehend', // eBay.de: awaiting dispatch, not pending
    'Noch nicht versandt',
    'Nicht versandt',
    "En attente d'expédition", // eBay.fr: awaiting dispatch, not pending
    'En attente d’expédition',
    'Non expédié',
    'No enviado',
    'Pendiente de envío',
    'In attesa di spedizione',
    'Non spedito',
    '未发货',
    '等待发货',
    '未出荷',
    'Shipping', // Amazon All Orders: partly shipped
    'Partially shipped',
  ],
  shipped: [
    'Shipped',
    'Dispatched', // eBay UK
    'Shipped - Delivered to Buyer',
    'Delivered',
    'Versandt',
    'Expédié',
    'Expédiée',
    'Enviado',
    'Spedito',
    '已发货',
    '出荷済み',
    '発送済み',
  ],
  cancelled: ['Cancelled', 'Canceled', 'Storniert', 'Annulé', 'Cancelado', 'Annullato', '已取消', 'キャンセル'],
};

describe('orderStatusOf (one vocabulary for page readers and reports)', () => {
  for (const [status, words] of Object.entries(WORDINGS) as [OrderStatus, readonly string[]][]) {
    it.each(words)(`%s -> ${status}`, (word) => {
      expect(orderStatusOf(word)).toBe(status);
      expect(orderStatusOf(`  ${word.toUpperCase()}  `)).toBe(status);
    });
  }

  it('decomposed accents read like composed ones (NFKC)', () => {
    expect(orderStatusOf('Cre\u0301e\u0301e')).toBe('pending');
    expect(orderStatusOf('Confirme\u0301e')).toBe('unshipped');
  });

  it('names no state for blanks and other words', () => {
    for (const text of [undefined, '', '   ', 'Details', '—']) expect(orderStatusOf(text)).toBeUndefined();
  });
});
