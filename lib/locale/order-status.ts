/**
 * Order status words: what Amazon, Walmart and eBay call an order's state on their pages and in
 * their downloaded reports, in every language the readers support. Page adapters and report
 * parsers both read statuses here, so a word learned once is known to both.
 *
 * The states: `pending` (created, not yet payable or confirmed: nothing to ship yet),
 * `unshipped` (confirmed and waiting to be shipped: Walmart's "Acknowledged", eBay's "Awaiting
 * shipment" / "Awaiting dispatch"), `shipped`, `cancelled`.
 */
import type { OrderStatus } from '../records';

/**
 * Each state's words, tried in this order; the first that matches wins. The order carries
 * meaning: "Versand ausstehend" and "En attente d'expédition" wait to ship although
 * "ausstehend" and "en attente" alone mean pending ("Zahlung ausstehend", "En attente de
 * paiement"), and "Not shipped" / "Nicht versandt" / "Non expédié" contain the shipped words;
 * so cancellation comes first, then the waiting-to-ship phrases, then pending, then shipped.
 */
const ORDER_STATUS_WORDS: readonly (readonly [OrderStatus, RegExp])[] = [
  ['cancelled', /cancel|storn|已取消|取消|キャンセル|annul|refunded/],
  [
    'unshipped',
    new RegExp(
      [
        // English (Amazon, Walmart, eBay US and UK)
        // ("Awaiting payment" is pending; any other "awaiting" waits to ship, as eBay's tabs use it)
        'unshipped|not shipped|not yet shipped|not dispatched|awaiting(?! payment)|ready to ship|acknowledged|partially|^shipping$',
        // Walmart's "Acknowledged" in Spanish (Mexico) and French (Canada): confirmed, not yet shipped
        '^confirmad|^confirmé',
        // German
        'nicht versandt|versand ausstehend|versandbereit|teilweise',
        // Chinese, Japanese
        '未发货|待发货|未出荷|未発送|発送待ち|出荷待ち|部分',
        // French, Italian, Spanish
        'non expédié|pas expédié|en attente d.expédition|à expédier|non spedit|da spedire|in attesa di spedizione|no enviad|pendiente de envío|por enviar',
      ].join('|'),
    ),
  ],
  ['pending', /pending|created|cread[oa]|créé|ausstehend|待处理|等待|待付款|保留中|未確定|未処理|awaiting payment|en attente|in sospeso|in attesa|pendiente/],
  ['shipped', /shipped|dispatched|delivered|complete|versandt|zugestellt|已发货|已配送|已送达|出荷済|発送済|expédié|livré|spedit|consegnat|enviad|entregad/],
];

/**
 * The order status a page label or report cell means; undefined when it names none.
 * @example orderStatusOf('Unshipped') // 'unshipped'
 * @example orderStatusOf('Awaiting dispatch') // 'unshipped'
 * @example orderStatusOf('Dispatched') // 'shipped'
 * @example orderStatusOf('Versand ausstehend') // 'unshipped'
 * @example orderStatusOf('Zahlung ausstehend') // 'pending'
 * @example orderStatusOf('Creado') // 'pending'
 * @example orderStatusOf('Confirmée') // 'unshipped'
 * @example orderStatusOf('Shipped - Delivered to Buyer') // 'shipped'
 */
export function orderStatusOf(text: string | undefined): OrderStatus | undefined {
  if (text === undefined) return undefined;
  // An order report repeats a handful of status words on every line (500,000 lines in two years).
  if (statusByText.has(text)) return statusByText.get(text);
  const s = text.slice(0, 200).normalize('NFKC').trim().toLowerCase();
  let found: OrderStatus | undefined;
  for (const [status, words] of s ? ORDER_STATUS_WORDS : []) {
    if (words.test(s)) {
      found = status;
      break;
    }
  }
  if (statusByText.size >= STATUS_MEMO_SIZE) statusByText.clear();
  statusByText.set(text, found);
  return found;
}

/** Status words seen, by their raw text; bounded, since a page may show free text in a status cell. */
const statusByText = new Map<string, OrderStatus | undefined>();
const STATUS_MEMO_SIZE = 512;
