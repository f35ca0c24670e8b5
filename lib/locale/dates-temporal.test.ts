import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { isoDateInZone } from './dates';
import { MARKETPLACES } from './markets';

/**
 * Chromium has Temporal and Node 20 does not, so the content script and these tests take
 * different paths through isoDateInZone: with a Temporal (the polyfill standing in for the
 * engine's) it must give the day Intl gives, in every marketplace zone, at every hour of a year
 * with its daylight-saving changes.
 */
describe('isoDateInZone with Temporal', () => {
  const zones = [...new Set(MARKETPLACES.map((m) => m.timeZone))];
  const intlDay = (instant: Date, timeZone: string) => isoDateInZone(instant, timeZone);
  let expected: Map<string, string[]>;

  beforeEach(() => {
    // The Intl answers first, before Temporal is installed.
    expected = new Map(zones.map((zone) => [zone, hoursOf2026().map((t) => intlDay(t, zone))]));
    (globalThis as { Temporal?: unknown }).Temporal = Temporal;
  });
  afterEach(() => {
    delete (globalThis as { Temporal?: unknown }).Temporal;
  });

  it('gives the same day as Intl in every marketplace zone, every hour of 2026', () => {
    for (const zone of zones) {
      const hours = hoursOf2026();
      const got = hours.map((t) => isoDateInZone(t, zone));
      const wrong = got.flatMap((day, i) => (day === expected.get(zone)![i] ? [] : [`${hours[i]!.toISOString()} ${day}`]));
      expect(wrong, zone).toEqual([]);
    }
  });

  it('is the path taken when the engine has Temporal', () => {
    const seen: string[] = [];
    const spy = {
      ...Temporal,
      Instant: { fromEpochMilliseconds: (ms: number) => (seen.push(new Date(ms).toISOString()), Temporal.Instant.fromEpochMilliseconds(ms)) },
    };
    (globalThis as { Temporal?: unknown }).Temporal = spy;
    expect(isoDateInZone(new Date('2026-03-01T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-02-28');
    expect(seen).toEqual(['2026-03-01T05:00:00.000Z']);
  });
});

function hoursOf2026(): Date[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: 365 * 24 }, (_, h) => new Date(start + h * 3_600_000));
}
