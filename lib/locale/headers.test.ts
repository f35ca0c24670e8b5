import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HEADER_SYNONYMS, headerWords, mapHeaders, normalizeHeader, type HeaderField } from './headers';

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

  it('one normal form for page and report headers: the words, and the compact form made from them', () => {
    expect(headerWords('AFN_Fulfillable-Quantity ')).toBe('afn fulfillable quantity');
    expect(headerWords('Sessions – Total')).toBe('sessions total');
    expect(headerWords('AFN 可售数量')).toBe(headerWords('AFN可售数量'));
    expect(headerWords('\uFEFFVerkäufer-SKU Größe')).toBe('verkäufer sku grösse');
    expect(normalizeHeader('Units Sold (last 7 days) ▲')).toBe('unitssoldlast7days');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(headerWords(headerWords(text))).toBe(headerWords(text));
        expect(normalizeHeader(text)).toBe(normalizeHeader(headerWords(text)));
      }),
    );
  });
});
