/** Test helper: a complete PanelData with the fields a test cares about. */
import { unplannedPanel, type PanelData } from './protocol';

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
