// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '../index';
import { fixtureHtml, readHtml } from '../testing/load';
import { adapter } from './shipments';

const URL_OF_PAGE = 'https://sellercentral.amazon.com/gp/ssof/shipping-queue.html';

describe('amazon/shipments', () => {
  it('reads one shipment per row: id, name, destination, status, units and the arrival window (never a listing row)', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/shipments.en.html'), URL_OF_PAGE, 'amazon.com');
    expect(read.diagnostics).toEqual([]);
    expect(read.rows).toEqual([]);
    expect(read.anchors).toEqual([]);
    expect(read.shipments).toEqual([
      {
        shipmentId: 'FBA17XYZ12AB',
        name: 'Restock Nov 20 kitchen',
        destination: 'PHX7',
        status: 'in-transit',
        unitsExpected: 442,
        unitsLocated: 0,
        arrivalFrom: '2026-12-18',
        arrivalTo: '2026-12-22',
      },
      {
        shipmentId: 'FBA17XYZ34CD',
        name: 'Mugs Nov 25',
        destination: 'LGB8',
        status: 'shipped',
        unitsExpected: 300,
        unitsLocated: 0,
        arrivalFrom: '2026-12-14',
        arrivalTo: '2026-12-14',
      },
      {
        shipmentId: 'FBA17XYZ56EF',
        name: 'Lamps Nov 10',
        destination: 'BFI4',
        status: 'receiving',
        unitsExpected: 1200,
        unitsLocated: 860,
        arrivalFrom: '2026-11-24',
        arrivalTo: '2026-11-28',
      },
      // A draft: no destination, no located units, no date ("—" is left out, never 0).
      { shipmentId: 'FBA17XYZ78GH', name: 'Draft Dec', status: 'working', unitsExpected: 96 },
      {
        shipmentId: 'FBA16OLD9ZZZ',
        name: 'Oct restock',
        destination: 'ONT8',
        status: 'closed',
        unitsExpected: 500,
        unitsLocated: 500,
        arrivalFrom: '2026-10-14',
        arrivalTo: '2026-10-18',
      },
    ]);
  });

  it('reads a German page with its own id column, and says which column is missing instead of guessing', () => {
    const html = `<table><thead><tr><th>Sendungsname</th><th>Sendungs-ID</th><th>Versand an</th><th>Erwartete Einheiten</th><th>Status</th><th>Lieferzeitraum</th></tr></thead>
      <tbody><tr><td>Tassen Dezember</td><td>FBA18ABCDE12</td><td>DTM2</td><td>1.200</td><td>Unterwegs</td><td>18.12.2026 – 22.12.2026</td></tr></tbody></table>`;
    const read = readHtml(adapter, html, 'https://sellercentral.amazon.de/gp/ssof/shipping-queue.html', 'amazon.de');
    expect(read.shipments).toEqual([
      {
        shipmentId: 'FBA18ABCDE12',
        name: 'Tassen Dezember',
        destination: 'DTM2',
        status: 'in-transit',
        unitsExpected: 1200,
        arrivalFrom: '2026-12-18',
        arrivalTo: '2026-12-22',
      },
    ]);
    const noStatus = readHtml(
      adapter,
      html.replace('<th>Status</th>', '<th>Zustand X</th>'),
      'https://sellercentral.amazon.de/gp/ssof/shipping-queue.html',
      'amazon.de',
    );
    expect(noStatus.shipments).toEqual([]);
    expect(noStatus.diagnostics).toContainEqual(expect.objectContaining({ level: 'error', code: 'missing-column', params: { column: 'shipmentStatus' } }));
  });

  it('German UI, Katal table, the id in a column of its own (German dates and counts, "Storniert"): every field of every shipment', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/shipments.de.html'), 'https://sellercentral.amazon.de/fba/sendtoamazon/shipments', 'amazon.de');
    expect(read.diagnostics).toEqual([]);
    expect(read.rows).toEqual([]);
    expect(read.shipments).toEqual([
      {
        shipmentId: 'FBA18DEMUG01',
        name: 'Tassen Dezember',
        destination: 'DTM2',
        status: 'in-transit',
        unitsExpected: 1200,
        unitsLocated: 0,
        arrivalFrom: '2026-12-18',
        arrivalTo: '2026-12-22',
      },
      {
        shipmentId: 'FBA18DEKAF02',
        name: 'Kaffee Nachschub',
        destination: 'LEJ1',
        status: 'receiving',
        unitsExpected: 640,
        unitsLocated: 212,
        arrivalFrom: '2026-12-10',
        arrivalTo: '2026-12-10',
      },
      { shipmentId: 'FBA18DEDRF03', name: 'Entwurf Januar', status: 'working', unitsExpected: 48 },
      {
        shipmentId: 'FBA18DETEE04',
        name: 'Tee Oktober',
        destination: 'MUC3',
        status: 'closed',
        unitsExpected: 500,
        unitsLocated: 500,
        arrivalFrom: '2026-10-14',
        arrivalTo: '2026-10-18',
      },
      { shipmentId: 'FBA18DESTO05', name: 'Deko November', destination: 'FRA7', status: 'cancelled', unitsExpected: 120, unitsLocated: 0 },
    ]);
  });

  it('Send to Amazon as an ARIA grid, columns reordered and reworded, windows without spaces: every field of every shipment', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/shipments.grid.en.html'), 'https://sellercentral.amazon.com/fba/sendtoamazon/shipments', 'amazon.com');
    expect(read.diagnostics).toEqual([]);
    expect(read.shipments).toEqual([
      {
        shipmentId: 'FBA19STA0001',
        name: 'Holiday mugs (LTL)',
        destination: 'SBD1',
        status: 'delivered',
        unitsExpected: 2400,
        unitsLocated: 0,
        arrivalFrom: '2026-12-08',
        arrivalTo: '2026-12-10',
      },
      {
        shipmentId: 'FBA19STA0002',
        name: 'Towels restock',
        destination: 'TEB9',
        status: 'ready',
        unitsExpected: 360,
        arrivalFrom: '2026-12-21',
        arrivalTo: '2026-12-21',
      },
      {
        shipmentId: 'FBA19STA0003',
        name: 'Lamps small parcel',
        destination: 'MDW2',
        status: 'receiving',
        unitsExpected: 75,
        unitsLocated: 0,
        arrivalFrom: '2026-12-02',
        arrivalTo: '2026-12-04',
      },
      { shipmentId: 'FBA19STA0004', name: 'Duplicate plan', status: 'cancelled', unitsExpected: 40 },
    ]);
  });

  it('without its id column, the id comes from the link of the name cell (content signal)', () => {
    const html = fixtureHtml('amazon/shipments.grid.en.html')
      .replace('<div role="columnheader" data-column="shipmentId">Shipment ID</div>', '')
      .replace(/<div role="gridcell">FBA19STA\d+<\/div>/g, '');
    const read = readHtml(adapter, html, 'https://sellercentral.amazon.com/fba/sendtoamazon/shipments', 'amazon.com');
    expect(read.diagnostics).toEqual([]);
    expect(read.shipments?.map((s) => [s.shipmentId, s.name])).toEqual([
      ['FBA19STA0001', 'Holiday mugs (LTL)'],
      ['FBA19STA0002', 'Towels restock'],
      ['FBA19STA0003', 'Lamps small parcel'],
      ['FBA19STA0004', 'Duplicate plan'],
    ]);
  });

  it('is the page type of the shipping queue and the Send to Amazon shipment list, on every Amazon host', () => {
    for (const url of [
      URL_OF_PAGE,
      'https://sellercentral-europe.amazon.com/gp/ssof/shipping-queue.html',
      'https://sellercentral.amazon.co.jp/fba/sendtoamazon/shipments',
    ])
      expect(adapterForUrl(new URL(url))?.id).toBe('amazon/shipments');
    expect(adapterForUrl(new URL('https://sellercentral.amazon.com/fba/sendtoamazon/confirm_content_step'))).toBeUndefined();
  });
});
