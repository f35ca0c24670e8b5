import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, type Settings } from '../settings/schema';
import { DEFAULT_AIR_TRANSIT_DAYS, physicalReorders, purchaseLine, purchasePlan, stockKeyOf, unitCostOf, type PurchasePlanOptions } from './index';
import { planWith } from './test-purchasing';

/** MUG from acme (MOQ 200, cases of 24, 20 production days, 35 days to FBA); LAMP from nobody. */
function settingsWith(fields: Partial<Settings> = {}): Settings {
  const s = defaultSettings();
  return {
    ...s,
    leadTimes: {
      ...s.leadTimes,
      suppliers: { acme: { productionDays: 20, transitDays: { FBA: 35 }, moq: 200, casePack: 24 } },
      skuSupplier: { MUG: 'acme' },
    },
    unitCostMinorBySku: { MUG: 450 },
    ...fields,
  };
}
const options: PurchasePlanOptions = { today: '2026-03-04', weeks: 4, currency: 'USD' };
const mug = planWith({ reorderQuantity: 101 });
const lamp = planWith({ productId: 'LAMP', sku: 'LAMP', poolId: 'own:main', reorderDate: '2026-03-20', reorderQuantity: 37, abcClass: 'B' });

describe('purchaseLine', () => {
  it("rounds to the supplier's MOQ and cases, prices it and dates both arrivals", () => {
    expect(purchaseLine(mug, settingsWith(), options)).toMatchObject({
      stockKey: 'MUG@fba:NA',
      supplierId: 'acme',
      destination: 'FBA',
      orderBy: '2026-03-10',
      quantity: 216,
      cases: 9,
      casePack: 24,
      moq: 200,
      unitCostMinor: 450,
      lineValueMinor: 216 * 450,
      currency: 'USD',
      abcClass: 'A',
      arrivalBySea: '2026-05-04', // 10 Mar + 20 + 35
      arrivalByAir: '2026-04-09', // 10 Mar + 20 + 10 (the default air transit)
    });
    expect(DEFAULT_AIR_TRANSIT_DAYS).toBe(10);
    expect(purchaseLine(mug, settingsWith(), { ...options, airTransitDays: 5 })!.arrivalByAir).toBe('2026-04-04');
  });
  it("uses the destination's transit and the default production without a supplier, and orders an overdue reorder today", () => {
    const line = purchaseLine({ ...lamp, reorderDate: '2026-02-20', reorderDaysLate: 12 }, settingsWith(), options)!;
    expect(line).toMatchObject({ supplierId: null, destination: 'SELLER', orderBy: '2026-03-04', daysLate: 12, quantity: 37, moq: 1, casePack: 1 });
    expect(line.arrivalBySea).toBe('2026-05-03'); // 4 Mar + 30 production + 30 transit
    expect(line.unitCostMinor).toBeNull();
    expect(line.lineValueMinor).toBeNull();
  });
  it('carries the stockout that counts inbound arriving in time, and the freight split', () => {
    const late = planWith({ reorderQuantity: 600, stockoutDate: '2026-04-15', abcClass: null });
    expect(purchaseLine(late, settingsWith(), options)!.freight).toMatchObject({ mode: 'split', airUnits: 264, seaUnits: 336 }); // 25 days x 10 = 250 -> 11 cases
    const rescued = { ...late, inbound: 500, inboundArrivalDate: '2026-04-01', stockoutDateWithInbound: '2026-06-01' };
    expect(purchaseLine(rescued, settingsWith(), options)).toMatchObject({ stockoutDate: '2026-06-01', freight: { mode: 'sea' } });
  });
  it('is null when placed orders covered the suggestion', () => {
    expect(purchaseLine({ ...mug, reorderQuantity: 0 }, settingsWith(), options)).toBeNull();
  });
});

describe('unitCostOf', () => {
  const s = settingsWith({ unitCostMinorBySku: { MUG: 450, FREE: 0 } });
  it("is the seller's cost, else the price less the margin, else unknown, never 0", () => {
    expect(unitCostOf('MUG', s, 'USD', { amountMinor: 1899, currency: 'USD' })).toEqual({ amountMinor: 450, currency: 'USD' });
    expect(unitCostOf('LAMP', s, 'USD', { amountMinor: 1899, currency: 'EUR' })).toEqual({ amountMinor: 1329, currency: 'EUR' });
    expect(unitCostOf('LAMP', s, 'USD')).toEqual({ amountMinor: null, currency: 'USD' });
    expect(unitCostOf('FREE', s, 'USD').amountMinor).toBeNull();
    expect(unitCostOf('LAMP', { ...s, defaultMarginPct: 100 }, 'USD', { amountMinor: 1899, currency: 'USD' }).amountMinor).toBeNull();
  });
});

describe('purchasePlan', () => {
  it('groups by due week and supplier, totals what is priced, and counts what is later', () => {
    const far = planWith({ productId: 'VASE', sku: 'VASE', reorderDate: '2026-05-01' });
    const plan = purchasePlan([{ ...lamp, abcClass: null }, mug, far], settingsWith(), {
      ...options,
      prices: { LAMP: { amountMinor: 1000, currency: 'USD' } },
    });
    expect(plan.firstWeek).toBe('2026-03-02');
    expect(plan.laterReorders).toBe(1);
    expect(plan.groups.map((g) => [g.weekStart, g.supplierId, g.lines.map((l) => l.sku), g.totals, g.unknownCostLines])).toEqual([
      ['2026-03-09', 'acme', ['MUG'], [{ amountMinor: 216 * 450, currency: 'USD' }], 0],
      ['2026-03-16', null, ['LAMP'], [{ amountMinor: 37 * 700, currency: 'USD' }], 0],
    ]);
  });
  it('orders once per physical reorder, whatever the number of channels showing it', () => {
    const member = { ...mug, key: 'amazon|amazon.com|MUG', scope: 'listing' as const, poolKey: mug.key };
    const plan = purchasePlan([member, mug, { ...member, key: 'amazon|amazon.ca|MUG' }], settingsWith(), options);
    expect(plan.groups.flatMap((g) => g.lines).map((l) => l.planKey)).toEqual([mug.key]);
  });
  it('shows the units on order the cached plan is net of, rounds what is left to the MOQ again, and counts covered stocks', () => {
    const member = { ...mug, key: 'amazon|amazon.com|MUG', scope: 'listing' as const, poolKey: mug.key, onOrder: 60, reorderQuantity: 41 };
    const [line] = purchasePlan([{ ...mug, onOrder: 60, reorderQuantity: 41 }, member], settingsWith(), options).groups.flatMap((g) => g.lines);
    expect(line).toMatchObject({ onOrderUnits: 60, quantity: 216 });
    const covered = planWith({ reorderQuantity: 0, reorderDate: null, onOrder: 48 });
    const plan = purchasePlan([covered, { ...covered, key: 'amazon|amazon.com|MUG', scope: 'listing', poolKey: covered.key }], settingsWith(), options);
    expect(plan.groups).toEqual([]);
    expect(plan.coveredReorders).toBe(1);
  });

  const planArb = fc.record({
    product: fc.constantFrom('MUG', 'LAMP', 'VASE', 'CUP'),
    pool: fc.constantFrom('fba:NA', 'own:main', 'wfs:walmart.com'),
    member: fc.boolean(),
    reorderDay: fc.integer({ min: 1, max: 80 }),
    quantity: fc.integer({ min: 0, max: 3000 }),
  });
  const supplierArb = fc.record({ moq: fc.integer({ min: 1, max: 500 }), casePack: fc.integer({ min: 1, max: 60 }), productionDays: fc.nat(60) });
  const settingsArb = fc
    .record({ a: supplierArb, b: supplierArb, map: fc.array(fc.constantFrom('a', 'b', 'x', undefined), { minLength: 4, maxLength: 4 }) })
    .map((r): Settings => {
      const s = defaultSettings();
      const skuSupplier: Record<string, string> = {};
      ['MUG', 'LAMP', 'VASE', 'CUP'].forEach((sku, i) => r.map[i] && (skuSupplier[sku] = r.map[i]));
      return { ...s, leadTimes: { ...s.leadTimes, suppliers: { a: { ...r.a, transitDays: {} }, b: { ...r.b, transitDays: {} } }, skuSupplier } };
    });
  const day = (n: number) => new Date(Date.UTC(2026, 1, n)).toISOString().slice(0, 10);
  // One answer per stock, as the re-plan caches them: a stock's first row sets its reorder, and a
  // later row of the same stock is one of its listings repeating it (two pool plans with one key
  // and two different reorders is no store's state).
  const plansOf = (rows: (typeof planArb extends fc.Arbitrary<infer T> ? T : never)[]) => {
    const answers = new Map<string, { reorderDay: number; quantity: number }>();
    return rows.map((r, i) => {
      const stock = `${r.product}@${r.pool}`;
      const member = r.member || answers.has(stock);
      const answer = answers.get(stock) ?? { reorderDay: r.reorderDay, quantity: r.quantity };
      answers.set(stock, answer);
      return planWith({
        key: member ? `listing-${i}` : `pool:${stock}`,
        scope: member ? 'listing' : 'pool',
        ...(member ? { poolKey: `pool:${stock}` } : {}),
        productId: r.product,
        sku: r.product,
        poolId: r.pool,
        reorderDate: day(answer.reorderDay),
        reorderQuantity: answer.quantity,
      });
    });
  };

  it('never puts a line below its MOQ, and every line is whole cases', () => {
    fc.assert(
      fc.property(fc.array(planArb, { maxLength: 12 }), settingsArb, (rows, settings) => {
        for (const line of purchasePlan(plansOf(rows), settings, { ...options, today: '2026-02-10', weeks: 8 }).groups.flatMap((g) => g.lines)) {
          expect(line.quantity).toBeGreaterThanOrEqual(line.moq);
          expect(line.quantity % line.casePack).toBe(0);
          expect(line.cases * line.casePack).toBe(line.quantity);
          const supplier = line.supplierId === null ? undefined : settings.leadTimes.suppliers[line.supplierId];
          expect(line.moq).toBe(supplier?.moq ?? settings.defaultMoq);
          expect(line.casePack).toBe(supplier?.casePack ?? settings.defaultCasePack);
        }
      }),
    );
  });

  it('grouping never loses or duplicates a reorder', () => {
    fc.assert(
      fc.property(fc.array(planArb, { maxLength: 12 }), settingsArb, fc.integer({ min: 1, max: 12 }), (rows, settings, weeks) => {
        const plans = plansOf(rows);
        const result = purchasePlan(plans, settings, { ...options, today: '2026-02-10', weeks });
        const lines = result.groups.flatMap((g) => g.lines);
        const expected = physicalReorders(plans).map(stockKeyOf);
        expect(new Set(expected).size).toBe(expected.length);
        // Each physical reorder is on exactly one line, or counted as later.
        const keys = lines.map((l) => l.stockKey);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.every((k) => expected.includes(k))).toBe(true);
        expect(lines.length + result.laterReorders).toBe(expected.length);
        expect(result.coveredReorders).toBe(0);
        const end = new Date(Date.UTC(2026, 1, 9 + 7 * weeks)).toISOString().slice(0, 10); // weeks from Monday 9 Feb
        for (const p of physicalReorders(plans))
          if (!keys.includes(stockKeyOf(p))) expect(p.reorderDate! >= end, `${p.reorderDate} is after ${end}`).toBe(true);
        for (const g of result.groups)
          for (const l of g.lines) {
            expect(g.supplierId).toBe(settings.leadTimes.skuSupplier[l.sku] ?? null);
            expect(g.weekStart <= l.orderBy && l.orderBy < new Date(Date.parse(g.weekStart) + 7 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
          }
        expect(new Set(result.groups.map((g) => `${g.weekStart}|${g.supplierId}`)).size).toBe(result.groups.length);
      }),
    );
  });
});
