/**
 * The ids of every page type, as a leaf module with no imports: settings (which must not pull
 * the adapters into the options page and popup bundles) validate `hiddenPanels` against it.
 * Each id is declared by its page (`definePage` in lib/platforms/<platform>/<page>.ts);
 * tests/conformance/page-types.test.ts holds this list equal to the registered declarations, as
 * REPORT_IDS is for the reports.
 */
export const PAGE_TYPE_IDS = [
  'amazon/manage-inventory',
  'amazon/fba-inventory',
  'amazon/restock',
  'amazon/inventory-age',
  'amazon/business-reports',
  'amazon/orders',
  'amazon/shipments',
  'amazon/shipment-contents',
  'walmart/manage-items',
  'walmart/wfs-inventory',
  'walmart/orders',
  'ebay/active-listings',
  'ebay/orders',
] as const;
type PageTypeId = (typeof PAGE_TYPE_IDS)[number];

const KNOWN: ReadonlySet<string> = new Set(PAGE_TYPE_IDS);

/**
 * True for the id of a page type this build reads.
 * @example isPageTypeId('walmart/manage-items') // true
 * @example isPageTypeId('walmart/items') // false
 */
export function isPageTypeId(id: string): id is PageTypeId {
  return KNOWN.has(id);
}
