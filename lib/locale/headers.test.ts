import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HEADER_SYNONYMS, ageBucketFromHeader, mapHeaders, normalizeHeader, type HeaderField } from './headers';

const FIELDS = Object.keys(HEADER_SYNONYMS) as HeaderField[];

describe('header synonyms', () => {
  it.each([
    ['available', ['Available', '可售', 'Verfügbar', '販売可能', 'Disponible']],
    ['inbound', ['Inbound', '入库中', 'Eingehend', '入荷中']],
    ['reserved', ['Reserved', '预留', 'Reserviert', '予約済み']],
    ['unfulfillable', ['Unfulfillable', '不可售', 'Nicht verkäuflich', '販売不可']],
    ['price', ['Price', '价格', 'Preis', '価格']],
    ['fulfillment', ['Fulfilled by', '配送渠道', 'Versand durch', '出荷元']],
  ] as const)('%s in en/zh/de/ja', (field, headers) => {
    for (const h of headers) expect(mapHeaders(['Status', h], [field, 'status']).columns.get(field), h).toBe(1);
  });

  it('any synonym with random case and spacing maps to its field', () => {
    const pairs = FIELDS.flatMap((f) => HEADER_SYNONYMS[f].map((s) => [f, s] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.constantFrom(' ', '  ', '\u00a0', '\n', ''),
        ([field, syn], upper, pad) => {
          const mangled =
            pad +
            [...syn]
              .map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase()))
              .join('')
              .replace(/ /g, ` ${pad}`) +
            pad;
          expect(normalizeHeader(mangled)).toBe(normalizeHeader(syn));
          expect(mapHeaders(['', mangled], [field]).columns.get(field)).toBe(1);
        },
      ),
    );
  });

  it('exact matches beat prefix matches; a number after a synonym is another column', () => {
    const m = mapHeaders(['Available (editable)', 'Days of supply 0-90', 'Days of supply'], ['available', 'daysOfSupply']).columns;
    expect(m.get('available')).toBe(0);
    expect(m.get('daysOfSupply')).toBe(2);
    expect(mapHeaders(['在庫経過日数 0～90日'], ['daysOfSupply']).columns.has('daysOfSupply')).toBe(false);
  });

  it('unknown language: nothing recognised', () => {
    expect(mapHeaders(['Доступно', 'Цена'], ['available', 'price'])).toEqual({ columns: new Map(), recognised: 0 });
  });

  it('age buckets from header text', () => {
    expect(ageBucketFromHeader('Inventory age 91-180 days')).toEqual({ minDays: 91, maxDays: 180 });
    expect(ageBucketFromHeader('Alter 181–270 Tage')).toEqual({ minDays: 181, maxDays: 270 });
    expect(ageBucketFromHeader('Alter über 365 Tage')).toEqual({ minDays: 365, maxDays: null });
    expect(ageBucketFromHeader('库龄 365 天以上')).toEqual({ minDays: 365, maxDays: null });
    expect(ageBucketFromHeader('Units sold last 30 days')).toBeUndefined();
    expect(ageBucketFromHeader('Price 10-20')).toBeUndefined();
  });
});
