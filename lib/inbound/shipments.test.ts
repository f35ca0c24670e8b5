import { describe, expect, it } from 'vitest';
import { arrivalDateOf, arrivalsByListing, withArrival } from './arrivals';
import { MAX_INBOUND_SHIPMENTS, shipmentEta, shipmentStatusFromText, withShipments, type InboundShipment } from './shipments';

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
});
