/** Test helper: a complete PanelData with the fields a test cares about. */
import { unplannedPanel, type AtRiskItem, type PanelData } from './protocol';

/**
 * A planned-looking panel (10 available, read from the page, urgency ok) with `fields` on top.
 * @example panelData({ sku: 'A', daysOfCover: 3 }).urgency // 'ok' unless set
 */
export function panelData(fields: Partial<PanelData> & { sku: string }): PanelData {
  return {
    ...unplannedPanel({ key: `amazon|amazon.com|${fields.sku}`, sku: fields.sku }),
    urgency: 'ok',
    available: 10,
    stockSource: 'reading',
    inbound: 0,
    ...fields,
  };
}

/**
 * A popup list row of an amazon.com listing with a warning, a stockout and a reorder, `fields` on top.
 * @example atRiskItem('MUG-1', { urgency: 'critical' }).key // 'amazon|amazon.com|MUG-1'
 */
export function atRiskItem(sku: string, fields: Partial<AtRiskItem> = {}): AtRiskItem {
  return {
    ...panelData({ sku }),
    key: `amazon|amazon.com|${sku}`,
    platform: 'amazon',
    marketplace: 'amazon.com',
    url: `https://sellercentral.amazon.com/myinventory/inventory?searchTerm=${sku}`,
    urgency: 'warning',
    available: 40,
    daysOfCover: 12.6,
    stockoutDate: '2026-12-20',
    stockoutDateWithInbound: '2027-01-20',
    reorderQuantity: 120,
    reorderDate: '2026-12-10',
    healthScore: 60,
    ...fields,
  };
}
