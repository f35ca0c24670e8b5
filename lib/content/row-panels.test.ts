// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { panelData } from '../messaging/test-panel';
import type { PanelData } from '../messaging/protocol';
import { isOwnMutation, PANEL_TAG, syncRowPanels } from './row-panels';
import { SUMMARY_TAG } from './summary-bar';
import { adapter as amazonManageInventory } from '../platforms/amazon/manage-inventory';
import { contextFor } from '../platforms/testing/load';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import type { DemoListing } from '../../tests/fixtures/builders/types';

function panel(sku: string, daysOfCover: number | null): PanelData {
  return panelData({ sku, available: 10, daysOfCover, healthScore: 80, dailyDemand: 1 });
}

function rows(...skus: string[]) {
  document.body.innerHTML = `<div id="grid">${skus.map(() => `<div class="row"><span class="sku"></span></div>`).join('')}</div>`;
  const elements = [...document.querySelectorAll('.row')];
  elements.forEach((el, i) => {
    el.querySelector('.sku')!.textContent = skus[i]!;
  });
  return elements.map((element, i) => ({ sku: skus[i]!, element }));
}

const coverText = (row: Element) => row.querySelector(PANEL_TAG)?.shadowRoot?.querySelector('[data-testid="days-of-cover"]')?.textContent;

describe('syncRowPanels', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it("mounts one panel per row, in a shadow root, with that row's numbers", () => {
    const anchors = rows('A', 'B');
    const stats = syncRowPanels(
      document,
      anchors,
      new Map([
        ['A', panel('A', 12)],
        ['B', panel('B', 40)],
      ]),
      'en',
    );
    expect(stats.created).toBe(2);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(2);
    expect(coverText(anchors[0]!.element)).toBe('Days of cover: 12 d');
    expect(coverText(anchors[1]!.element)).toBe('Days of cover: 40 d');
  });

  it('never duplicates a panel when synced again, and skips unchanged rows', () => {
    const anchors = rows('A');
    const panels = new Map([['A', panel('A', 12)]]);
    syncRowPanels(document, anchors, panels, 'en');
    const again = syncRowPanels(document, anchors, panels, 'en');
    expect(again).toEqual({ created: 0, rendered: 0, removed: 0 });
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
  });

  it('Details opened on the stored plan stay open when the fresh plan arrives', () => {
    const anchors = rows('A');
    const shadowOf = () => anchors[0]!.element.querySelector(PANEL_TAG)!.shadowRoot!;
    syncRowPanels(document, anchors, new Map([['A', { ...panel('A', 12), updating: true }]]), 'en');
    (shadowOf().querySelector('[data-testid="toggle"]') as HTMLButtonElement).click();
    syncRowPanels(document, anchors, new Map([['A', panel('A', 30)]]), 'en');
    expect(shadowOf().querySelector('[data-testid="updating"]')).toBeNull();
    expect((shadowOf().querySelector('[data-testid="details"]') as HTMLElement).hidden).toBe(false);
    expect(shadowOf().querySelector('[data-testid="toggle"]')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('re-renders a reused row element that now shows another SKU (client-side sort)', () => {
    const anchors = rows('A', 'B');
    const panels = new Map([
      ['A', panel('A', 12)],
      ['B', panel('B', 40)],
    ]);
    syncRowPanels(document, anchors, panels, 'en');
    // The grid keeps its row elements and swaps their content.
    const swapped = [
      { sku: 'B', element: anchors[0]!.element },
      { sku: 'A', element: anchors[1]!.element },
    ];
    syncRowPanels(document, swapped, panels, 'en');
    expect(coverText(anchors[0]!.element)).toBe('Days of cover: 40 d');
    expect(coverText(anchors[1]!.element)).toBe('Days of cover: 12 d');
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(2);
  });

  it('removes panels of rows that left the page and puts a panel in new rows (paging)', () => {
    const first = rows('A', 'B');
    syncRowPanels(document, first, new Map(), 'en');
    const stale = first[0]!.element.querySelector(PANEL_TAG)!;
    // Next page: the old rows stay in the DOM but are no longer rows the adapter reports.
    const second = rows('C');
    document.body.append(stale.parentElement!);
    const stats = syncRowPanels(document, second, new Map(), 'en');
    expect(stats.removed).toBe(1);
    expect([...document.querySelectorAll(PANEL_TAG)].map((h) => (h as HTMLElement).dataset.sku)).toEqual(['C']);
  });

  it('puts the panel inside the last cell of a table row, not as a bare child of <tr>', () => {
    document.body.innerHTML = '<table><tbody><tr><td>A</td><td>5</td></tr></tbody></table>';
    const tr = document.querySelector('tr')!;
    syncRowPanels(document, [{ sku: 'A', element: tr }], new Map(), 'en');
    expect(tr.querySelector(`:scope > td:last-child > ${PANEL_TAG}`)).not.toBeNull();
  });

  it('uses the slot the adapter chose inside the row, and ignores a slot outside it', () => {
    document.body.innerHTML = '<div class="row"><div class="details">A</div><div class="qty">5</div></div><div id="elsewhere"></div>';
    const row = document.querySelector('.row')!;
    syncRowPanels(document, [{ sku: 'A', element: row, panelSlot: row.querySelector('.details')! }], new Map(), 'en');
    expect(row.querySelector(`.details > ${PANEL_TAG}`)).not.toBeNull();
    syncRowPanels(document, [{ sku: 'A', element: row, panelSlot: document.getElementById('elsewhere')! }], new Map(), 'en');
    expect(document.querySelector(`#elsewhere > ${PANEL_TAG}`)).toBeNull();
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
  });

  it('shows page text only as text: a hostile SKU cannot inject markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const anchors = rows(evil);
    syncRowPanels(document, anchors, new Map([[evil, { ...panel(evil, 3), clearance: { action: '<b>x</b>' } }]]), 'en');
    const shadow = anchors[0]!.element.querySelector(PANEL_TAG)!.shadowRoot!;
    expect(shadow.querySelector('img, b')).toBeNull();
    // Clearance actions are translated by code now (the raw action is never printed); the SKU is shown as text.
    expect(shadow.querySelector('[data-testid="clearance"]')!.textContent).toBe('Clearance: hold the price');
    expect(shadow.querySelector('.panel')!.getAttribute('aria-label')).toContain(evil);
  });

  it('shows Chinese text when the UI language is Chinese', () => {
    const anchors = rows('A');
    syncRowPanels(document, anchors, new Map([['A', panel('A', 12)]]), 'zh-CN');
    expect(coverText(anchors[0]!.element)).toBe('可售天数: 12 天');
  });

  it('recognises mutations that only touch its own panels', () => {
    const anchors = rows('A');
    syncRowPanels(document, anchors, new Map(), 'en');
    const host = document.querySelector(PANEL_TAG)!;
    const own = { type: 'childList', target: anchors[0]!.element, addedNodes: [host], removedNodes: [] } as unknown as MutationRecord;
    const page = { type: 'childList', target: anchors[0]!.element, addedNodes: [document.createElement('div')], removedNodes: [] } as unknown as MutationRecord;
    expect(isOwnMutation(own)).toBe(true);
    const bar = { type: 'childList', target: document.body, addedNodes: [document.createElement(SUMMARY_TAG)], removedNodes: [] } as unknown as MutationRecord;
    expect(isOwnMutation(bar)).toBe(true);
    expect(isOwnMutation(page)).toBe(false);
  });
});

describe('several anchors in one row', () => {
  it('gives each line of a multi-product order its own panel, in its own block', () => {
    document.body.innerHTML = '<table><tbody><tr><td>111-1</td><td><div class="p">SKU: A</div><div class="p">SKU: B</div></td></tr></tbody></table>';
    const tr = document.querySelector('tr')!;
    const [a, b] = [...tr.querySelectorAll('.p')];
    syncRowPanels(
      document,
      [
        { sku: 'A', element: tr, panelSlot: a! },
        { sku: 'B', element: tr, panelSlot: b! },
      ],
      new Map(),
      'en',
    );
    expect([...document.querySelectorAll(PANEL_TAG)].map((h) => (h as HTMLElement).dataset.sku)).toEqual(['A', 'B']);
    expect(a!.querySelector(PANEL_TAG)).not.toBeNull();
  });
});

describe('fill-in button on rows with an editable quantity field', () => {
  const base = { status: 'active', currency: 'USD', priceMinor: 1299, title: 'Mug' } as const;
  const LISTINGS: DemoListing[] = [
    { ...base, sku: 'MFN-MUG', asin: 'B0FILL0001', fulfillment: 'SELLER', available: 50 },
    { ...base, sku: 'FBA-MUG', asin: 'B0FILL0002', fnsku: 'X0FILL0002', fulfillment: 'FBA', available: 120, inbound: 0, reserved: 0, unfulfillable: 0 },
  ];
  const URL_ = 'https://sellercentral.amazon.com/myinventory/inventory';
  const withChannel = (sku: string, listed: number, suggested: number) => panelData({ sku, available: 80, channel: { listed, suggested, buffer: 0 } });
  const PANELS = new Map([
    ['MFN-MUG', withChannel('MFN-MUG', 50, 38)],
    ['FBA-MUG', withChannel('FBA-MUG', 120, 100)],
  ]);
  const hooks = { quantityField: amazonManageInventory.editableQuantity! };

  function page() {
    document.body.innerHTML = buildAmazonManageInventoryHtml(LISTINGS).replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    return amazonManageInventory.parse(document, contextFor(URL_, 'amazon.com')).anchors;
  }
  const rowOf = (sku: string) => document.querySelector(`[data-sku="${sku}"]`)!;
  const fillButton = (sku: string) => rowOf(sku).querySelector(PANEL_TAG)!.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="fill-quantity"]');
  const availableInput = (sku: string) => rowOf(sku).querySelector<HTMLInputElement>('input[aria-label="available"]')!;

  it('shows the button only on rows whose field the page type declares and the row has (MFN, not FBA)', () => {
    syncRowPanels(document, page(), PANELS, 'en', false, hooks);
    expect(fillButton('MFN-MUG')?.textContent).toBe('Fill in 38');
    expect(fillButton('FBA-MUG')).toBeNull();
  });

  it('shows no button without a declared field', () => {
    syncRowPanels(document, page(), PANELS, 'en', false, {});
    expect(fillButton('MFN-MUG')).toBeNull();
  });

  it("types the suggestion into that row's field on click, without saving, and says so", () => {
    syncRowPanels(document, page(), PANELS, 'en', false, hooks);
    const events: string[] = [];
    document.addEventListener('input', () => events.push('input'));
    document.addEventListener('change', () => events.push('change'));
    fillButton('MFN-MUG')!.click();
    expect(availableInput('MFN-MUG').value).toBe('38');
    expect(events).toEqual(['input', 'change']);
    expect(fillButton('MFN-MUG')!.textContent).toBe('Filled in 38: review and save on the page');
  });

  it('keeps saying "review and save" when the page is read again with the filled-in number', () => {
    const anchors = page();
    syncRowPanels(document, anchors, PANELS, 'en', false, hooks);
    fillButton('MFN-MUG')!.click();
    // The next read takes the field's value (38, not saved) as what the channel lists.
    const readBack = new Map([...PANELS, ['MFN-MUG', withChannel('MFN-MUG', 38, 38)]]);
    syncRowPanels(document, anchors, readBack, 'en', false, hooks);
    const shadow = rowOf('MFN-MUG').querySelector(PANEL_TAG)!.shadowRoot!;
    expect(fillButton('MFN-MUG')).toBeNull();
    expect(shadow.querySelector('[data-testid="filled"]')!.textContent).toBe('Filled in 38: review and save on the page');
    // A later suggestion that differs offers the button again.
    syncRowPanels(document, anchors, new Map([...PANELS, ['MFN-MUG', withChannel('MFN-MUG', 38, 30)]]), 'en', false, hooks);
    expect(fillButton('MFN-MUG')!.textContent).toBe('Fill in 30');
  });

  it('looks the field up at click time: a re-rendered input gets the number', () => {
    syncRowPanels(document, page(), PANELS, 'en', false, hooks);
    const old = availableInput('MFN-MUG');
    const fresh = old.cloneNode() as HTMLInputElement;
    old.replaceWith(fresh);
    fillButton('MFN-MUG')!.click();
    expect(fresh.value).toBe('38');
    expect(old.value).not.toBe('38');
  });

  it('refuses when the row now shows another listing (grid reused the row before the next read)', () => {
    syncRowPanels(document, page(), PANELS, 'en', false, hooks);
    const button = fillButton('MFN-MUG')!;
    rowOf('MFN-MUG').setAttribute('data-sku', 'OTHER-SKU');
    button.click();
    expect(availableInput('OTHER-SKU').value).toBe('50');
    expect(button.textContent).toBe('Fill in 38');
  });

  it('re-renders the panel when the row gains or loses its field', () => {
    const anchors = page();
    syncRowPanels(document, anchors, PANELS, 'en', false, hooks);
    availableInput('MFN-MUG').disabled = true;
    syncRowPanels(document, anchors, PANELS, 'en', false, hooks);
    expect(fillButton('MFN-MUG')).toBeNull();
  });
});
