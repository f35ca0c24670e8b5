import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/schema';
import { listingAt } from './fixtures';
import { planFromObservations } from './plan';
import { poolKindOf, poolStock, type ReturnEvent } from './pool-stock';

const none: ReturnEvent[] = [];

describe('poolKindOf', () => {
  it('reads the pool kind from the id', () => {
    expect(poolKindOf('fba:EU')).toBe('FBA');
    expect(poolKindOf('wfs:walmart.com')).toBe('WFS');
    expect(poolKindOf('own:main')).toBe('SELLER');
    expect(poolKindOf('own:shenzhen')).toBe('SELLER');
  });
});

describe('poolStock basis', () => {
  it('the seller’s count wins in an own warehouse, even over newer listed quantities', () => {
    const s = poolStock(
      'own:main',
      [
        { available: 50, stockDay: 100 },
        { available: 90, stockDay: 101 },
      ],
      { onHand: 80, day: 99 },
      none,
    );
    expect(s).toEqual({ onHand: 80, stockDay: 99, source: 'count', hint: null, releasedSince: 0, heldReturns: 0 });
  });

  it('the count wins at FBA/WFS over a reading of the same day or older', () => {
    for (const pool of ['fba:NA', 'wfs:walmart.com']) {
      expect(poolStock(pool, [{ available: 120, stockDay: 98 }], { onHand: 80, day: 99 }, none)).toMatchObject({ onHand: 80, stockDay: 99, source: 'count' });
      expect(poolStock(pool, [{ available: 120, stockDay: 99 }], { onHand: 80, day: 99 }, none)).toMatchObject({ onHand: 80, source: 'count' });
    }
  });

  it('a later FBA/WFS page reading of the pool’s own count beats an older seller count', () => {
    for (const pool of ['fba:EU', 'wfs:walmart.com']) {
      const s = poolStock(
        pool,
        [
          { available: 120, stockDay: 100 },
          { available: 118, stockDay: 103 },
        ],
        { onHand: 80, day: 99 },
        none,
      );
      expect(s).toEqual({ onHand: 118, stockDay: 103, source: 'reading', hint: null, releasedSince: 0, heldReturns: 0 });
    }
  });

  it('FBA without a count: the newest reading, once (not the sum of the marketplaces that show it)', () => {
    const s = poolStock(
      'fba:EU',
      [
        { available: 120, stockDay: 100 },
        { available: null, stockDay: null },
        { available: 118, stockDay: 103 },
        { available: 130, stockDay: 101 },
      ],
      undefined,
      none,
    );
    expect(s).toMatchObject({ onHand: 118, stockDay: 103, source: 'reading', hint: null });
  });

  it('an own warehouse nobody counted: the largest quantity listed, as an estimate with the count hint', () => {
    const s = poolStock(
      'own:main',
      [
        { available: 50, stockDay: 100 },
        { available: 80, stockDay: 95 },
        { available: null, stockDay: null },
      ],
      undefined,
      none,
    );
    expect(s).toEqual({ onHand: 80, stockDay: 95, source: 'listed', hint: 'count', releasedSince: 0, heldReturns: 0 });
  });

  it('nothing shown: unknown (never 0), with the page or count per pool kind', () => {
    const cases = [
      ['fba:NA', 'open:amazon/fba-inventory'],
      ['fba:FE', 'open:amazon/fba-inventory'],
      ['wfs:walmart.com', 'open:walmart/wfs-inventory'],
      ['own:main', 'count'],
    ] as const;
    for (const [pool, hint] of cases) {
      for (const members of [[], [{ available: null, stockDay: null }]]) {
        expect(poolStock(pool, members, undefined, none)).toEqual({ onHand: null, stockDay: null, source: 'unknown', hint, releasedSince: 0, heldReturns: 0 });
      }
    }
  });
});

describe('poolStock returns', () => {
  const returns: ReturnEvent[] = [
    { units: 4, day: 98, status: 'released' }, // before the basis: already in it
    { units: 2, day: 100, status: 'released' }, // the basis day itself: already in it
    { units: 7, day: 101, status: 'released' }, // after: adds
    { units: 1, day: 105, status: 'released' }, // after: adds
    { units: 3, day: 90, status: 'held' },
    { units: 5, day: 104, status: 'held' },
  ];

  it('released returns after the basis add; those on or before it do not; held ones are counted apart', () => {
    const s = poolStock('fba:NA', [{ available: 60, stockDay: 100 }], undefined, returns);
    expect(s.onHand).toBe(60);
    expect(s.releasedSince).toBe(8);
    expect(s.heldReturns).toBe(8);
  });

  it('after a count, by the count’s day', () => {
    const s = poolStock('own:main', [{ available: 60, stockDay: 103 }], { onHand: 70, day: 98 }, returns);
    expect(s.source).toBe('count');
    expect(s.releasedSince).toBe(2 + 7 + 1);
    expect(s.heldReturns).toBe(8);
  });

  it('nothing to add to unknown stock, but held returns still show', () => {
    const s = poolStock('wfs:walmart.com', [], undefined, returns);
    expect(s.onHand).toBeNull();
    expect(s.releasedSince).toBe(0);
    expect(s.heldReturns).toBe(8);
  });
});

describe('pool stock in plans (extras.poolCounts, extras.returns)', () => {
  const NOW = new Date('2026-03-01T12:00:00Z');
  const fr = listingAt('2026-02-28', { marketplace: 'amazon.fr', fulfillment: 'FBA', available: 40 });
  const de = listingAt('2026-02-26', { marketplace: 'amazon.de', fulfillment: 'FBA', available: 55 });

  it('a seller count of the FBA pool read later by a page gives way to the page', () => {
    const plans = planFromObservations([fr, de], defaultSettings(), NOW, { poolCounts: { 'SKU-1@fba:EU': { onHand: 500, date: '2026-02-27' } } });
    const pool = plans.find((p) => p.key === 'pool:SKU-1@fba:EU')!;
    expect(pool.stock.source).toBe('reading');
    expect(pool.available).toBe(40);
    for (const p of plans) expect(p.available).toBe(40);
  });

  it('a count newer than every page wins, and returns released after it add; held ones are shown apart', () => {
    const older = [
      listingAt('2026-02-25', { marketplace: 'amazon.fr', fulfillment: 'FBA', available: 40 }),
      listingAt('2026-02-24', { marketplace: 'amazon.de', fulfillment: 'FBA', available: 55 }),
    ];
    const plans = planFromObservations(older, defaultSettings(), NOW, {
      poolCounts: { 'SKU-1@fba:EU': { onHand: 500, date: '2026-02-27' } },
      returns: [
        { listingKey: 'amazon|amazon.de|SKU-1', units: 6, status: 'held', date: '2026-02-20' },
        { listingKey: 'amazon|amazon.fr|SKU-1', units: 4, status: 'released', date: '2026-02-26' }, // before the count: in it
        { listingKey: 'amazon|amazon.fr|SKU-1', units: 9, status: 'released', date: '2026-02-28' }, // after: adds
        { listingKey: 'amazon|amazon.com|SKU-1', units: 50, status: 'released', date: '2026-02-28' }, // another pool's listing
      ],
    });
    const pool = plans.find((p) => p.key === 'pool:SKU-1@fba:EU')!;
    expect(pool.stock).toEqual({ source: 'count', heldReturns: 6, hint: null });
    // Nothing is known to have sold since the count, and nothing is forecast: 500 + 9.
    expect(pool.forecast.meanDaily).toBe(0);
    expect(pool.available).toBe(509);
    for (const p of plans) expect(p.stock.heldReturns).toBe(6);
  });

  it('unknown stock stays unknown in the plan, with the hint, and no cover, reorder or health', () => {
    const [plan] = planFromObservations([listingAt('2026-02-28', { fulfillment: 'FBA', unitsSold: [{ windowDays: 30, units: 90 }] })], defaultSettings(), NOW);
    expect(plan!.available).toBeNull();
    expect(plan!.stock).toEqual({ source: 'unknown', heldReturns: 0, hint: 'open:amazon/fba-inventory' });
    expect(plan!.daysOfCover).toBeNull();
    expect(plan!.reorderDate).toBeNull();
    expect(plan!.healthScore).toBeNull();
    expect(plan!.alerts.find((a) => a.code === 'stock-unknown')!.params).toEqual({ hint: 'open:amazon/fba-inventory' });
  });
});

describe('poolStock: a count and a release on the same day', () => {
  it('orders them by instant when both are known, by day otherwise', () => {
    const count = { onHand: 200, day: 100, at: '2026-03-01T10:00:00.000Z' };
    const later = { units: 5, day: 100, status: 'released' as const, at: '2026-03-01T11:00:00.000Z' };
    const earlier = { ...later, at: '2026-03-01T09:00:00.000Z' };
    expect(poolStock('own:main', [], count, [later]).releasedSince).toBe(5);
    expect(poolStock('own:main', [], count, [earlier]).releasedSince).toBe(0);
    expect(poolStock('own:main', [], { onHand: 200, day: 100 }, [{ units: 5, day: 100, status: 'released' }]).releasedSince).toBe(0);
  });
});
