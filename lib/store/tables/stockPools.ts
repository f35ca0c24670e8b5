/**
 * Table `stockPools`: the places units sit in. A listing draws from exactly one pool; several
 * listings can draw from the same pool (an FBA EU pool serves amazon.de and amazon.fr, the
 * seller's own warehouse serves FBM, Walmart seller-fulfilled and eBay alike), which is why
 * stock must be counted per (product, pool) and never summed over listings.
 */
import { z } from 'zod';
import { DEFAULT_ACCOUNT, type FulfillmentChannel, type Platform } from '../../records';

const POOL_CHANNELS = ['FBA', 'WFS', 'SELLER'] as const;

export const stockPoolRowSchema = z.object({
  /**
   * `fba:NA|EU|FE`, `wfs:<marketplace>`, `own:main` (or a seller-made `own:<name>`); a
   * non-default account's FBA and WFS pools end in `/<account>` (see poolIdFor).
   */
  id: z.string().min(1),
  channel: z.enum(POOL_CHANNELS),
  /** Amazon region for FBA pools. */
  region: z.enum(['NA', 'EU', 'FE']).optional(),
  /** Marketplace for WFS pools. */
  marketplace: z.string().optional(),
  name: z.string().max(200),
});
export type StockPoolRow = z.infer<typeof stockPoolRowSchema>;
type AmazonRegion = 'NA' | 'EU' | 'FE';

/** The seller's own warehouse, shared by every seller-fulfilled listing until the seller says otherwise. */
export const OWN_WAREHOUSE_POOL = 'own:main';

const NA = new Set(['amazon.com', 'amazon.ca', 'amazon.com.mx', 'amazon.com.br']);
const FE = new Set(['amazon.co.jp', 'amazon.com.au', 'amazon.sg']);

/**
 * Amazon's Seller Central region of a marketplace (the unified-account groupings of
 * shared/reference/seller-pages.md).
 * @example amazonRegion('amazon.fr') // 'EU'
 */
function amazonRegion(marketplace: string): AmazonRegion {
  if (NA.has(marketplace)) return 'NA';
  if (FE.has(marketplace)) return 'FE';
  return 'EU';
}

/**
 * The pool a listing draws from, by how it is fulfilled; undefined while the channel is unknown
 * (eBay has no fulfilment service, so its listings are always the seller's own stock).
 * @example poolIdFor('amazon', 'amazon.de', 'FBA') // 'fba:EU'
 * @example poolIdFor('walmart', 'walmart.com', 'SELLER') // 'own:main'
 * @example poolIdFor('amazon', 'amazon.com', 'FBA', 'amazon-b') // 'fba:NA/amazon-b'
 *
 * Another seller account's FBA or WFS stock sits in that account's own inventory at the
 * platform, so its pools are its own (`/<account>`). The seller's own warehouse is one
 * physical place whichever account sells from it; stock is still counted per product and
 * pool, and products never join across accounts automatically, so accounts do not mix there.
 */
export function poolIdFor(platform: Platform, marketplace: string, fulfillment: FulfillmentChannel | undefined, account?: string): string | undefined {
  const channel = fulfillment ?? (platform === 'ebay' ? 'SELLER' : undefined);
  const suffix = account === undefined || account === DEFAULT_ACCOUNT ? '' : `/${account}`;
  if (channel === 'FBA') return `fba:${amazonRegion(marketplace)}${suffix}`;
  if (channel === 'WFS') return `wfs:${marketplace}${suffix}`;
  if (channel === 'SELLER') return OWN_WAREHOUSE_POOL;
  return undefined;
}

/**
 * The row describing a pool id made by poolIdFor (or a seller-made own warehouse).
 * @example poolRowFor('fba:NA') // { id: 'fba:NA', channel: 'FBA', region: 'NA', name: 'FBA North America' }
 */
export function poolRowFor(id: string): StockPoolRow {
  const [kind, tail = ''] = id.split(':', 2) as [string, string | undefined];
  const [rest = '', account] = kind === 'own' ? [tail] : tail.split('/', 2);
  const of = account === undefined ? '' : ` (${account})`;
  if (kind === 'fba') {
    const region = (['NA', 'EU', 'FE'] as const).find((r) => r === rest) ?? 'NA';
    const names = { NA: 'North America', EU: 'Europe', FE: 'Far East' } as const;
    return { id, channel: 'FBA', region, name: `FBA ${names[region]}${of}` };
  }
  if (kind === 'wfs') return { id, channel: 'WFS', marketplace: rest, name: `WFS ${rest}${of}` };
  return { id, channel: 'SELLER', name: id === OWN_WAREHOUSE_POOL ? 'Own warehouse' : `Warehouse ${rest}` };
}
