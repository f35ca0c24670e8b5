/**
 * A minimal adapter over `<div class="row" data-sku data-available>` rows, for testing the
 * content-script machinery without depending on any real page's structure.
 */
import { isoDateInZone } from '../locale/dates';
import type { Observation } from '../records';
import type { PageAdapter } from '../platforms/types';

export const testAdapter: PageAdapter = {
  id: 'test/rows',
  platform: 'amazon',
  title: 'Test rows',
  matches: (url) => url.pathname === '/test',
  parse(root, ctx) {
    const rows: Observation[] = [];
    const anchors = [];
    for (const element of root.querySelectorAll('div.row[data-sku]')) {
      const sku = element.getAttribute('data-sku')!;
      rows.push({
        kind: 'listing',
        platform: 'amazon',
        marketplace: ctx.market.id,
        source: 'test/rows',
        observedAt: ctx.now.toISOString(),
        observedDate: isoDateInZone(ctx.now, ctx.market.timeZone),
        sku,
        available: Number(element.getAttribute('data-available') ?? 0),
      });
      anchors.push({ sku, element });
    }
    return { rows, diagnostics: [], anchors };
  },
};
