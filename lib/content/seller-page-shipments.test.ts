// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { marketplaceById } from '../locale/markets';
import type { RequestOf, ResponseOf } from '../messaging/protocol';
import { panelData } from '../messaging/test-panel';
import { adapter as shipmentContents } from '../platforms/amazon/shipment-contents';
import { adapter as shipmentsList } from '../platforms/amazon/shipments';
import { fixtureHtml } from '../platforms/testing/load';
import type { PageAdapter } from '../platforms/types';
import { PANEL_TAG } from './row-panels';
import { startSellerPage, type SellerPage } from './seller-page';
import { SUMMARY_TAG } from './summary-bar';

const market = marketplaceById('amazon.com')!;
const CONTENTS_URL = 'https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA17XYZ12AB/contents';
const LIST_URL = 'https://sellercentral.amazon.com/gp/ssof/shipping-queue.html';

const barText = (id: string) => document.querySelector(SUMMARY_TAG)?.shadowRoot?.querySelector(`[data-testid="${id}"]`)?.textContent;
const panelSkus = () => [...document.querySelectorAll<HTMLElement>(PANEL_TAG)].map((p) => p.dataset.sku);
const panelText = (sku: string, testId: string) =>
  document.querySelector(`${PANEL_TAG}[data-sku="${sku}"]`)?.shadowRoot?.querySelector(`[data-testid="${testId}"]`)?.textContent;

let page: SellerPage | undefined;
afterEach(() => {
  page?.stop();
  page = undefined;
  document.body.replaceChildren();
});

/** Starts the content script on a fixture, with a background that answers a contents page's SKUs with their listings' panels. */
async function open(adapter: PageAdapter, fixture: string, url: string, language: 'en' | 'zh-CN' = 'en') {
  document.body.innerHTML = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html').body.innerHTML;
  const ingested: RequestOf<'page/ingest'>[] = [];
  const shipmentsSent: RequestOf<'inbound/shipments-read'>[] = [];
  page = await startSellerPage({
    root: document,
    adapter,
    market,
    url: () => new URL(url),
    ingest: async (request) => {
      ingested.push(request);
      return { panels: [] };
    },
    sendShipments: async (request): Promise<ResponseOf<'inbound/shipments-read'>> => {
      shipmentsSent.push(request);
      const skus = request.shipments.flatMap((s) => s.items ?? []).map((i) => i.sku);
      // KTCH-MEAL-PRP runs short (urgent); the others are fine.
      const panels = skus.map((sku) => panelData({ sku, available: sku === 'KTCH-MEAL-PRP' ? 4 : 300, urgency: sku === 'KTCH-MEAL-PRP' ? 'critical' : 'ok' }));
      return { stored: request.shipments.length, replanned: 0, panels };
    },
    getSettings: async () => ({ language, hiddenPanels: [] }),
    setHidden: async () => [],
    debounceMs: 0,
  });
  await page.reader.readNow();
  return { ingested, shipmentsSent };
}

describe('the content script on Amazon shipment pages', () => {
  it('gives each SKU row of a shipment’s contents its listing’s panel, counted by the summary bar, and never sends the rows as stock readings', async () => {
    const { ingested, shipmentsSent } = await open(shipmentContents, 'amazon/shipment-contents.en.html', CONTENTS_URL);
    expect(shipmentsSent).toHaveLength(1);
    expect(shipmentsSent[0]!.shipments[0]!.items!.map((i) => i.sku)).toEqual(['KTCH-MEAL-PRP', 'KTCH-COFF-GRD', 'KTCH-SILI-SPT']);
    await expect.poll(() => barText('summary-at-risk')).toBe('1 need attention');
    expect(panelSkus()).toEqual(['KTCH-MEAL-PRP', 'KTCH-COFF-GRD', 'KTCH-SILI-SPT']);
    expect(panelText('KTCH-SILI-SPT', 'days-of-cover')).toBeTruthy();
    expect(panelText('KTCH-SILI-SPT', 'pending')).toBeUndefined();
    expect(barText('summary-rows')).toBe('3 SKUs on this page');
    // The shipment's units are inbound: no listing reading (no stock on hand) ever leaves the page.
    expect(ingested.flatMap((r) => r.rows)).toEqual([]);
    // A re-read of the same page keeps the panels and sends the shipment no second time.
    await page!.reader.readNow();
    expect(shipmentsSent).toHaveLength(1);
    expect(panelSkus()).toEqual(['KTCH-MEAL-PRP', 'KTCH-COFF-GRD', 'KTCH-SILI-SPT']);
  });

  it('says on the Shipments list the shipments read and the units inbound instead of "0 SKUs", in English and Chinese', async () => {
    await open(shipmentsList, 'amazon/shipments.en.html', LIST_URL);
    // Five shipments, one closed; inbound: 442 + 300 + (1,200 − 860) + 96 of the open ones.
    await expect.poll(() => barText('summary-shipments')).toBe('5 shipments read, 4 open');
    expect(barText('summary-inbound')).toBe('1,178 units inbound');
    expect(barText('summary-rows')).toBeUndefined();
    expect(panelSkus()).toEqual([]);
    page!.stop();
    await open(shipmentsList, 'amazon/shipments.en.html', LIST_URL, 'zh-CN');
    await expect.poll(() => barText('summary-shipments')).toBe('已读取 5 个货件，4 个未关闭');
    expect(barText('summary-inbound')).toBe('待入库 1,178 件');
  });
});
