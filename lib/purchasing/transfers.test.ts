import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shortOf, suggestTransfers, surplusOf, withTransferAlerts } from './transfers';
import { planWith } from './test-purchasing';

// FBA: 300 on hand at 10 a day, out on 2026-04-01 (day 30), lead time 70: short 40 days x 10 = 400.
const fba = planWith({ stockoutDate: '2026-04-01' });
// Own warehouse: 2,000 on hand, reorder point 700, 70 days x 10 more: 600 to spare.
const own = planWith({ poolId: 'own:main', available: 2000, stockoutDate: '2026-09-18', reorderDate: null, reorderQuantity: 0 });

describe('surplusOf and shortOf', () => {
  it('surplus: on hand beyond the reorder point and one more lead time; short: sales from the stockout until a reorder could arrive', () => {
    expect(surplusOf(own)).toBe(600);
    expect(surplusOf(fba)).toBe(0);
    expect(surplusOf({ ...own, available: null })).toBe(0);
    expect(shortOf(fba)).toEqual({ units: 400, stockoutDate: '2026-04-01' });
    expect(shortOf(own)).toBeNull();
    // Inbound arriving in time moves the stockout later.
    expect(shortOf({ ...fba, inbound: 200, inboundArrivalDate: '2026-03-20', stockoutDateWithInbound: '2026-04-21' })).toEqual({
      units: 200,
      stockoutDate: '2026-04-21',
    });
  });
});

describe('suggestTransfers', () => {
  it('moves what the short pool lacks, at most what the other can spare, within one product', () => {
    expect(suggestTransfers([fba, own])).toEqual([{ productId: 'MUG', fromPool: 'own:main', toPool: 'fba:NA', units: 400, stockoutDate: '2026-04-01' }]);
    expect(suggestTransfers([fba, { ...own, available: 1500 }])[0]!.units).toBe(100);
    expect(suggestTransfers([fba, { ...own, productId: 'LAMP', sku: 'LAMP' }])).toEqual([]);
    expect(suggestTransfers([fba])).toEqual([]);
  });

  it('puts the alert on every plan of the receiving stock, and on no other', () => {
    const member = { ...fba, key: 'amazon|amazon.com|MUG', scope: 'listing' as const, poolKey: fba.key };
    const out = withTransferAlerts([fba, member, own]);
    const alert = { code: 'transfer-from-pool', severity: 'warning', params: { units: 400, fromPool: 'own:main', stockoutDate: '2026-04-01' } };
    expect(out[0]!.alerts).toEqual([alert]);
    expect(out[1]!.alerts).toEqual([alert]);
    expect(out[2]!.alerts).toEqual([]);
    // Re-running never doubles it.
    expect(withTransferAlerts(out)[0]!.alerts).toEqual([alert]);
  });

  it('property: no pool gives more than its surplus, no pool gets more than it lacks', () => {
    const poolArb = fc.record({ available: fc.integer({ min: 0, max: 5000 }), day: fc.integer({ min: 1, max: 200 }) });
    fc.assert(
      fc.property(fc.array(poolArb, { minLength: 2, maxLength: 4 }), (rows) => {
        const plans = rows.map((r, i) =>
          planWith({ poolId: `own:w${i}`, available: r.available, stockoutDate: new Date(Date.UTC(2026, 2, 2 + r.day)).toISOString().slice(0, 10) }),
        );
        const transfers = suggestTransfers(plans);
        for (const p of plans) {
          const given = transfers.filter((t) => t.fromPool === p.poolId).reduce((s, t) => s + t.units, 0);
          const got = transfers.filter((t) => t.toPool === p.poolId).reduce((s, t) => s + t.units, 0);
          expect(given).toBeLessThanOrEqual(surplusOf(p));
          expect(got).toBeLessThanOrEqual(shortOf(p)?.units ?? 0);
          expect(transfers.every((t) => t.units > 0 && t.fromPool !== t.toPool)).toBe(true);
        }
      }),
    );
  });
});
