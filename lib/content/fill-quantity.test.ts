// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { EDITABLE_QUANTITY, adapter } from '../platforms/amazon/manage-inventory';
import { fixtureHtml, readHtml } from '../platforms/testing/load';
import { buildAmazonManageInventoryHtml } from '../../tests/fixtures/builders/amazon-manage-inventory';
import type { DemoListing } from '../../tests/fixtures/builders/types';
import { fillQuantityInput, findQuantityInput, quantityFieldFinder } from './fill-quantity';

/**
 * React's value tracker, as react-dom installs it on a controlled input: a `value` property on
 * the element that remembers what was last written through it; an input event whose value
 * equals the remembered one is ignored (no onChange).
 */
function reactLike(input: HTMLInputElement) {
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  let tracked = input.value;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return native.get!.call(this);
    },
    set(v: string) {
      tracked = String(v);
      native.set!.call(this, v);
    },
  });
  const changes: string[] = [];
  const onEvent = () => {
    const now = native.get!.call(input) as string;
    if (now === tracked) return;
    tracked = now;
    changes.push(now);
  };
  input.addEventListener('input', onEvent);
  input.addEventListener('change', onEvent);
  return { changes, tracked: () => tracked };
}

describe('fillQuantityInput', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  function setup(attrs = '') {
    document.body.innerHTML = `<form id="f"><input type="text" aria-label="available" value="50" ${attrs}><button type="submit" id="save">Save</button></form>`;
    const input = document.querySelector('input')!;
    const events: { type: string; bubbles: boolean; isInput: boolean }[] = [];
    let submitted = 0;
    let saveClicked = 0;
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (e) => {
      submitted++;
      e.preventDefault();
    });
    document.querySelector('#save')!.addEventListener('click', () => {
      saveClicked++;
    });
    // Listened on the document: the events must bubble to where React listens (its root).
    for (const type of ['input', 'change', 'keydown', 'keypress', 'keyup']) {
      document.addEventListener(type, (e) =>
        events.push({ type: e.type, bubbles: e.bubbles, isInput: typeof InputEvent !== 'undefined' && e instanceof InputEvent }),
      );
    }
    return { input, events, submitted: () => submitted, saveClicked: () => saveClicked };
  }

  it('sets the value, focuses the field and fires one bubbling input then one change event', () => {
    const { input, events } = setup();
    expect(fillQuantityInput(input, 38)).toBe(true);
    expect(input.value).toBe('38');
    expect(document.activeElement).toBe(input);
    expect(events.map((e) => e.type)).toEqual(['input', 'change']);
    expect(events.every((e) => e.bubbles)).toBe(true);
    expect(events[0]!.isInput).toBe(true);
  });

  it('never submits the form, presses a key or clicks save', () => {
    const { input, events, submitted, saveClicked } = setup();
    fillQuantityInput(input, 12);
    expect(submitted()).toBe(0);
    expect(saveClicked()).toBe(0);
    expect(events.some((e) => e.type.startsWith('key'))).toBe(false);
  });

  it('bypasses a React-style value tracker, so the page sees exactly one change with the number', () => {
    const { input } = setup();
    const react = reactLike(input);
    expect(fillQuantityInput(input, 38)).toBe(true);
    // input fired the change; change found the tracker already current: once.
    expect(react.changes).toEqual(['38']);
    expect(react.tracked()).toBe('38');
  });

  it('shows why the native setter is needed: a plain assignment is swallowed by the tracker', () => {
    const { input } = setup();
    const react = reactLike(input);
    input.value = '38';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(react.changes).toEqual([]);
  });

  it('refuses disabled, read-only and detached inputs, and quantities that are not whole and non-negative', () => {
    expect(fillQuantityInput(setup('disabled').input, 5)).toBe(false);
    expect(fillQuantityInput(setup('readonly').input, 5)).toBe(false);
    const detached = setup();
    detached.input.remove();
    expect(fillQuantityInput(detached.input, 5)).toBe(false);
    expect(detached.input.value).toBe('50');
    const { input, events } = setup();
    expect(fillQuantityInput(input, -1)).toBe(false);
    expect(fillQuantityInput(input, 2.5)).toBe(false);
    expect(fillQuantityInput(input, Number.NaN)).toBe(false);
    expect(input.value).toBe('50');
    expect(events).toEqual([]);
  });

  it('refuses an input inside a disabled fieldset', () => {
    document.body.innerHTML = '<fieldset disabled><input type="text" value="3"></fieldset>';
    const input = document.querySelector('input')!;
    expect(fillQuantityInput(input, 5)).toBe(false);
    expect(input.value).toBe('3');
  });
});

const base = { status: 'active', currency: 'USD', priceMinor: 1299, title: 'Mug' } as const;
const LISTINGS: DemoListing[] = [
  { ...base, sku: 'MFN-MUG', asin: 'B0FILL0001', fulfillment: 'SELLER', available: 50 },
  { ...base, sku: 'FBA-MUG', asin: 'B0FILL0002', fnsku: 'X0FILL0002', fulfillment: 'FBA', available: 120, inbound: 0, reserved: 0, unfulfillable: 0 },
];

describe('Manage All Inventory: the declared editable quantity field', () => {
  const rowOf = (sku: string) => document.querySelector(`[data-sku="${sku}"]`)!;

  it('finds the Available input of a merchant-fulfilled row, never the price input; none on FBA rows', () => {
    document.body.innerHTML = buildAmazonManageInventoryHtml(LISTINGS).replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    expect(adapter.editableQuantity).toBe(EDITABLE_QUANTITY);
    const input = findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)!;
    expect(input.getAttribute('aria-label')).toBe('available');
    expect(input.value).toBe('50');
    expect(findQuantityInput(rowOf('FBA-MUG'), EDITABLE_QUANTITY)).toBeNull();
  });

  it('finds the column by header text in every UI language, wherever it is', () => {
    for (const lang of ['en', 'zh', 'de', 'ja'] as const) {
      document.body.innerHTML = buildAmazonManageInventoryHtml(LISTINGS, { lang }).replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
      expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)?.value, lang).toBe('50');
    }
    // Columns moved: the Available header and cells swapped with Inbound's. Still the Available input.
    document.body.innerHTML = buildAmazonManageInventoryHtml(LISTINGS).replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    for (const row of document.querySelectorAll('[role="row"]')) {
      const cells = row.children;
      row.insertBefore(cells[6]!, cells[5]!);
    }
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)?.getAttribute('aria-label')).toBe('available');
  });

  it('finds the column under a header the synonyms do not know once the seller taught it, also after a rename (by its hint)', () => {
    document.body.innerHTML = buildAmazonManageInventoryHtml(LISTINGS).replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const header = Array.from(document.querySelectorAll('[role="columnheader"]')).find((h) => (h.textContent ?? '').trim() === 'Available')!;
    header.textContent = 'Units you can sell';
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)).toBeNull();
    const taught = [{ field: 'available' as const, header: 'Units you can sell', hint: 'data-column=avail' }];
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY, taught)?.value).toBe('50');
    // Renamed again: the taught column's hint finds it.
    header.setAttribute('data-column', 'avail');
    header.textContent = 'Sellable now';
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY, taught)?.value).toBe('50');
    expect(quantityFieldFinder(EDITABLE_QUANTITY, taught)(rowOf('FBA-MUG'))).toBeNull();
  });

  it('finds one input per MFN row of the 30-row fixture and none on FBA or parent rows', () => {
    const read = readHtml(adapter, fixtureHtml('amazon/manage-inventory.en.html'), 'https://sellercentral.amazon.com/myinventory/inventory', 'amazon.com');
    const find = quantityFieldFinder(EDITABLE_QUANTITY);
    for (const anchor of read.anchors) {
      const row = read.rows.find((r) => r.kind === 'listing' && r.sku === anchor.sku)!;
      const input = find(anchor.element);
      if (row.kind === 'listing' && row.fulfillment === 'SELLER') expect(input?.value.replace(/,/g, ''), anchor.sku).toBe(String(row.available));
      else expect(input, anchor.sku).toBeNull();
    }
  });

  it('refuses a field labelled as something else, two candidates, and a disabled field', () => {
    document.body.innerHTML = buildAmazonManageInventoryHtml(LISTINGS).replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const input = () => rowOf('MFN-MUG').querySelector('input[aria-label="available"]') as HTMLInputElement;
    input().setAttribute('aria-label', 'price');
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)).toBeNull();
    const cell = rowOf('MFN-MUG').querySelector('input[aria-label="price"]')!.parentElement!;
    cell.innerHTML = '<input type="text" aria-label="available" value="1"><input type="text" name="quantity" value="2">';
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)).toBeNull();
    cell.innerHTML = '<input type="text" aria-label="available" value="1" disabled>';
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)).toBeNull();
    // Unlabelled text input in the Available column: the column and type are enough.
    cell.innerHTML = '<input type="number" value="7">';
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)?.value).toBe('7');
  });

  it('reaches the real <input> inside a <kat-input> shadow root', () => {
    document.body.innerHTML = buildAmazonManageInventoryHtml(LISTINGS).replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const cell = rowOf('MFN-MUG').querySelector('input[aria-label="available"]')!.parentElement!;
    cell.innerHTML = '<kat-input type="number" name="quantity" value="50"></kat-input>';
    const host = cell.firstElementChild!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<input type="number" part="input">';
    const inner = host.shadowRoot!.querySelector('input')!;
    inner.value = '50';
    expect(findQuantityInput(rowOf('MFN-MUG'), EDITABLE_QUANTITY)).toBe(inner);
    let heard = '';
    // A typed value's input event is composed: it reaches listeners outside the component.
    document.addEventListener('input', (e) => {
      heard = (e.composedPath()[0] as HTMLInputElement).value;
    });
    expect(fillQuantityInput(inner, 38)).toBe(true);
    expect(heard).toBe('38');
  });
});
