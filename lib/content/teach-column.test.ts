// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS } from '../locale/headers';
import { appendTeach, fieldName, fieldsToTeach, type TeachView } from './teach-column';

const noop = () => {};
function view(partial: Partial<TeachView>): TeachView {
  return { fields: ['title'], headers: ['SKU', '', 'Headline'], open: true, onOpen: noop, onCancel: noop, onChoose: noop, onSave: noop, ...partial };
}

describe('fieldsToTeach', () => {
  it('offers the missing required columns first, then the missing optional ones, each once, and only real fields', () => {
    const d = (code: string, column: string) => ({ code, params: { column } });
    expect(
      fieldsToTeach([
        d('missing-optional-column', 'price'),
        d('missing-column', 'title'),
        d('missing-column', 'title'),
        d('missing-column', 'Available'),
        d('bad-number', 'sku'),
      ]),
    ).toEqual(['title', 'price']);
  });
});

describe('fieldName', () => {
  it('names every header field in both languages', () => {
    // Codes that read the same in both languages.
    const same = ['asin', 'fnsku', 'gtin'];
    for (const field of HEADER_FIELDS) {
      expect(fieldName('en', field)).not.toMatch(/^teach\.field/);
      if (!same.includes(field)) expect(fieldName('zh-CN', field)).not.toBe(fieldName('en', field));
    }
    expect(fieldName('zh-CN', 'title')).toBe('标题（商品名称）');
  });
});

describe('appendTeach', () => {
  it('offers "Show me the column" while closed', () => {
    const bar = document.createElement('div');
    let opened = 0;
    appendTeach(bar, 'zh-CN', view({ open: false, onOpen: () => opened++ }));
    const button = bar.querySelector<HTMLButtonElement>('[data-testid="teach-open"]')!;
    expect(button.textContent).toBe('指出这一列');
    button.click();
    expect(opened).toBe(1);
  });

  it('lists the columns that have a header text, labels both lists, and saves only with a column and a field', () => {
    const bar = document.createElement('div');
    appendTeach(bar, 'en', view({ field: 'title' }));
    const column = bar.querySelector<HTMLSelectElement>('[data-testid="teach-column"]')!;
    expect([...column.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Choose a column…'],
      ['0', 'SKU'],
      ['2', 'Headline'],
    ]);
    expect(column.closest('label')?.textContent).toMatch(/^Column /);
    expect(bar.querySelector<HTMLButtonElement>('[data-testid="teach-save"]')!.disabled).toBe(true);

    const ready = document.createElement('div');
    let saved = 0;
    appendTeach(ready, 'en', view({ column: 2, field: 'title', onSave: () => saved++ }));
    ready.querySelector<HTMLButtonElement>('[data-testid="teach-save"]')!.click();
    expect(saved).toBe(1);
  });

  it('says so when the page has no table', () => {
    const bar = document.createElement('div');
    appendTeach(bar, 'en', view({ headers: [] }));
    expect(bar.textContent).toContain('No table found on this page.');
    expect(bar.querySelector('[data-testid="teach-column"]')).toBeNull();
  });
});
