// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapter as manageInventory } from '../amazon/manage-inventory';
import { adapter as restock } from '../amazon/restock';
import { contextFor, documentFrom } from '../testing/load';
import type { ListingObservation } from '../../records';
import type { PageRead } from '../types';
import { channelFromLabels, isFulfilmentLabel, quantityKind } from './fulfilment';
import { readListingPage, type ListingPageSpec } from './listing-page';

const channels = (read: PageRead) => Object.fromEntries(read.rows.map((r) => [r.sku, (r as ListingObservation).fulfillment ?? 'unknown']));
/** Diagnostic codes, but for the missing price and date columns these small snippets leave out. */
const codes = (read: PageRead) => read.diagnostics.filter((d) => d.code !== 'missing-optional-column').map((d) => d.code);

/** A Manage All Inventory row as the Janus grid draws it: product cell with split-box pairs, then Available. */
function janusRow(sku: string, opts: { fnsku?: string; input?: boolean; available?: string; pairs?: [string, string][]; fulfilledBy?: string }): string {
  const pairs: [string, string][] = [['SKU', sku], ...(opts.fnsku ? [['FNSKU', opts.fnsku] as [string, string]] : []), ...(opts.pairs ?? [])];
  const box = pairs
    .map(
      ([l, v]) =>
        `<div class="JanusSplitBox-module__row--ZCVfU"><div class="JanusSplitBox-module__panel--HbUSS">${l}</div><div class="JanusSplitBox-module__panel--HbUSS">${v}</div></div>`,
    )
    .join('');
  const available = opts.input ? `<input type="text" aria-label="available" value="${opts.available ?? '4'}">` : `<span>${opts.available ?? '12'}</span>`;
  const fulfilled = opts.fulfilledBy === undefined ? '' : `<div role="cell">${opts.fulfilledBy}</div>`;
  return `<div class="JanusTable-module__tableContentRow--Novld" role="row" data-sku="${sku}"><div role="cell"><input type="checkbox" aria-label="select"></div><div role="cell"><div><a href="/dp/B00000LFLS">Mug ${sku}</a>${box}</div></div><div role="cell">${available}</div>${fulfilled}</div>`;
}

function janusPage(rows: string[], headers = ['', 'Product details', 'Available']): Document {
  const head = headers.map((h) => `<div role="columnheader"><span>${h}</span></div>`).join('');
  return documentFrom(
    `<div class="JanusTable-module__table--CHwEg" role="table"><div class="JanusTable-module__tableHeaderRow--dAJOg" role="row">${head}</div><div role="rowgroup">${rows.join('')}</div></div>`,
  );
}

const US = contextFor('https://sellercentral.amazon.com/myinventory/inventory', 'amazon.com');

describe('fulfilment labels in every supported language', () => {
  const cases: [string, string, string][] = [
    ['Fulfilled by', 'Amazon', 'FBA'],
    ['Fulfilled by', 'Merchant', 'SELLER'],
    ['Versand durch', 'Amazon', 'FBA'],
    ['Versand durch', 'Verkäufer', 'SELLER'],
    ['配送者', 'Amazon', 'FBA'],
    ['出荷元', '出品者', 'SELLER'],
    ['配送渠道', '亚马逊', 'FBA'],
    ['发货方', '卖家', 'SELLER'],
    ['Expédié par', 'Amazon', 'FBA'],
    ['Expédié par', 'le marchand', 'SELLER'],
    ['Spedito da', 'Venditore', 'SELLER'],
    ['Enviado por', 'Amazon', 'FBA'],
    ['Gestionado por', 'Vendedor', 'SELLER'],
    ['Fulfillment type', 'WFS', 'WFS'],
  ];

  it.each(cases)('"%s: %s" is %s', (label, value, channel) => {
    expect(isFulfilmentLabel(label.toUpperCase())).toBe(true);
    expect(channelFromLabels(new Map([[label.toUpperCase(), value]]))).toBe(channel);
  });

  it('other labels say nothing', () => {
    expect(isFulfilmentLabel('SKU')).toBe(false);
    expect(channelFromLabels(new Map([['ASIN', 'B00000LFLS']]))).toBeUndefined();
  });

  it('keeps its verdicts after a page shows more distinct labels than it remembers', () => {
    for (let i = 0; i < 1000; i++) expect(isFulfilmentLabel(`LABEL ${i}`)).toBe(false);
    expect(isFulfilmentLabel('VERSAND DURCH')).toBe(true);
    expect(isFulfilmentLabel('SKU')).toBe(false);
    expect(isFulfilmentLabel('VERSAND DURCH')).toBe(true);
  });

  it('Manage All Inventory without a "Fulfilled by" column reads the channel from the product cell, in German too', () => {
    const doc = janusPage([janusRow('A-1', { pairs: [['Versand durch:', 'Amazon']] }), janusRow('A-2', { pairs: [['Versand durch:', 'Händler']] })]);
    const read = manageInventory.parse(doc, US);
    expect(channels(read)).toEqual({ 'A-1': 'FBA', 'A-2': 'SELLER' });
    expect(read.sources).toContainEqual({ field: 'fulfillment', signal: 'label', confidence: 'strong', scope: 'row', rows: 2 });
    expect(codes(read)).toEqual([]);
  });

  it('a "Fulfilled by: …" line under the title of a Restock row beats the page type (Restock is mostly FBA)', () => {
    const doc = documentFrom(
      `<table><thead><tr><th>Product details</th><th>Recommended replenishment qty</th></tr></thead><tbody>
        <tr><td><div>SKU: R-1</div><div>Fulfilled by: Merchant</div></td><td>40</td></tr>
        <tr><td><div>SKU: R-2</div></td><td>10</td></tr></tbody></table>`,
    );
    const read = restock.parse(doc, contextFor('https://sellercentral.amazon.com/restockinventory/recommendations', 'amazon.com'));
    expect(channels(read)).toEqual({ 'R-1': 'SELLER', 'R-2': 'FBA' });
    expect(read.diagnostics.filter((d) => d.code !== 'missing-optional-column')).toEqual([
      expect.objectContaining({
        code: 'signals-disagree',
        row: 'R-1',
        params: expect.objectContaining({ stronger: 'label', weaker: 'page-type', value: 'SELLER', other: 'FBA' }),
      }),
    ]);
  });
});

describe('FNSKU and the editable quantity', () => {
  it('without a channel column: FNSKU rows and plain counts are FBA, editable quantities merchant, each said to be a guess', () => {
    const doc = janusPage([
      janusRow('FBA-1', { fnsku: 'X00000AAAA', available: '585' }),
      janusRow('FBA-2', { available: '1,204' }),
      janusRow('FBM-1', { input: true }),
    ]);
    const read = manageInventory.parse(doc, US);
    expect(channels(read)).toEqual({ 'FBA-1': 'FBA', 'FBA-2': 'FBA', 'FBM-1': 'SELLER' });
    expect(codes(read).sort()).toEqual(['weak-signal']);
    expect(read.diagnostics.find((d) => d.code === 'weak-signal')).toMatchObject({
      level: 'warning',
      params: { column: 'fulfillment', rows: 3, signal: 'input' },
    });
    expect(read.sources).toContainEqual({ field: 'fulfillment', signal: 'input', confidence: 'weak', scope: 'row', rows: 3 });
  });

  it('a page of plain counts (no editable quantity anywhere) says nothing by them: FNSKU rows are FBA, the others unknown', () => {
    const doc = janusPage([janusRow('FBA-1', { fnsku: 'X00000AAAA' }), janusRow('ANY-1', {})]);
    const read = manageInventory.parse(doc, US);
    expect(channels(read)).toEqual({ 'FBA-1': 'FBA', 'ANY-1': 'unknown' });
    expect(read.rows.find((r) => r.sku === 'ANY-1')).not.toHaveProperty('fulfillment');
    expect(codes(read).sort()).toEqual(['field-unknown', 'weak-signal']);
    expect(read.diagnostics.find((d) => d.code === 'weak-signal')?.params).toMatchObject({ signal: 'fnsku' });
    expect(read.diagnostics.find((d) => d.code === 'field-unknown')).toMatchObject({ row: 'ANY-1', params: { column: 'fulfillment', rows: 1 } });
  });

  it('an FNSKU on a row with an editable quantity: two weak clues disagree, so the channel is unknown, not guessed', () => {
    const doc = janusPage([janusRow('MIX-1', { fnsku: 'X00000BBBB', input: true })]);
    const read = manageInventory.parse(doc, US);
    expect(channels(read)).toEqual({ 'MIX-1': 'unknown' });
    expect(codes(read)).toEqual(['weak-signals-disagree']);
    expect(read.diagnostics.find((d) => d.code === 'weak-signals-disagree')!.message).toMatch(/FNSKU|editable/);
  });

  it('the "Fulfilled by" column wins over weak clues, and a disagreement names both', () => {
    const doc = janusPage(
      [janusRow('COL-1', { input: true, fulfilledBy: 'Amazon' }), janusRow('COL-2', { fulfilledBy: 'Merchant', input: true })],
      ['', 'Product details', 'Available', 'Fulfilled by'],
    );
    const read = manageInventory.parse(doc, US);
    expect(channels(read)).toEqual({ 'COL-1': 'FBA', 'COL-2': 'SELLER' });
    expect(read.diagnostics.filter((d) => d.code !== 'missing-optional-column')).toEqual([
      expect.objectContaining({ code: 'signals-disagree', row: 'COL-1', params: expect.objectContaining({ stronger: 'header', weaker: 'input' }) }),
    ]);
    expect(read.sources).toContainEqual({ field: 'fulfillment', signal: 'header', confidence: 'strong', scope: 'column' });
  });

  it('the quantity cell is told apart: editable field, plain count, or neither', () => {
    const cell = (html: string) => documentFrom(`<div id="c">${html}</div>`).getElementById('c')!;
    expect(quantityKind(cell('<kat-input value="3"></kat-input>'))).toBe('input');
    expect(quantityKind(cell('<span> 1,204 </span>'))).toBe('count');
    expect(quantityKind(cell('—'))).toBeUndefined();
    expect(quantityKind(cell('<input type="checkbox">12'))).toBe('count');
  });
});

describe('page type and history', () => {
  const spec: ListingPageSpec<'sku' | 'available' | 'fulfillment'> = {
    adapter: { id: 'test/listing', platform: 'walmart', title: 'Test listings' },
    fields: ['sku', 'available', 'fulfillment'],
    required: ['sku', 'available'],
    identity: (_row, col) => ({ sku: col('sku')?.textContent ?? undefined }),
  };
  const page = documentFrom(
    '<table><thead><tr><th>SKU</th><th>Inventory</th></tr></thead><tbody><tr><td>W-1</td><td>4</td></tr><tr><td>W-2</td><td>5</td></tr></tbody></table>',
  );
  const ctx = contextFor('https://seller.walmart.com/items-and-inventory/manage-items', 'walmart.com');

  it("the listing's earlier channel is a weak clue, used only when nothing else tells", () => {
    const read = readListingPage(spec, page, { ...ctx, fulfillmentHistory: new Map([['W-1', 'WFS']]) });
    expect(channels(read)).toEqual({ 'W-1': 'WFS', 'W-2': 'unknown' });
    expect(codes(read).sort()).toEqual(['field-unknown', 'weak-signal']);
    expect(read.diagnostics.find((d) => d.code === 'weak-signal')?.params).toEqual({ column: 'fulfillment', rows: 1, signal: 'history' });
  });

  it("the page type's own channel is strong: no guess to report", () => {
    const read = readListingPage({ ...spec, defaultFulfillment: 'WFS' }, page, ctx);
    expect(channels(read)).toEqual({ 'W-1': 'WFS', 'W-2': 'WFS' });
    expect(codes(read)).toEqual([]);
    expect(read.sources).toContainEqual({ field: 'fulfillment', signal: 'page-type', confidence: 'strong', scope: 'row', rows: 2 });
  });
});
