// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../platforms';
import { adapter as ebayActiveListings } from '../platforms/ebay/active-listings';
import { findGrid } from '../platforms/shared/grid';
import { isStrip, panelContainer, STRIP_SELECTOR } from './panel-placement';
import { isOwnMutation, PANEL_TAG, syncRowPanels } from './row-panels';

const STRIP = { where: 'strip', variant: 'test table' } as const;

afterEach(() => document.body.replaceChildren());

describe('panel placement', () => {
  it('every page type declares where its panels go, naming the page variant it was measured on', () => {
    for (const adapter of ADAPTERS) {
      expect(adapter.panelPlacement, adapter.id).toBeDefined();
      expect(adapter.panelPlacement!.variant.length, adapter.id).toBeGreaterThan(10);
    }
  });

  it('puts a table row panel in a <tr> strip under the row, its one cell spanning every column', () => {
    document.body.innerHTML =
      '<table><thead><tr><th>SKU</th><th>Qty</th><th>Price</th></tr></thead><tbody><tr><td>A</td><td colspan="2">5</td></tr><tr><td>B</td><td>1</td><td>2</td></tr></tbody></table>';
    const [a, b] = [...document.querySelectorAll('tbody > tr')];
    syncRowPanels(
      document,
      [
        { sku: 'A', element: a! },
        { sku: 'B', element: b! },
      ],
      new Map(),
      'en',
      false,
      { placement: STRIP },
    );
    const strip = a!.nextElementSibling!;
    expect(isStrip(strip)).toBe(true);
    expect(strip.children).toHaveLength(1);
    expect((strip.firstElementChild as HTMLTableCellElement).colSpan).toBe(3);
    expect(strip.querySelector(PANEL_TAG)!.getAttribute('data-sku')).toBe('A');
    expect(a!.querySelector(PANEL_TAG)).toBeNull();
    // The readers take only rows with <td> cells as data rows: a strip is never read as a listing.
    const grid = findGrid(document, ['sku', 'available'], ['sku']);
    expect(grid!.rows).toEqual([a, b]);
    // Syncing again reuses the strips; hiding removes them with their panels.
    syncRowPanels(
      document,
      [
        { sku: 'A', element: a! },
        { sku: 'B', element: b! },
      ],
      new Map(),
      'en',
      false,
      { placement: STRIP },
    );
    expect(document.querySelectorAll(STRIP_SELECTOR)).toHaveLength(2);
    syncRowPanels(document, [], new Map(), 'en', true, { placement: STRIP });
    expect(document.querySelectorAll(STRIP_SELECTOR)).toHaveLength(0);
  });

  it('removes the strip of a row the page took away, and moves panels with re-sorted rows', () => {
    document.body.innerHTML = '<table><tbody><tr data-sku="A"><td>A</td></tr><tr data-sku="B"><td>B</td></tr></tbody></table>';
    const [a, b] = [...document.querySelectorAll('tr')];
    syncRowPanels(
      document,
      [
        { sku: 'A', element: a! },
        { sku: 'B', element: b! },
      ],
      new Map(),
      'en',
      false,
      { placement: STRIP },
    );
    // The grid re-sorts (B first) and drops A.
    a!.remove();
    document.querySelector('tbody')!.prepend(b!);
    syncRowPanels(document, [{ sku: 'B', element: b! }], new Map(), 'en', false, { placement: STRIP });
    expect(b!.nextElementSibling && isStrip(b!.nextElementSibling)).toBe(true);
    expect([...document.querySelectorAll(PANEL_TAG)].map((h) => h.getAttribute('data-sku'))).toEqual(['B']);
    expect(document.querySelectorAll(STRIP_SELECTOR)).toHaveLength(1);
  });

  it('puts the panel inside a block or grid row as its last child, spanning the grid', () => {
    document.body.innerHTML = '<div role="rowgroup"><div role="row" data-sku="A"><div role="cell">A</div></div></div>';
    const row = document.querySelector('[role="row"]')!;
    syncRowPanels(document, [{ sku: 'A', element: row }], new Map(), 'en', false, { placement: STRIP });
    const host = row.lastElementChild as HTMLElement;
    expect(host.localName).toBe(PANEL_TAG);
    expect(host.getAttribute('style')).toContain('grid-column');
  });

  it('uses the adapter slot or the declared cell for `cell`, and falls back to a strip', () => {
    document.body.innerHTML = '<table><tbody><tr><td class="img"></td><td class="product">A</td><td>5</td></tr></tbody></table>';
    const tr = document.querySelector('tr')!;
    const cell = { where: 'cell', cell: 'td.product', variant: 'test product cell' } as const;
    expect(panelContainer({ sku: 'A', element: tr }, cell)).toBe(tr.querySelector('td.product'));
    expect(panelContainer({ sku: 'A', element: tr, panelSlot: tr.firstElementChild! }, cell)).toBe(tr.firstElementChild);
    const missing = panelContainer({ sku: 'A', element: tr }, { ...cell, cell: 'td.nothing' });
    expect(missing.closest(STRIP_SELECTOR)).toBe(tr.nextElementSibling);
    // No declaration (tests' ad-hoc adapters): the row's last cell, as before.
    expect(panelContainer({ sku: 'A', element: tr }, undefined)).toBe(tr.lastElementChild);
  });

  it('counts adding or removing a strip as our own change, so observing the page does not loop', () => {
    document.body.innerHTML = '<table><tbody><tr><td>A</td></tr></tbody></table>';
    const tr = document.querySelector('tr')!;
    syncRowPanels(document, [{ sku: 'A', element: tr }], new Map(), 'en', false, { placement: ebayActiveListings.panelPlacement! });
    const strip = tr.nextElementSibling!;
    const record = { type: 'childList', target: strip.parentElement!, addedNodes: [strip], removedNodes: [] } as unknown as MutationRecord;
    expect(isOwnMutation(record)).toBe(true);
  });
});
