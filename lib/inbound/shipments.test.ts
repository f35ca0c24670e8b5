import { describe, expect, it } from 'vitest';
import { arrivalDateOf, arrivalsByListing, listingArrivals, withArrival } from './arrivals';
import {
  MAX_INBOUND_SHIPMENTS,
  shipmentAccount,
  shipmentEta,
  shipmentsInbound,
  shipmentStatusFromText,
  withShipments,
  type InboundShipment,
} from './shipments';

const NOW = new Date('2026-11-20T18:00:00Z');
const KEY = 'amazon|amazon.com|MUG-1';

const shipment = (fields: Partial<InboundShipment> = {}): InboundShipment => ({
  shipmentId: 'FBA17XYZ34CD',
  status: 'shipped',
  marketplace: 'amazon.com',
  readAt: NOW.toISOString(),
  arrivalFrom: '2026-12-10',
  arrivalTo: '2026-12-14',
  ...fields,
});

describe('inbound shipments', () => {
  it('reads the status words of the queue in four languages', () => {
    expect(
      ['Working', 'Ready to ship', 'Shipped', 'In transit', 'Delivered', 'Checked-in', 'Receiving', 'Closed', 'Cancelled'].map(shipmentStatusFromText),
    ).toEqual(['working', 'ready', 'shipped', 'in-transit', 'delivered', 'receiving', 'receiving', 'closed', 'cancelled']);
    expect(['运输中', 'Unterwegs', '受領中', '已关闭', 'Something new'].map(shipmentStatusFromText)).toEqual([
      'in-transit',
      'in-transit',
      'receiving',
      'closed',
      'unknown',
    ]);
  });

  it('expects the units on the window\u2019s last day, and nothing from a closed or cancelled shipment', () => {
    expect(shipmentEta(shipment())).toBe('2026-12-14');
    expect(shipmentEta(shipment({ arrivalTo: undefined }))).toBe('2026-12-10');
    expect(shipmentEta(shipment({ arrivalFrom: undefined, arrivalTo: undefined }))).toBeNull();
    expect(shipmentEta(shipment({ status: 'closed' }))).toBeNull();
    expect(shipmentEta(shipment({ status: 'cancelled' }))).toBeNull();
  });

  it('keeps each shipment once per marketplace, the newest reading winning, and at most MAX_INBOUND_SHIPMENTS', () => {
    const first = withShipments([], [{ shipmentId: 'FBA17XYZ34CD', status: 'shipped', arrivalTo: '2026-12-14' }], 'amazon.com', NOW);
    const later = new Date(NOW.getTime() + 3_600_000);
    const second = withShipments(first, [{ shipmentId: 'FBA17XYZ34CD', status: 'in-transit', arrivalTo: '2026-12-16' }], 'amazon.com', later);
    expect(second).toEqual([
      { shipmentId: 'FBA17XYZ34CD', status: 'in-transit', arrivalTo: '2026-12-16', marketplace: 'amazon.com', readAt: later.toISOString() },
    ]);
    // The same id on another marketplace is another shipment.
    expect(withShipments(second, [{ shipmentId: 'FBA17XYZ34CD', status: 'working' }], 'amazon.de', later)).toHaveLength(2);
    const many = Array.from({ length: MAX_INBOUND_SHIPMENTS + 5 }, (_, i) => ({ shipmentId: `FBA${String(i).padStart(8, '0')}`, status: 'shipped' as const }));
    const kept = withShipments(second, many, 'amazon.com', later);
    expect(kept).toHaveLength(MAX_INBOUND_SHIPMENTS);
    expect(kept.some((s) => s.shipmentId === 'FBA17XYZ34CD')).toBe(false);
  });

  it('dates a listing tied to a shipment by the shipment\u2019s newest estimate on its marketplace, else by its own date', () => {
    const tied = withArrival([], KEY, '2026-12-14', 300, NOW, 'FBA17XYZ34CD')[0]!;
    expect(tied).toMatchObject({ listingKey: KEY, date: '2026-12-14', units: 300, shipmentId: 'FBA17XYZ34CD' });
    expect(arrivalDateOf(tied, [shipment({ arrivalTo: '2026-12-19' })])).toBe('2026-12-19');
    // A shipment of another marketplace with the same id, a shipment no longer stored, or one without a date: its own date.
    expect(arrivalDateOf(tied, [shipment({ marketplace: 'amazon.de', arrivalTo: '2026-12-19' })])).toBe('2026-12-14');
    expect(arrivalDateOf(tied, [])).toBe('2026-12-14');
    expect(arrivalDateOf(tied, [shipment({ arrivalFrom: undefined, arrivalTo: undefined })])).toBe('2026-12-14');
    const typed = withArrival([], 'amazon|amazon.com|CUP', '2026-12-30', 40, NOW)[0]!;
    expect(arrivalsByListing([tied, typed], [shipment({ arrivalTo: '2026-12-19' })])).toEqual({
      [KEY]: [{ date: '2026-12-19', units: 300, shipmentId: 'FBA17XYZ34CD' }],
      'amazon|amazon.com|CUP': [{ date: '2026-12-30', units: 40 }],
    });
  });

  it('keeps whose each shipment is: the account of the page that read it last; one stored without an account is the default account’s', () => {
    const contents = { shipmentId: 'FBA17XYZ34CD', status: 'in-transit' as const, arrivalTo: '2026-12-14', items: [{ sku: 'MUG-1', unitsExpected: 100 }] };
    const ofB = withShipments([], [contents], 'amazon.com', NOW, 'amazon-b');
    expect(ofB[0]).toMatchObject({ account: 'amazon-b' });
    // The list page read later under the default account: the newest reading's account, stored as none.
    const relisted = withShipments(ofB, [{ shipmentId: 'FBA17XYZ34CD', status: 'receiving' }], 'amazon.com', NOW);
    expect(relisted[0]).not.toHaveProperty('account');
    expect(relisted[0]).toMatchObject({ items: contents.items });
    expect(withShipments(relisted, [contents], 'amazon.com', NOW, 'amazon-b')[0]).toMatchObject({ account: 'amazon-b', status: 'in-transit' });
    expect(shipmentAccount(relisted[0]!)).toBe('default');

    // Contents tie a SKU to that account's listing only; a stored shipment from before accounts ties the default account's.
    const legacy = shipment({ shipmentId: 'FBA17OLD0001', items: [{ sku: 'MUG-1', unitsExpected: 40 }] });
    const both = [...ofB, legacy];
    expect(listingArrivals(KEY, [], both).map((a) => [a.shipmentId, a.units])).toEqual([['FBA17OLD0001', 40]]);
    expect(listingArrivals(`${KEY}|@amazon-b`, [], both).map((a) => [a.shipmentId, a.units])).toEqual([['FBA17XYZ34CD', 100]]);
    // A tie by hand is the seller's word: it may name another account's shipment of the marketplace.
    const tied = withArrival([], KEY, '2026-12-20', 70, NOW, 'FBA17XYZ34CD');
    expect(listingArrivals(KEY, tied, both).map((a) => [a.shipmentId, a.units, a.source])).toEqual([
      ['FBA17OLD0001', 40, 'contents'],
      ['FBA17XYZ34CD', 100, 'tied'],
    ]);
  });

  it('counts what a Shipments page holds on its way: open shipments and their units not yet located', () => {
    expect(
      shipmentsInbound([
        { status: 'in-transit', unitsExpected: 442, unitsLocated: 0 },
        { status: 'receiving', unitsExpected: 1200, unitsLocated: 860 },
        { status: 'working', unitsExpected: 96 },
        { status: 'closed', unitsExpected: 500, unitsLocated: 480 },
        { status: 'shipped' },
      ]),
    ).toEqual({ shipments: 5, open: 4, units: 442 + 340 + 96 });
  });
});
