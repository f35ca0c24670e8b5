import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListingObservation } from '../records';
import { defaultSettings } from '../settings/schema';
import { dayNumber, isoDate } from './days';
import { listingAt } from './fixtures';
import { inboundAppeared, inboundReadingsOf } from './inbound-arrival';
import { extendReadingFacts } from './reading-facts-extend';
import { reconstructDemand } from './reconstruct';
import { continuationOf } from './reconstruct-extend';
import { listingFactsOf, readingFactsOf } from './stock-groups';

const FIRST = dayNumber('2026-05-01');
const NOW = new Date('2026-09-01T12:00:00Z');

const readingArb = fc.record({
  gap: fc.constantFrom(0, 0, 1, 3, 7),
  available: fc.integer({ min: 0, max: 300 }),
  inbound: fc.option(fc.constantFrom(0, 0, 50, 120, 300), { nil: undefined }),
  reserved: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  price: fc.option(fc.integer({ min: 100, max: 900 }), { nil: undefined }),
  status: fc.option(fc.constantFrom('active', 'ended', 'suppressed' as const), { nil: undefined }),
  fulfillment: fc.option(fc.constantFrom('FBA' as const, 'SELLER' as const), { nil: undefined }),
  fbaSource: fc.boolean(),
  daysOfSupply: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  // Windowed counts on some readings only (a newest reading with them has no continuation).
  sold7: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 1 }),
});

type Step = typeof readingArb extends fc.Arbitrary<infer T> ? T : never;

/** Readings one after another in time (0-day gaps: later the same day). */
function readingsOf(steps: readonly Step[]): ListingObservation[] {
  let day = FIRST;
  return steps.map((s, i) => {
    day += s.gap;
    const date = isoDate(day);
    return listingAt(date, {
      platform: 'amazon',
      marketplace: 'amazon.com',
      source: s.fbaSource ? 'amazon/fba-inventory' : 'amazon/inventory',
      observedAt: `${date}T${String(6 + i).padStart(2, '0')}:00:00.000Z`,
      available: s.available,
      ...(s.inbound !== undefined ? { inbound: s.inbound } : {}),
      ...(s.reserved !== undefined ? { reserved: s.reserved } : {}),
      ...(s.price !== undefined ? { price: { amountMinor: s.price, currency: 'USD' } } : {}),
      ...(s.status !== undefined ? { status: s.status } : {}),
      ...(s.fulfillment !== undefined ? { fulfillment: s.fulfillment } : {}),
      ...(s.daysOfSupply !== undefined ? { platformHistoricalDaysOfSupply: s.daysOfSupply } : {}),
      ...(s.sold7 !== undefined ? { unitsSold: [{ windowDays: 7, units: s.sold7 }] } : {}),
    });
  });
}

function factsOf(readings: readonly ListingObservation[]) {
  return readingFactsOf(listingFactsOf(readings, defaultSettings(), NOW, {})[0]!);
}

describe('extendReadingFacts', () => {
  it('gives the facts of the old readings and the new together', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(readingArb, { minLength: 2, maxLength: 14 }), fc.integer({ min: 1, max: 13 }), (steps, splitAt) => {
        const readings = readingsOf(steps);
        const split = Math.min(splitAt, readings.length - 1);
        const old = readings.slice(0, split);
        const continuation = continuationOf(old, dayNumber(old.at(-1)!.observedDate), reconstructDemand(old, { end: old.at(-1)!.observedDate }));
        // Without a continuation a re-plan rebuilds, and never extends the facts.
        if (!continuation) return;
        compared++;
        expect(extendReadingFacts(factsOf(old), continuation.lastShown, readings.slice(split))).toEqual(factsOf(readings));
      }),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('dates the inbound from the walk over old and new readings', () => {
    const old = [listingAt('2026-05-01', { available: 50, inbound: 0 }), listingAt('2026-05-08', { available: 40, inbound: 300 })];
    const continuation = continuationOf(old, dayNumber('2026-05-08'), reconstructDemand(old, { end: '2026-05-08' }))!;
    // Still being received: the old window stands.
    const receiving = [listingAt('2026-05-15', { available: 100, inbound: 200 })];
    expect(extendReadingFacts(factsOf(old), continuation.lastShown, receiving).inboundAppeared).toEqual(factsOf([...old, ...receiving]).inboundAppeared);
    expect(extendReadingFacts(factsOf(old), continuation.lastShown, receiving).inboundAppeared).toEqual({
      from: dayNumber('2026-05-02'),
      to: dayNumber('2026-05-08'),
    });
    // A new shipment raised the inbound: a new window.
    const raised = [listingAt('2026-05-15', { available: 30, inbound: 500 })];
    expect(extendReadingFacts(factsOf(old), continuation.lastShown, raised).inboundAppeared).toEqual({
      from: dayNumber('2026-05-09'),
      to: dayNumber('2026-05-15'),
    });
  });
});

describe('extendReadingFacts fulfilment', () => {
  it('takes FBA from a new reading of an FBA page when no reading said how the listing ships', () => {
    const old = [listingAt('2026-05-01', { platform: 'amazon', source: 'amazon/inventory', available: 5 })];
    const added = [listingAt('2026-05-02', { platform: 'amazon', source: 'amazon/fba-inventory', available: 4 })];
    const continuation = continuationOf(old, dayNumber('2026-05-01'), reconstructDemand(old, { end: '2026-05-01' }))!;
    expect(factsOf(old).fulfillment).toBeUndefined();
    expect(extendReadingFacts(factsOf(old), continuation.lastShown, added).fulfillment).toBe('FBA');
    expect(factsOf([...old, ...added]).fulfillment).toBe('FBA');
  });
});

describe('inboundReadingsOf', () => {
  it('puts the later of two readings on one day last, so it is the newest inboundAppeared reads', () => {
    const morning = listingAt('2026-05-08', { observedAt: '2026-05-08T08:00:00Z', inbound: 300 });
    const evening = listingAt('2026-05-08', { observedAt: '2026-05-08T20:00:00Z', inbound: 0 });
    // Received during the day: nothing is inbound any more.
    expect(inboundAppeared(inboundReadingsOf([evening, morning]))).toBeNull();
  });
});
