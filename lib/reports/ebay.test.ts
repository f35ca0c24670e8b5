import { describe, expect, it } from 'vitest';
import { normaliseVariation, skuFor } from './ebay';
import { parseReport } from './parser';
import { parseInPieces, readFixture } from './testing';

const EB = { marketplace: 'ebay.com', now: new Date('2026-06-29T18:00:00Z') };
const common = { platform: 'ebay', marketplace: 'ebay.com', observedAt: '2026-06-29T18:00:00.000Z', observedDate: '2026-06-29' };

describe('eBay active listings (ebay/active-listings)', () => {
  const text = readFixture('ebay/active-listings.us.csv');
  const r = parseReport(text, EB);

  it('reads a plain listing fully, with cumulative sold and the eBay start date', () => {
    expect(r.reportId).toBe('ebay/active-listings');
    expect(r.rows[0]).toEqual({
      kind: 'listing',
      ...common,
      source: 'report:ebay/active-listings',
      sku: 'EB-MUG-SPK',
      itemId: '394857261001',
      title: 'Handmade Ceramic Mug 12oz, Speckled Glaze',
      status: 'active',
      fulfillment: 'SELLER',
      available: 14,
      price: { amountMinor: 2200, currency: 'USD' },
      cumulativeSold: 31,
      watchers: 9,
      startDate: '2026-06-29',
    });
  });

  it('counts variations, not their parent row, and files a variation without SKU under item number + details', () => {
    expect(r.rows.map((row) => row.sku)).toEqual(['EB-MUG-SPK', 'EB-TEE-RED-M', '394857261002 [Color=Blue; Size=L]', 'EB-LAMP-DECO']);
    expect(r.rows[1]).toMatchObject({
      itemId: '394857261002',
      parentSku: 'EB-TEE',
      variation: 'Color=Red; Size=M',
      available: 12,
      cumulativeSold: 20,
      price: { amountMinor: 1299 },
    });
    expect(r.rows[2]).toMatchObject({ parentSku: 'EB-TEE', variation: 'Color=Blue; Size=L', available: 18, price: { amountMinor: 1349 } });
    expect(r.diagnostics.map((d) => [d.code, d.row])).toEqual([
      ['variation-parent', 3],
      ['sku-from-item-number', 5],
    ]);
  });

  it('keeps a quoted multi-line title with markup as text (CRLF + BOM file) and numbers lines physically', () => {
    expect(r.rows[3]).toMatchObject({
      title: 'Vintage Lamp\n"Art Deco" style, <b>rare</b>',
      gtin: '4006381333931',
      available: 1,
      price: { amountMinor: 5100 },
    });
    const broken = text.replace('"EB-LAMP-DECO","1"', '"EB-LAMP-DECO","-1"');
    expect(parseReport(broken, EB).diagnostics.find((d) => d.code === 'bad-number')?.row).toBe(6);
  });

  it('gives identical output whatever the chunk boundaries (CRLF split, quoted newline split)', () => {
    const whole = parseInPieces(text, [], EB);
    for (let i = 0; i <= text.length; i++) expect(parseInPieces(text, [i], EB)).toEqual(whole);
  });

  it('emits a variation-less last row held back for its possible variations', () => {
    const head = text.split('\r\n')[0];
    const one = `${head}\r\n"1","T","","S1","2","FIXED_PRICE","USD","1.00","","","1.00","0","","0","","","","","","","","","","US"\r\n`;
    expect(parseReport(one, EB).rows.map((row) => row.sku)).toEqual(['S1']);
  });
});

describe('eBay orders (ebay/orders)', () => {
  const text = readFixture('ebay/orders.us.csv');
  const r = parseReport(text, EB);
  it('finds the header after a leading blank record and reads order lines', () => {
    expect(r.reportId).toBe('ebay/orders');
    expect(r.rows[0]).toEqual({
      kind: 'order',
      ...common,
      source: 'report:ebay/orders',
      orderId: '01-12345-67890',
      sku: 'EB-MUG-SPK',
      quantity: 2,
      status: 'shipped',
      orderDate: '2026-06-28',
      itemPrice: { amountMinor: 4400, currency: 'USD' },
      fulfillment: 'SELLER',
    });
  });
  it('skips order summary and footer lines, derives status from paid/shipped dates, and matches listing SKUs', () => {
    expect(r.rows.map((o) => o.kind === 'order' && [o.orderId, o.sku, o.quantity, o.status])).toEqual([
      ['01-12345-67890', 'EB-MUG-SPK', 2, 'shipped'],
      ['02-22222-33333', 'EB-TEE-RED-M', 1, 'unshipped'],
      ['02-22222-33333', '394857261002 [Color=Blue; Size=L]', 2, 'unshipped'],
      ['03-44444-55555', 'EB-LAMP-DECO', 1, 'pending'],
    ]);
    expect(r.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
  });
});

describe('eBay helpers', () => {
  it('normalises variation details and builds fallback SKUs', () => {
    expect(normaliseVariation('Color = Red ;Size=M')).toBe('Color=Red; Size=M');
    expect(skuFor(undefined, '1', undefined)).toBe('1');
    expect(skuFor('X', '1', 'Color=Red')).toBe('X');
  });
});
