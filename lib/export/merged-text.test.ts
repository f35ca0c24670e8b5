import { describe, expect, it } from 'vitest';
import { clearanceText, healthCell, lifecycleText, reasonText, stockCell, stockSourceText } from './merged-text';

describe("the merged report's words", () => {
  it('say unknown as unknown, with what would make it known', () => {
    expect(stockSourceText('unknown', 'open:amazon/fba-inventory', 'en')).toBe('Unknown (next: open FBA Inventory in Seller Central)');
    expect(stockCell(null, 'en')).toBe('Unknown');
    expect(stockCell(12, 'en')).toBe(12);
    expect(healthCell(null, 'en')).toBe('Not enough data');
    expect(healthCell(80, 'en')).toBe(80);
  });

  it('name the stage, the reasons and the clearance in the UI language; a liquidation is never a markdown', () => {
    expect(lifecycleText('growth', 'zh-CN')).toBe('成长期');
    expect(reasonText({ code: 'out-of-stock', points: 30, params: {} }, 'en')).toBe('Out of stock (-30)');
    expect(clearanceText({ action: 'markdown', discountPct: 20, excessUnits: 40 }, 'en')).toBe('Mark down 20% (40 excess units)');
    expect(clearanceText({ action: 'exit', discountPct: 100, excessUnits: 272 }, 'en')).toBe('Liquidate or remove (272 excess units)');
    expect(clearanceText({ action: 'hold', discountPct: null, excessUnits: 5 }, 'zh-CN')).toBe('维持价格（多余 5 件）');
    expect(clearanceText(null, 'en')).toBeNull();
  });
});
