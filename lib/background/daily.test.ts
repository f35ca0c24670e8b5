import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../locale/dates';
import type { Observation } from '../records';
import { defaultSettings } from '../settings';
import { mergeObservations, openStore, updateSettings, type StoreDb } from '../store';
import { runDailyMaintenance } from './daily';
import { createReplanner } from './replan';
import { allObservations } from '../store/test-helpers';

const NOW = new Date('2026-11-20T18:00:00Z');
let db: StoreDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/** Three readings a day of one listing, for `days` days up to NOW: one unit sold between readings. */
function readings(days: number): Observation[] {
  return Array.from({ length: days * 3 }, (_, i) => {
    const day = addDays('2026-11-20', -Math.floor(i / 3));
    return {
      kind: 'listing',
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: 'amazon/manage-inventory',
      sku: 'A',
      fulfillment: 'FBA',
      observedAt: `${day}T${String(10 + (i % 3) * 2).padStart(2, '0')}:00:00.000Z`,
      observedDate: day,
      available: 500 + Math.floor(i / 3) * 3 - (i % 3),
    } satisfies Observation;
  });
}

describe('runDailyMaintenance', () => {
  it('folds readings past the configured window into one per day, keeps recent ones, and re-plans', async () => {
    db = await openStore(`daily-${Math.random()}`);
    await updateSettings(db, () => ({ ...defaultSettings(), compaction: { rawObservationDays: 30 } }), NOW);
    await mergeObservations(db, readings(60), NOW);
    const before = (await allObservations(db)).length;
    const replanned: (readonly string[] | undefined)[] = [];
    const result = await runDailyMaintenance(db, NOW, async (ids) => {
      replanned.push(ids);
    });
    // ~30 old days x up to 3 readings became one summary per day; the last 30 days are untouched.
    expect(result.summaries).toBeGreaterThanOrEqual(29);
    expect(result.summaries).toBeLessThanOrEqual(31);
    expect((await allObservations(db)).length).toBeLessThan(before);
    const since = new Date(NOW.getTime() - 29 * 86_400_000).toISOString();
    const recent = (await allObservations(db)).filter((o) => o.observedAt > since).length;
    expect(recent).toBeGreaterThanOrEqual(29 * 2);
    expect(replanned).toEqual([undefined]);
  });

  // Folding keeps each day's last reading, so daily totals survive; the plan moves a little
  // (about 4% here, from the in-day readings of the oldest raw day), never by much.
  it('plans nearly the same after compaction as before it', async () => {
    db = await openStore(`daily-${Math.random()}`);
    await updateSettings(db, () => ({ ...defaultSettings(), compaction: { rawObservationDays: 30 } }), NOW);
    await mergeObservations(db, readings(60), NOW);
    const replanner = createReplanner(db, () => NOW);
    await replanner.replan(undefined);
    const before = (await db.plans.toArray()).map((p) => p.plan.daysOfCover);
    await runDailyMaintenance(db, NOW, (ids) => replanner.replan(ids));
    const after = (await db.plans.toArray()).map((p) => p.plan.daysOfCover);
    expect(after).toHaveLength(before.length);
    after.forEach((cover, i) => expect(Math.abs(cover! - before[i]!) / before[i]!).toBeLessThan(0.05));
  });
});
