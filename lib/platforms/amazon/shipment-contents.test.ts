// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '../index';
import { fixtureHtml, readHtml } from '../testing/load';
import { adapter } from './shipment-contents';

const URL_OF_PAGE = 'https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA17XYZ12AB/contents';

describe('amazon/shipment-contents', () => {
  it('reads the shipment with each SKU it holds: MSKU, FNSKU, title, units shipped and received (never a listing row), each SKU row a panel anchor', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/shipment-contents.en.html'), URL_OF_PAGE, 'amazon.com');
    expect(read.diagnostics).toEqual([]);
    // Not readings: a shipment's units are inbound, never stock on hand.
    expect(read.rows).toEqual([]);
    expect(read.anchors.map((a) => a.sku)).toEqual(['KTCH-MEAL-PRP', 'KTCH-COFF-GRD', 'KTCH-SILI-SPT']);
    expect(read.anchors.every((a) => a.element.localName === 'tr' && a.element.textContent!.includes(a.sku))).toBe(true);
    expect(read.shipments).toEqual([
      {
        shipmentId: 'FBA17XYZ12AB',
        status: 'in-transit',
        arrivalFrom: '2026-12-18',
        arrivalTo: '2026-12-22',
        items: [
          { sku: 'KTCH-MEAL-PRP', fnsku: 'X002MEAL01', title: 'Glass Meal Prep Containers, 10 Pack with Lids', unitsExpected: 179, unitsReceived: 0 },
          { sku: 'KTCH-COFF-GRD', fnsku: 'X002COFF02', title: 'Burr Coffee Grinder, Stainless Steel', unitsExpected: 163, unitsReceived: 0 },
          // "—" received: left out, never 0.
          { sku: 'KTCH-SILI-SPT', fnsku: 'X002SILI03', title: 'Silicone Spatula Set, 5 Pieces', unitsExpected: 100 },
        ],
      },
    ]);
  });

  it('finds the SKU and FNSKU in the product cell’s label/value lines and the shipment in the header box (Chinese UI, Katal table)', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/shipment-contents.zh.html'), URL_OF_PAGE.replace('FBA17XYZ12AB', 'FBA17XYZ90JK'), 'amazon.com');
    expect(read.diagnostics).toEqual([]);
    expect(read.anchors.map((a) => a.sku)).toEqual(['KTCH-MEAL-PRP', 'KTCH-BAMB-BRD']);
    expect(read.shipments).toEqual([
      {
        shipmentId: 'FBA17XYZ90JK',
        status: 'shipped',
        arrivalFrom: '2027-01-04',
        arrivalTo: '2027-01-04',
        items: [
          { sku: 'KTCH-MEAL-PRP', fnsku: 'X002MEAL01', title: 'Glass Meal Prep Containers, 10 Pack with Lids', unitsExpected: 100, unitsReceived: 0 },
          { sku: 'KTCH-BAMB-BRD', fnsku: 'X002BAMB04', title: 'Bamboo Cutting Board Set of 3', unitsExpected: 1200 },
        ],
      },
    ]);
  });

  it('takes the shipment id from the URL when the page does not label it, and the label when the two disagree (with a warning)', () => {
    const unlabelled = fixtureHtml('amazon/shipment-contents.en.html').replace(
      '<span class="ShipmentSummary-module__label--Pq7Rd">Shipment ID:</span><span>FBA17XYZ12AB</span>',
      '',
    );
    expect(readHtml(adapter, unlabelled, URL_OF_PAGE, 'amazon.com').shipments?.[0]?.shipmentId).toBe('FBA17XYZ12AB');
    const other = readHtml(adapter, fixtureHtml('amazon/shipment-contents.en.html'), URL_OF_PAGE.replace('FBA17XYZ12AB', 'FBA17OTHER9'), 'amazon.com');
    expect(other.shipments?.[0]?.shipmentId).toBe('FBA17XYZ12AB');
    expect(other.diagnostics).toContainEqual(expect.objectContaining({ level: 'warning', code: 'signals-disagree' }));
  });

  it('reads a SKU from the row’s data-sku when neither a SKU column nor a label says it; refuses a page naming no shipment', () => {
    const noSkuColumn = fixtureHtml('amazon/shipment-contents.en.html')
      .replace('<th>Merchant SKU</th>', '')
      .replace(/<tr data-sku="([^"]+)"><td>[^<]+<\/td>/g, '<tr data-sku="$1">');
    expect(readHtml(adapter, noSkuColumn, URL_OF_PAGE, 'amazon.com').shipments?.[0]?.items?.map((i) => i.sku)).toEqual([
      'KTCH-MEAL-PRP',
      'KTCH-COFF-GRD',
      'KTCH-SILI-SPT',
    ]);
    const nameless = fixtureHtml('amazon/shipment-contents.en.html').replace(/FBA17XYZ12AB/g, '');
    const refused = readHtml(adapter, nameless, 'https://sellercentral.amazon.com/fba/inbound-shipment/summary/', 'amazon.com');
    expect(refused.shipments ?? []).toEqual([]);
    expect(refused.diagnostics).toContainEqual(expect.objectContaining({ level: 'error', code: 'no-shipment-id' }));
  });

  it('German UI, SKU, title and FNSKU in columns of their own, the shipment id only in the address: every field; a SKU on two carton lines adds up', () => {
    const url = 'https://sellercentral.amazon.de/fba/inbound-shipment/summary/FBA18DEMUG01/contents';
    const read = readHtml(adapter, fixtureHtml('amazon/shipment-contents.de.html'), url, 'amazon.de');
    expect(read.diagnostics).toEqual([]);
    expect(read.rows).toEqual([]);
    expect(read.anchors.map((a) => a.sku)).toEqual(['DE-TASSE-WEISS', 'DE-TASSE-GRAU', 'DE-TASSE-WEISS']);
    expect(read.shipments).toEqual([
      {
        shipmentId: 'FBA18DEMUG01',
        status: 'in-transit',
        arrivalFrom: '2026-12-18',
        arrivalTo: '2026-12-22',
        items: [
          { sku: 'DE-TASSE-WEISS', fnsku: 'X003TASW01', title: 'Kaffeetasse Steingut 350 ml, weiß, 4er-Set', unitsExpected: 840, unitsReceived: 0 },
          // "—" received: left out, never 0.
          { sku: 'DE-TASSE-GRAU', fnsku: 'X003TASG02', title: 'Kaffeetasse Steingut 350 ml, grau, 4er-Set', unitsExpected: 360 },
        ],
      },
    ]);
  });

  it('without its SKU column and with titles only, one missing "sku" error rather than a skipped line per row', () => {
    const url = 'https://sellercentral.amazon.de/fba/inbound-shipment/summary/FBA18DEMUG01/contents';
    const noSku = fixtureHtml('amazon/shipment-contents.de.html')
      .replace('<th>Händler-SKU</th>', '')
      .replace(/<tr><td>DE-TASSE-[A-Z]+<\/td>/g, '<tr>');
    const read = readHtml(adapter, noSku, url, 'amazon.de');
    expect(read.shipments ?? []).toEqual([]);
    expect(read.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'missing-column', params: { column: 'sku' } })]);
  });

  it('is the page type of a shipment’s own pages, not of the Shipments list', () => {
    for (const url of [
      URL_OF_PAGE,
      'https://sellercentral.amazon.de/fba/inbound-shipment/summary/FBA17XYZ12AB',
      'https://sellercentral.amazon.co.jp/fba/sendtoamazon/shipment/FBA17XYZ12AB',
      'https://sellercentral.amazon.com/gp/fba/inbound-shipment-workflow/index.html#FBA17XYZ12AB/summary/tracking',
    ])
      expect(adapterForUrl(new URL(url))?.id, url).toBe('amazon/shipment-contents');
    expect(adapterForUrl(new URL('https://sellercentral.amazon.com/gp/ssof/shipping-queue.html'))?.id).toBe('amazon/shipments');
  });
});
