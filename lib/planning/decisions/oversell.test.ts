import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../settings/schema';
import { listingAt } from '../fixtures';
import { allocatePool, bufferUnits, type AllocationMember } from '../allocation';
import { planFromObservations } from '../plan';
import { oversell } from './oversell';
import { constantSeries, situation, through, TODAY, unknownStock } from './test-situation';

const CHANNELS = [
  { platform: 'amazon', marketplace: 'amazon.com', velocity: 3 },
  { platform: 'ebay', marketplace: 'ebay.com', velocity: 1 },
  { platform: 'walmart', marketplace: 'walmart.com', velocity: 0.5 },
] as const;

function bufferedSettings(): Settings {
  const s = defaultSettings();
  s.safetyBuffers = { amazon: { kind: 'percent', value: 10 }, 'walmart|walmart.com': { kind: 'fixed', value: 5 } };
  return s;
}

/** Pool members the way plan.ts builds them: buffers and weights by "platform|marketplace", then "platform". */
function members(s: Settings): AllocationMember[] {
  return CHANNELS.map((c) => ({
    key: `${c.platform}|${c.marketplace}|LAMP`,
    weight: s.allocationWeights[`${c.platform}|${c.marketplace}`] ?? s.allocationWeights[c.platform] ?? 1,
    velocity: c.velocity,
    buffer: s.safetyBuffers[`${c.platform}|${c.marketplace}`] ?? s.safetyBuffers[c.platform],
  }));
}

function ownPool(listed: number, available: number | null, s: Settings, fields = {}) {
  return situation(
    {
      key: 'pool:LAMP@own:main',
      scope: 'pool',
      sku: 'LAMP',
      platform: null,
      marketplace: null,
      poolId: 'own:main',
      destination: 'SELLER',
      productId: 'LAMP',
      available,
      stockSource: available === null ? 'unknown' : 'count',
      stockHint: available === null ? 'count' : null,
      series: constantSeries(4.5),
      pool: { listed, checkListed: true, members: members(s) },
      ...fields,
    },
    { rate: 4.5, settings: s },
  );
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

describe('oversell decision', () => {
  it('listed above the pool minus every channel’s buffer: the excess listed, and an allocation of what may be listed', () => {
    const s = bufferedSettings();
    const d = through(oversell, ownPool(300, 226, s));
    // Buffers: amazon 10% of 226 rounded up = 23, walmart 5 fixed, eBay none: 198 may be listed.
    expect(bufferUnits(226, s.safetyBuffers.amazon)).toBe(23);
    expect(d.oversell.listedAbovePool).toBe(300 - 198);
    expect(d.oversell.atRisk).toBe(true);
    expect(d.oversell.pendingAboveStock).toBe(0);
    expect(Object.keys(d.oversell.allocation).sort()).toEqual(['amazon|amazon.com|LAMP', 'ebay|ebay.com|LAMP', 'walmart|walmart.com|LAMP']);
    expect(sum(d.oversell.allocation)).toBe(198);
    // The faster channel gets more.
    expect(d.oversell.allocation['amazon|amazon.com|LAMP']!).toBeGreaterThan(d.oversell.allocation['ebay|ebay.com|LAMP']!);
  });

  it('is not at risk when the channels list exactly what may be listed', () => {
    const d = through(oversell, ownPool(198, 226, bufferedSettings()));
    expect(d.oversell.listedAbovePool).toBe(0);
    expect(d.oversell.atRisk).toBe(false);
    expect(sum(d.oversell.allocation)).toBe(198);
  });

  it('seller weights steer the split; a zero weight lists nothing there', () => {
    const s = bufferedSettings();
    s.allocationWeights = { ebay: 0 };
    const d = through(oversell, ownPool(198, 226, s));
    expect(d.oversell.allocation['ebay|ebay.com|LAMP']).toBe(0);
    expect(sum(d.oversell.allocation)).toBe(198);
  });

  it('allocates the stock of today, not of the reading: sales since are taken off first', () => {
    const s = bufferedSettings();
    const sit = ownPool(300, 236, s, { stockDay: TODAY - 2 }); // 2 days at 4.5 since: 227
    expect(sit.stock).toBe(227);
    const d = through(oversell, sit);
    const listable = 227 - bufferUnits(227, s.safetyBuffers.amazon) - 5;
    expect(sum(d.oversell.allocation)).toBe(listable);
    expect(d.oversell.listedAbovePool).toBe(300 - listable);
    expect(d.oversell.allocation).toEqual(allocatePool(227, members(s)));
  });

  it('does not check listed quantities of stock the channels show their own count of (FBA), nor unknown stock', () => {
    expect(through(oversell, situation({ available: 100 })).oversell).toEqual({ pendingAboveStock: 0, listedAbovePool: 0, atRisk: false, allocation: {} });
    const unknown = through(oversell, ownPool(300, null, bufferedSettings()));
    expect(unknown.oversell).toEqual({ pendingAboveStock: 0, listedAbovePool: 0, atRisk: false, allocation: {} });
    const unchecked = through(
      oversell,
      ownPool(300, 226, bufferedSettings(), { pool: { listed: 300, checkListed: false, members: members(bufferedSettings()) } }),
    );
    // An estimate from the listed quantities is not checked for oversell, but is still split across the channels.
    expect(unchecked.oversell.listedAbovePool).toBe(0);
    expect(unchecked.oversell.atRisk).toBe(false);
    expect(Object.values(unchecked.oversell.allocation).reduce((a, b) => a + b, 0)).toBe(198);
  });

  it('pending orders above the units on hand (reserved units serve them too)', () => {
    const d = through(oversell, situation({ available: 3, reserved: 1, pendingUnits: 9 }));
    expect(d.oversell.pendingAboveStock).toBe(5);
    expect(d.oversell.atRisk).toBe(true);
    expect(through(oversell, situation(unknownStock({ pendingUnits: 9 }))).oversell.pendingAboveStock).toBe(0);
  });

  it('end to end: settings.safetyBuffers reach the own-warehouse pool plan and its members’ channel lines', () => {
    const s = bufferedSettings();
    const obs = CHANNELS.map((c, i) =>
      listingAt('2026-03-01', { platform: c.platform, marketplace: c.marketplace, sku: 'LAMP', fulfillment: 'SELLER', available: [150, 100, 50][i]! }),
    );
    const plans = planFromObservations(obs, s, new Date('2026-03-01T12:00:00Z'), { poolCounts: { 'LAMP@own:main': { onHand: 226, date: '2026-03-01' } } });
    const pool = plans.find((p) => p.key === 'pool:LAMP@own:main')!;
    expect(pool.available).toBe(226);
    expect(pool.stock.source).toBe('count');
    expect(pool.oversell.listedAbovePool).toBe(102);
    expect(pool.alerts.find((a) => a.code === 'oversell-pool')).toEqual({ code: 'oversell-pool', severity: 'critical', params: { listed: 300, pool: 198 } });
    const lines = plans.filter((p) => p.poolKey === pool.key).map((p) => p.channel!);
    expect(lines.length).toBe(3);
    expect(lines.reduce((a, l) => a + l.suggested, 0)).toBe(198);
    expect(lines.map((l) => l.buffer).sort((a, b) => a - b)).toEqual([0, 5, 23]);
    expect(lines.map((l) => l.listed).sort((a, b) => a! - b!)).toEqual([50, 100, 150]);
  });
});
