import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/schema';
import { health } from './health';
import { constantSeries, seriesOf, situation, through, unknownSeries, unknownStock } from './test-situation';

const lost = (d: { health: { reasons: { points: number }[] } }) => d.health.reasons.reduce((a, r) => a + r.points, 0);

describe('health decision', () => {
  it('is 100 with no reasons for a well-stocked SKU that sells as expected', () => {
    const d = through(health, situation({ available: 1000 }, { rate: 10 }));
    expect(d.health).toEqual({ score: 100, reasons: [] });
  });

  it('has no score for unknown stock (never 100)', () => {
    for (const rate of [0, 1, 10]) {
      const d = through(health, situation(unknownStock({ series: constantSeries(rate) }), { rate }));
      expect(d.health.score).toBeNull();
      expect(d.health.reasons).toEqual([]);
    }
  });

  it('has no score when no sale is known, with a sales-unknown alert saying what would tell', () => {
    for (const available of [0, 50, 100_000]) {
      const d = through(health, situation({ available, series: unknownSeries() }, { rate: 1 }));
      expect(d.health.score).toBeNull();
      expect(d.alerts.filter((a) => a.code === 'sales-unknown')).toEqual([
        { code: 'sales-unknown', severity: 'info', params: { hint: 'open:amazon/fba-inventory' } },
      ]);
    }
    // One known day is enough to score.
    expect(through(health, situation({ available: 1000, series: seriesOf([Number.NaN, Number.NaN, 10]) }, { rate: 10 })).health.score).not.toBeNull();
  });

  it('an overdue reorder costs its points with the days late, on top of the stockout', () => {
    const d = through(health, situation({ available: 100 }, { rate: 10, spread: 0 }));
    const overdue = d.health.reasons.find((r) => r.code === 'reorder-overdue')!;
    expect(overdue).toEqual({ code: 'reorder-overdue', points: 10, params: { reorderDate: '2025-12-31', daysLate: 60 } });
    expect(d.health.reasons.map((r) => r.code).sort()).toEqual(['reorder-overdue', 'stockout-soon']);
    expect(d.health.score).toBe(100 - 10 - 25);
  });

  it('costs oversold-pool points with what may be listed, and overstock with the keep window', () => {
    const s = defaultSettings();
    const pool = {
      listed: 300,
      checkListed: true,
      members: [
        { key: 'a', weight: 1, velocity: 1, buffer: { kind: 'fixed' as const, value: 26 } },
        { key: 'b', weight: 1, velocity: 1 },
      ],
    };
    const d = through(health, situation({ available: 226, destination: 'SELLER', poolId: 'own:main', pool }, { rate: 1, settings: s }));
    expect(d.health.reasons.find((r) => r.code === 'oversold-pool')!.params).toEqual({ listed: 300, pool: 200 });
    // 226 units at 1/day against 60 + 60 days kept: overstock too.
    expect(d.health.reasons.find((r) => r.code === 'overstock-90d')!.params).toEqual({ daysOfCover: 226, limitDays: 120 });
    expect(d.health.score).toBe(100 - s.healthWeights.oversoldPool - s.healthWeights.overstock90d);
  });

  it('is 100 minus the points, never below 0, and follows the seller’s weights', () => {
    const s = defaultSettings();
    const bad = situation(
      { available: 0, pendingUnits: 20, unfulfillable: 3, series: constantSeries(0, 120), ageBuckets: [{ minDays: 200, maxDays: 300, units: 5 }] },
      { rate: 0.1, settings: s },
    );
    const d = through(health, bad);
    expect(lost(d)).toBeGreaterThan(0);
    expect(d.health.score).toBe(Math.max(0, 100 - lost(d)));
    s.healthWeights.outOfStock = 0;
    s.healthWeights.pendingAboveStock = 0;
    const light = through(health, situation({ available: 0, pendingUnits: 20, series: constantSeries(0, 120) }, { rate: 0.1, settings: s }));
    expect(light.health.reasons.map((r) => r.code)).not.toContain('out-of-stock');
    expect(light.health.score).toBe(100 - lost(light));
  });
});
