// @vitest-environment happy-dom
/**
 * The demo's pages (scripts/demo/pages.ts) as the extension reads them: every registered page
 * type has one (the demo's screenshot gallery is derived from that), and each reads without an
 * error, with the numbers of the catalogue it was built from.
 */
import { describe, expect, it } from 'vitest';
import { marketplaceForUrl } from '../../lib/locale/markets';
import { ADAPTERS, adapterForUrl, type PageRead } from '../../lib/platforms';
import { detectAccount } from '../../lib/platforms/shared/account';
import type { ListingObservation } from '../../lib/records';
import { buildDemoCatalog, demoToday } from '../../scripts/demo/catalog';
import { demoPages } from '../../scripts/demo/pages';

const TODAY = '2026-12-03';
const catalog = buildDemoCatalog(TODAY);
const pages = demoPages(catalog, TODAY);

function read(url: string, html: string, now = new Date(`${TODAY}T18:00:00Z`)): PageRead {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  const at = new URL(url);
  return adapterForUrl(at)!.parse(document, { url: at, market: marketplaceForUrl(at)!, now });
}

const adapterOf = (url: string) => adapterForUrl(new URL(url))?.id;

describe('the demo pages', () => {
  it('include one page of every registered page type', () => {
    const served = new Set(pages.map((p) => adapterOf(p.url)));
    expect(ADAPTERS.map((a) => a.id).filter((id) => !served.has(id))).toEqual([]);
  });

  // The pages built for the gallery (the others are read on every demo run; their 90 days of
  // orders take a minute to read in happy-dom).
  const galleryOnly = pages.filter(
    (p) => p.gallery || ['amazon/inventory-age', 'amazon/business-reports', 'amazon/shipments', 'amazon/shipment-contents'].includes(adapterOf(p.url) ?? ''),
  );
  it.each(galleryOnly.map((p) => [p.label, p] as const))('%s reads without an error or warning, rows or shipments found', (_label, page) => {
    const result = read(page.url, page.html);
    // Nothing a real page would not give either: a demo page that warns trains the seller to ignore warnings.
    expect(result.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    if (page.rowPanels === false) expect(result.shipments?.length).toBeGreaterThan(0);
    else expect(result.anchors.length).toBeGreaterThan(0);
  });

  it("date the demo seller's day in Pacific time: run after UTC midnight, the Business Report's range still ends today, not tomorrow", () => {
    const now = new Date('2026-12-04T01:30:00Z');
    const today = demoToday(now);
    expect(today).toBe('2026-12-03');
    const page = demoPages(buildDemoCatalog(today), today).find((p) => adapterOf(p.url) === 'amazon/business-reports')!;
    expect(read(page.url, page.html, now).diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('give the Business Report the units the order page shows over its 30 days', () => {
    const page = pages.find((p) => adapterOf(p.url) === 'amazon/business-reports')!;
    const listings = read(page.url, page.html).rows.filter((r): r is ListingObservation => r.kind === 'listing');
    const knife = catalog.find((p) => p.sku === 'KIT-KNIFE-SET3')!.listings.find((l) => l.marketplace === 'amazon.com')!;
    const sold = knife.dailySales.slice(-30).reduce((a, b) => a + b, 0);
    expect(listings.find((l) => l.sku === 'KIT-KNIFE-SET3')?.unitsSold).toEqual([{ windowDays: 30, units: sold }]);
  });

  it('list each Amazon US FBA stock on its way as a shipment of its inbound units', () => {
    const page = pages.find((p) => adapterOf(p.url) === 'amazon/shipments')!;
    const shipments = read(page.url, page.html).shipments ?? [];
    const inbound = catalog.flatMap((p) => p.listings.filter((l) => l.marketplace === 'amazon.com' && l.fulfillment === 'FBA' && l.inbound > 0));
    expect(shipments.map((s) => s.unitsExpected).sort()).toEqual(inbound.map((l) => l.inbound).sort());
    expect(shipments.every((s) => s.arrivalFrom !== undefined)).toBe(true);
  });

  it('show the first shipment with its contents: its SKU and the units still to arrive', () => {
    const list = pages.find((p) => adapterOf(p.url) === 'amazon/shipments')!;
    const contents = pages.find((p) => adapterOf(p.url) === 'amazon/shipment-contents')!;
    const first = read(list.url, list.html).shipments![0]!;
    const [shipment] = read(contents.url, contents.html).shipments ?? [];
    expect(shipment?.shipmentId).toBe(first.shipmentId);
    expect(shipment?.items).toEqual([expect.objectContaining({ sku: 'PC-IP15-CLR', unitsExpected: first.unitsExpected })]);
  });

  it("show the demo seller's account in the site header, by its id, as a real page does (no 'account not shown' reading problem)", () => {
    for (const page of pages) {
      document.documentElement.innerHTML = new DOMParser().parseFromString(page.html, 'text/html').documentElement.innerHTML;
      const platform = marketplaceForUrl(page.url)!.platform;
      expect(detectAccount(document, platform), page.label).toMatchObject({ name: 'Demo Home & Kitchen' });
      expect(detectAccount(document, platform)!.signal, page.label).not.toBe('name-only');
    }
  });
});
