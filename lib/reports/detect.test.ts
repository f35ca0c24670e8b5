import { describe, expect, it } from 'vitest';
import { tokenizeDelimited } from './csv';
import { detectReport } from './detect';
import { readFixture } from './testing';

const headerOf = (fixture: string) => tokenizeDelimited(readFixture(fixture)).find((r) => r.fields.length > 3)?.fields ?? [];

describe('detectReport', () => {
  it.each([
    ['amazon/fba-myi.us.tsv', 'amazon/fba-myi'],
    ['amazon/fba-myi.zh.tsv', 'amazon/fba-myi'],
    ['amazon/fba-inventory-planning.us.tsv', 'amazon/fba-inventory-planning'],
    ['amazon/fba-inventory-planning.de.tsv', 'amazon/fba-inventory-planning'],
    ['amazon/restock.us.csv', 'amazon/restock'],
    ['amazon/all-listings.us.tsv', 'amazon/all-listings'],
    ['amazon/orders.us.tsv', 'amazon/orders'],
    ['amazon/business-report-child.us.csv', 'amazon/business-report-child'],
    ['amazon/business-report-child.uk.csv', 'amazon/business-report-child'],
    ['amazon/business-report-child.de.csv', 'amazon/business-report-child'],
    ['amazon/business-report-child.zh.csv', 'amazon/business-report-child'],
    ['walmart/items.us.csv', 'walmart/items'],
    ['walmart/wfs-inventory-health.us.csv', 'walmart/wfs-inventory-health'],
    ['walmart/orders.us.csv', 'walmart/orders'],
    ['ebay/active-listings.us.csv', 'ebay/active-listings'],
    ['ebay/orders.us.csv', 'ebay/orders'],
  ])('%s is %s', (fixture, id) => {
    expect(detectReport(headerOf(fixture))).toEqual({ reportId: id, missing: [], diagnostics: [] });
  });

  it('matches headers regardless of case, separators and full-width characters', () => {
    expect(detectReport(['SKU', 'AFN_Fulfillable_Quantity', 'MFN Fulfillable Quantity']).reportId).toBe('amazon/fba-myi');
    expect(detectReport(['ＳＫＵ', 'afn-fulfillable-quantity', 'mfn-fulfillable-quantity']).reportId).toBe('amazon/fba-myi');
    expect(detectReport(['Händler-SKU', 'Verfügbar', 'Versandte Einheiten T30']).reportId).toBe('amazon/fba-inventory-planning');
    expect(detectReport(['出品者SKU', '販売可能', '過去30日間の出荷数']).reportId).toBe('amazon/fba-inventory-planning');
  });

  it('names the report and the missing column when identifying columns are there but a required one is not', () => {
    const d = detectReport(['amazon-order-id', 'purchase-date', 'order-status', 'quantity']);
    expect(d.reportId).toBe('amazon/orders');
    expect(d.missing).toEqual(['sku']);
    expect(d.diagnostics).toEqual([
      expect.objectContaining({ code: 'missing-column', params: { report: 'All Orders', reportId: 'amazon/orders', columns: 'sku' } }),
    ]);
  });

  it('says what it expected for an unknown header', () => {
    const d = detectReport(['Name', 'Email', 'Phone']);
    expect(d.reportId).toBeUndefined();
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0]).toMatchObject({ level: 'error', code: 'unknown-report', params: { header: 'Name, Email, Phone' } });
    expect(d.diagnostics[0]?.message).toContain('afn-fulfillable-quantity');
  });
});
