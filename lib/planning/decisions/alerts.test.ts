import { describe, expect, it } from 'vitest';
import { ALERT_CATALOGUE, ALERT_CODES } from '../catalogue';
import { alerts, salesHint } from './alerts';
import { constantSeries, seriesOf, situation, through, TODAY, unknownSeries, unknownStock } from './test-situation';

const codes = (d: { alerts: { code: string }[] }) => d.alerts.map((a) => a.code);

describe('alerts decision', () => {
  it('unknown stock: a stock-unknown alert with the page that would show it, and no stock alerts', () => {
    const d = through(alerts, situation(unknownStock({ pendingUnits: 5 }), { rate: 10 }));
    expect(d.alerts.find((a) => a.code === 'stock-unknown')).toEqual({
      code: 'stock-unknown',
      severity: 'info',
      params: { hint: 'open:amazon/fba-inventory' },
    });
    for (const code of ['stockout-within', 'reorder-now', 'oversell-pending', 'no-sale', 'stock-estimated']) expect(codes(d)).not.toContain(code);
    // An own warehouse nobody counted: the hint is a count.
    const own = through(alerts, situation(unknownStock({ destination: 'SELLER', poolId: 'own:main', stockHint: 'count' }), { rate: 10 }));
    expect(own.alerts.find((a) => a.code === 'stock-unknown')!.params).toEqual({ hint: 'count' });
  });

  it('estimated stock says so, with the count that would make it exact; a reading or count says nothing', () => {
    const listed = through(
      alerts,
      situation({ destination: 'SELLER', poolId: 'own:main', stockSource: 'listed', stockHint: 'count', available: 500 }, { rate: 1 }),
    );
    expect(listed.alerts.filter((a) => a.code === 'stock-estimated')).toEqual([{ code: 'stock-estimated', severity: 'info', params: { hint: 'count' } }]);
    for (const source of ['reading', 'count'] as const) {
      const d = through(alerts, situation({ stockSource: source, available: 500 }, { rate: 1 }));
      expect(codes(d).filter((c) => c.startsWith('stock-'))).toEqual([]);
    }
  });

  it('no known sales: a sales-unknown alert with the page or import per destination', () => {
    const cases = [
      ['FBA', 'open:amazon/fba-inventory'],
      ['WFS', 'open:walmart/wfs-inventory'],
      ['SELLER', 'import:orders'],
    ] as const;
    for (const [destination, hint] of cases) {
      expect(salesHint(destination)).toBe(hint);
      const d = through(alerts, situation({ destination, series: unknownSeries() }, { rate: 1 }));
      expect(d.alerts.filter((a) => a.code === 'sales-unknown')).toEqual([{ code: 'sales-unknown', severity: 'info', params: { hint } }]);
    }
    expect(codes(through(alerts, situation({}, { rate: 10 })))).not.toContain('sales-unknown');
  });

  it('an overdue reorder: critical reorder-now with the real due date and days late', () => {
    const d = through(alerts, situation({ available: 100 }, { rate: 10, spread: 0 }));
    expect(d.alerts.find((a) => a.code === 'reorder-now')).toEqual({
      code: 'reorder-now',
      severity: 'critical',
      params: { reorderDate: '2025-12-31', quantity: 1200, daysLate: 60 },
    });
    // Due in 30 days: no alert yet.
    expect(codes(through(alerts, situation({ available: 1000 }, { rate: 10, spread: 0 })))).not.toContain('reorder-now');
  });

  it('stockout within the window: critical within a week, warning after; none when nothing sells', () => {
    const soon = through(alerts, situation({ available: 50 }, { rate: 10 })).alerts.find((a) => a.code === 'stockout-within')!;
    expect(soon.severity).toBe('critical');
    expect(soon.params.days).toBe(5); // the 51st customer comes 5.1 days ahead: 5 whole days, as the panel says
    expect(soon.params.stockoutDate).toBe('2026-03-07');
    expect(through(alerts, situation({ available: 100 }, { rate: 10 })).alerts.find((a) => a.code === 'stockout-within')!.severity).toBe('warning');
    expect(codes(through(alerts, situation({ available: 300 }, { rate: 10 })))).not.toContain('stockout-within');
    expect(codes(through(alerts, situation({ available: 1, series: constantSeries(0) }, { rate: 0 })))).not.toContain('stockout-within');
  });

  it('inbound arriving before the shelf empties is no stockout alarm; arriving after it, a gap alert says how long the shelf is empty', () => {
    const transit = situation().lead.transitDays;
    // 50 on hand at 10/day (out in 5 days); 400 inbound arriving in 3 days: out in about 45 days.
    const inTime = through(
      alerts,
      situation({ available: 50, inbound: 400, inboundAppeared: { from: TODAY + 3 - transit, to: TODAY + 3 - transit } }, { rate: 10, spread: 0 }),
    );
    expect(codes(inTime)).not.toContain('stockout-within');
    expect(codes(inTime)).not.toContain('runs-out-before-inbound');
    // The same inbound arriving in 12 days: out on day 6, six days before it arrives.
    const late = through(
      alerts,
      situation({ available: 50, inbound: 400, inboundAppeared: { from: TODAY + 12 - transit, to: TODAY + 12 - transit } }, { rate: 10, spread: 0 }),
    );
    expect(late.alerts.find((a) => a.code === 'runs-out-before-inbound')).toEqual({
      code: 'runs-out-before-inbound',
      severity: 'warning',
      params: { stockoutDate: '2026-03-07', arrivalDate: '2026-03-13', inbound: 400, days: 6 },
    });
    expect(late.alerts.find((a) => a.code === 'stockout-within')!.params.stockoutDate).toBe('2026-03-07');
    // Nothing inbound: no gap alert.
    expect(codes(through(alerts, situation({ available: 50 }, { rate: 10 })))).not.toContain('runs-out-before-inbound');
  });

  it('no sale for 30 in-stock days, but not when out of stock or the stock is unknown', () => {
    const quiet = constantSeries(0, 120);
    expect(through(alerts, situation({ available: 40, series: quiet }, { rate: 0.1 })).alerts.find((a) => a.code === 'no-sale')!.params).toEqual({ days: 120 });
    expect(codes(through(alerts, situation({ available: 0, series: quiet }, { rate: 0.1 })))).not.toContain('no-sale');
    expect(codes(through(alerts, situation(unknownStock({ series: quiet }), { rate: 0.1 })))).not.toContain('no-sale');
  });

  it('selling below the forecast while sold out is the stockout itself, not an off-forecast alert', () => {
    const below = constantSeries(2, 60);
    expect(
      through(alerts, situation({ available: 40, series: below }, { rate: 10 })).alerts.find((a) => a.code === 'sales-off-forecast')!.params.direction,
    ).toBe('below');
    expect(codes(through(alerts, situation({ available: 0, series: below }, { rate: 10 })))).not.toContain('sales-off-forecast');
  });

  it('a spike is dated on its day', () => {
    const spike = seriesOf([...Array.from({ length: 59 }, () => 10), 40]);
    expect(through(alerts, situation({ series: spike }, { rate: 10 })).alerts.find((a) => a.code === 'sales-spike')!.params).toMatchObject({
      date: '2026-03-01',
      units: 40,
    });
    expect(TODAY).toBe(spike.startDay + 59);
  });

  it('lists alerts in the catalogue’s order, each with the params its message needs and a severity it may take', () => {
    const d = through(
      alerts,
      situation(
        { available: 50, pendingUnits: 80, stockSource: 'listed', stockHint: 'count', destination: 'SELLER', poolId: 'own:main' },
        { rate: 10, spread: 0 },
      ),
    );
    expect(codes(d)).toEqual(['stockout-within', 'reorder-now', 'oversell-pending', 'stock-estimated']);
    const order = codes(d).map((c) => ALERT_CODES.indexOf(c as never));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const a of d.alerts) {
      const entry = ALERT_CATALOGUE[a.code];
      for (const p of entry.params) expect(a.params, `${a.code}.${p}`).toHaveProperty(p);
      const allowed: readonly string[] = 'severities' in entry ? entry.severities : [entry.severity];
      expect(allowed).toContain(a.severity);
    }
    expect(d.alerts.find((a) => a.code === 'oversell-pending')!.params).toEqual({ pending: 80, available: 50 });
  });
});
