import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { purchasePlan, type PurchaseLine } from '../purchasing';
import { planWith } from '../purchasing/test-purchasing';
import { defaultSettings } from '../settings';
import { toCsv } from './csv';
import { purchaseOrderName, purchaseOrderRows, purchaseOrderSheet, purchaseOrderTable, purchasePlanJson } from './purchase-order';
import { toXlsx } from './xlsx';

const settings = defaultSettings();
settings.leadTimes.suppliers.acme = { productionDays: 20, transitDays: {}, moq: 100, casePack: 24 };
settings.leadTimes.skuSupplier.MUG = 'acme';
const plan = purchasePlan([planWith({ reorderQuantity: 101, stockoutDate: '2026-12-01' })], settings, {
  today: '2026-03-02',
  weeks: 4,
  currency: 'USD',
  unitCosts: [{ sku: 'MUG', supplierId: 'acme', unitCostMinor: 250, currency: 'USD' }],
});
const group = plan.groups[0]!;
const line = group.lines[0]!;

describe('purchaseOrderTable', () => {
  it('writes one row per line with quantity in whole cases, unit cost and total in major units', () => {
    const table = purchaseOrderTable(group, { MUG: 'Ceramic mug' }, 'en');
    expect(table.header).toEqual(['SKU', 'Title', 'Replenishes', 'Quantity', 'Cases', 'Unit cost', 'Total', 'Currency', 'Ship mode', 'Requested date']);
    expect(table.rows).toEqual([['MUG', 'Ceramic mug', 'Amazon FBA · North America', 120, 5, 2.5, 300, 'USD', 'Sea', line.arrivalBySea]]);
    expect(purchaseOrderTable(group, {}, 'zh-CN').header[0]).toBe('SKU');
    expect(purchaseOrderTable(group, {}, 'zh-CN').rows[0]![8]).toBe('海运');
    // Which stock the units replenish, in the UI language: a product kept in two stocks has a line for each.
    expect(purchaseOrderTable(group, {}, 'zh-CN').header[2]).toBe('补货至');
    expect(purchaseOrderTable({ ...group, lines: [{ ...line, poolId: 'own:main' }] }, {}, 'en').rows[0]![2]).toBe('Own warehouse · main warehouse');
  });
  it('splits a line between air and sea, and leaves an unknown cost empty', () => {
    const split: PurchaseLine = {
      ...line,
      unitCostMinor: null,
      lineValueMinor: null,
      freight: { mode: 'split', airUnits: 48, seaUnits: 72, closesGap: true, extraFreight: null },
    };
    expect(purchaseOrderRows(split, {}, 'en')).toEqual([
      ['MUG', null, 'Amazon FBA · North America', 48, 2, null, null, 'USD', 'Air', line.arrivalByAir],
      ['MUG', null, 'Amazon FBA · North America', 72, 3, null, null, 'USD', 'Sea', line.arrivalBySea],
    ]);
  });
});

describe('purchase order files', () => {
  it('reads back from the XLSX and the CSV writers', () => {
    const files = unzipSync(toXlsx([purchaseOrderSheet(group, { MUG: 'Ceramic mug' }, 'en')]));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('Ceramic mug');
    expect(sheet).toContain('<v>120</v>');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('PO acme 2026-03-09');
    expect(toCsv(...(Object.values(purchaseOrderTable(group, {}, 'en')) as [string[], never]))).toContain(
      '"MUG",,"Amazon FBA · North America",120,5,2.5,300,"USD","Sea"',
    );
  });
  it('names the file by supplier and week', () => {
    expect(purchaseOrderName({ supplierId: 'Acme Ltd.', weekStart: '2026-11-16' })).toBe('po-acme-ltd-2026-11-16');
    expect(purchaseOrderName({ supplierId: null, weekStart: '2026-11-16' })).toBe('po-no-supplier-2026-11-16');
  });
  it('writes the whole plan as JSON', () => {
    const json = JSON.parse(purchasePlanJson({ today: '2026-03-02', ...plan, titles: {}, placed: [] }));
    expect(json).toMatchObject({ format: 'stock-copilot-purchase-plan', version: 1, groups: [{ supplierId: 'acme', lines: [{ quantity: 120 }] }] });
  });
});
