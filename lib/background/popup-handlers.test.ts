import { describe, expect, it } from 'vitest';
import { TODAY, useTestBackground } from './test-background';
import type { Observation } from '../records';
import { facetsOfKeys, withHidden } from './popup-handlers';

const background = useTestBackground('popup');
const setup = () => background.setup();

function listing(platform: 'amazon' | 'walmart', marketplace: string, sku: string, available: number): Observation {
  return {
    kind: 'listing',
    platform,
    marketplace,
    source: `${platform}/x`,
    observedAt: `${TODAY}T17:00:00.000Z`,
    observedDate: TODAY,
    sku,
    title: `Title ${sku}`,
    available,
    fulfillment: 'FBA',
  };
}

describe('popup handlers', () => {
  it('hides and shows panels per page type without touching the other settings', async () => {
    const handlers = await setup();
    const before = (await handlers['settings/get']({}, {})).settings;
    expect((await handlers['panels/set-hidden']({ pageType: 'amazon/orders', hidden: true }, {})).hiddenPanels).toEqual(['amazon/orders']);
    expect((await handlers['panels/set-hidden']({ pageType: 'amazon/manage-inventory', hidden: true }, {})).hiddenPanels).toEqual([
      'amazon/manage-inventory',
      'amazon/orders',
    ]);
    expect((await handlers['panels/set-hidden']({ pageType: 'amazon/orders', hidden: false }, {})).hiddenPanels).toEqual(['amazon/manage-inventory']);
    const after = (await handlers['settings/get']({}, {})).settings;
    expect(after).toEqual({ ...before, hiddenPanels: ['amazon/manage-inventory'] });
  });

  it('two pages hidden at once are both hidden: neither change reads the settings before the other is stored', async () => {
    const handlers = await setup();
    await Promise.all([
      handlers['panels/set-hidden']({ pageType: 'amazon/orders', hidden: true }, {}),
      handlers['panels/set-hidden']({ pageType: 'ebay/orders', hidden: true }, {}),
      handlers['panels/set-hidden']({ pageType: 'walmart/orders', hidden: true }, {}),
    ]);
    expect((await handlers['settings/get']({}, {})).settings.hiddenPanels).toEqual(['amazon/orders', 'ebay/orders', 'walmart/orders']);
  });

  it('lists the stored marketplaces with counts for the filters', async () => {
    const handlers = await setup();
    expect(await handlers['popup/facets']({}, {})).toEqual({ total: 0, marketplaces: [] });
    await handlers['page/ingest'](
      {
        url: 'https://sellercentral.amazon.com/myinventory/inventory',
        adapterId: 'amazon/manage-inventory',
        rows: [listing('amazon', 'amazon.com', 'A', 3), listing('amazon', 'amazon.com', 'B', 30)],
        diagnostics: [],
      },
      { url: 'https://sellercentral.amazon.com/myinventory/inventory' },
    );
    await handlers['page/ingest'](
      {
        url: 'https://sellercentral.amazon.de/myinventory/inventory',
        adapterId: 'amazon/manage-inventory',
        rows: [listing('amazon', 'amazon.de', 'A', 3)],
        diagnostics: [],
      },
      { url: 'https://sellercentral.amazon.de/myinventory/inventory' },
    );
    expect(await handlers['popup/facets']({}, {})).toEqual({
      total: 3,
      marketplaces: [
        { platform: 'amazon', marketplace: 'amazon.com', count: 2 },
        { platform: 'amazon', marketplace: 'amazon.de', count: 1 },
      ],
    });
    // The at-risk list the popup shows, filtered by marketplace and searched.
    const de = await handlers['skus/at-risk']({ platform: 'amazon', marketplace: 'amazon.de', risk: 'all', limit: 50 }, {});
    expect(de.items.map((i) => i.key)).toEqual(['amazon|amazon.de|A']);
    const search = await handlers['skus/at-risk']({ risk: 'all', search: 'title b', limit: 50 }, {});
    expect(search.items.map((i) => i.sku)).toEqual(['B']);
  });

  it('pure helpers: hidden list stays sorted and unique; facets group keys in platform order', () => {
    expect(withHidden(['b', 'a'], 'a', true)).toEqual(['a', 'b']);
    expect(withHidden(['a'], 'z', false)).toEqual(['a']);
    expect(facetsOfKeys(['walmart|walmart.com|X', 'amazon|amazon.de|Y|with|bars', 'amazon|amazon.de|Z', 'bogus', 'other|m|s'])).toEqual([
      { platform: 'amazon', marketplace: 'amazon.de', count: 2 },
      { platform: 'walmart', marketplace: 'walmart.com', count: 1 },
    ]);
  });
});
