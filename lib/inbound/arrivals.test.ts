import { describe, expect, it } from 'vitest';
import { arrivalsByListing, listingArrivals, withArrival } from './arrivals';
import { withShipments, type InboundShipment } from './shipments';

const NOW = new Date('2026-11-20T18:00:00Z');
const KEY = 'amazon|amazon.com|MUG-1';

/** A stored shipment holding `units` of MUG-1 (of which `received` are in stock), expected on `date`. */
const holding = (shipmentId: string, date: string, units: number, received = 0, fields: Partial<InboundShipment> = {}): InboundShipment => ({
  shipmentId,
  status: 'in-transit',
  marketplace: 'amazon.com',
  readAt: NOW.toISOString(),
  arrivalTo: date,
  items: [
    { sku: 'MUG-1', unitsExpected: units, unitsReceived: received },
    { sku: 'CUP-2', unitsExpected: 40 },
  ],
  ...fields,
});

describe('a listing’s arrivals', () => {
  it('ties a SKU to every open shipment whose contents list it, each on its own day with the units still to arrive', () => {
    const shipments = [
      holding('FBA17BBBB2', '2026-12-28', 200),
      holding('FBA17AAAA1', '2026-12-14', 100),
      holding('FBA16OLD01', '2026-10-01', 50, 0, { status: 'closed' }),
    ];
    expect(listingArrivals(KEY, [], shipments)).toEqual([
      { shipmentId: 'FBA17AAAA1', units: 100, date: '2026-12-14', source: 'contents' },
      { shipmentId: 'FBA17BBBB2', units: 200, date: '2026-12-28', source: 'contents' },
    ]);
    expect(arrivalsByListing([], shipments, [KEY, 'amazon|amazon.com|CUP-2', 'amazon|amazon.com|CUP-2|@amazon-b', 'amazon|amazon.de|MUG-1'])).toEqual({
      [KEY]: [
        { date: '2026-12-14', units: 100, shipmentId: 'FBA17AAAA1' },
        { date: '2026-12-28', units: 200, shipmentId: 'FBA17BBBB2' },
      ],
      // The shipments are the default account's (stored without an account): another seller
      // account's listing of the same SKU gets none of their units.
      'amazon|amazon.com|CUP-2': [
        { date: '2026-12-14', units: 40, shipmentId: 'FBA17AAAA1' },
        { date: '2026-12-28', units: 40, shipmentId: 'FBA17BBBB2' },
      ],
    });
    const ofB = shipments.map((s) => ({ ...s, account: 'amazon-b' }));
    expect(Object.keys(arrivalsByListing([], ofB, [KEY, 'amazon|amazon.com|CUP-2', 'amazon|amazon.com|CUP-2|@amazon-b']))).toEqual([
      'amazon|amazon.com|CUP-2|@amazon-b',
    ]);
  });

  it('counts units received as stock, not as inbound: shipped minus received is what is still to arrive', () => {
    expect(listingArrivals(KEY, [], [holding('FBA17AAAA1', '2026-12-14', 300, 120)])).toEqual([
      { shipmentId: 'FBA17AAAA1', units: 180, date: '2026-12-14', source: 'contents' },
    ]);
    expect(listingArrivals(KEY, [], [holding('FBA17AAAA1', '2026-12-14', 300, 300)])).toEqual([]);
  });

  it('a shipment the seller tied by hand keeps the tie (its contents give the units); a typed date stands for all the inbound', () => {
    const shipments = [holding('FBA17AAAA1', '2026-12-14', 100), holding('FBA17BBBB2', '2026-12-28', 200)];
    // Tied by hand to a shipment whose contents do not list the SKU (the seller knows better): kept beside the automatic ones.
    const other: InboundShipment = {
      shipmentId: 'FBA17CCCC3',
      status: 'shipped',
      marketplace: 'amazon.com',
      readAt: NOW.toISOString(),
      arrivalTo: '2026-12-20',
    };
    const tied = withArrival([], KEY, '2026-12-20', 60, NOW, 'FBA17CCCC3');
    expect(listingArrivals(KEY, tied, [...shipments, other]).map((a) => [a.shipmentId, a.units, a.source])).toEqual([
      ['FBA17AAAA1', 100, 'contents'],
      ['FBA17CCCC3', 60, 'tied'],
      ['FBA17BBBB2', 200, 'contents'],
    ]);
    // Tied by hand to a shipment whose contents list it: one arrival, the seller's, with the contents' units.
    const same = withArrival([], KEY, '2026-12-01', 999, NOW, 'FBA17AAAA1');
    expect(listingArrivals(KEY, same, shipments).map((a) => [a.shipmentId, a.units, a.date, a.source])).toEqual([
      ['FBA17AAAA1', 100, '2026-12-14', 'tied'],
      ['FBA17BBBB2', 200, '2026-12-28', 'contents'],
    ]);
    const typed = withArrival(same, KEY, '2027-01-05', 300, NOW);
    expect(listingArrivals(KEY, typed, shipments)).toEqual([{ shipmentId: null, units: 300, date: '2027-01-05', source: 'typed' }]);
  });

  it('keeps a tie per shipment; a typed date replaces them, and clearing removes the listing’s hand-made ones', () => {
    let arrivals = withArrival([], KEY, '2026-12-14', 100, NOW, 'FBA17AAAA1');
    arrivals = withArrival(arrivals, KEY, '2026-12-28', 200, NOW, 'FBA17BBBB2');
    arrivals = withArrival(arrivals, KEY, '2026-12-15', 120, NOW, 'FBA17AAAA1');
    expect(arrivals.map((a) => [a.shipmentId, a.units])).toEqual([
      ['FBA17BBBB2', 200],
      ['FBA17AAAA1', 120],
    ]);
    arrivals = withArrival(arrivals, 'amazon|amazon.com|CUP-2', '2026-12-30', 40, NOW);
    const typed = withArrival(arrivals, KEY, '2027-01-05', 300, NOW);
    expect(typed.filter((a) => a.listingKey === KEY).map((a) => [a.shipmentId, a.date])).toEqual([[undefined, '2027-01-05']]);
    expect(withArrival(arrivals, KEY, null, 0, NOW).map((a) => a.listingKey)).toEqual(['amazon|amazon.com|CUP-2']);
  });

  it('a Shipments list read after a contents page keeps the contents; a contents page keeps the list’s status and date', () => {
    const listed = withShipments([], [{ shipmentId: 'FBA17AAAA1', status: 'in-transit', arrivalTo: '2026-12-14', unitsExpected: 140 }], 'amazon.com', NOW);
    const contents = withShipments(listed, [{ shipmentId: 'FBA17AAAA1', status: 'unknown', items: [{ sku: 'MUG-1', unitsExpected: 100 }] }], 'amazon.com', NOW);
    expect(contents[0]).toMatchObject({ status: 'in-transit', arrivalTo: '2026-12-14', unitsExpected: 140, items: [{ sku: 'MUG-1', unitsExpected: 100 }] });
    const relisted = withShipments(contents, [{ shipmentId: 'FBA17AAAA1', status: 'receiving', arrivalTo: '2026-12-16' }], 'amazon.com', NOW);
    expect(relisted[0]).toMatchObject({ status: 'receiving', arrivalTo: '2026-12-16', items: [{ sku: 'MUG-1', unitsExpected: 100 }] });
    expect(relisted[0]!.unitsExpected).toBeUndefined();
  });
});
