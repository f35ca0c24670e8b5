import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS } from '../locale/headers';
import type { Language } from '../i18n';
import { isPageKey } from '../i18n/page';
import { Diagnostics } from '../platforms/shared/read';
import { alertText, diagnosticText, reasonText } from './codes';

const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

describe('diagnosticText', () => {
  it('names a missing column by its field name in every language, never by its id', () => {
    for (const language of LANGUAGES) {
      for (const field of HEADER_FIELDS) {
        const diags = new Diagnostics();
        diags.missingColumn(field, 'amazon/manage-inventory');
        const text = diagnosticText(language, diags.list[0]!);
        expect(text, `${language} ${field}`).not.toContain(`"${field}"`);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('names the default account in the UI language, any account a page named as it is', () => {
    const notShown = (account: string, accountId: string) => ({
      code: 'account-not-shown',
      message: `… filed under ${account} …`,
      params: { account, accountId, host: 'sellercentral.amazon.com' },
    });
    expect(diagnosticText('zh-CN', notShown('Default account', 'default'))).toContain('默认账户');
    expect(diagnosticText('zh-CN', notShown('Default account', 'default'))).not.toContain('Default account');
    expect(diagnosticText('zh-CN', notShown('Brand B', 'amazon-b'))).toContain('Brand B');
    expect(diagnosticText('en', notShown('Default account', 'default'))).toContain('filed under Default account');
  });

  it('says the field of a bad value in Chinese with Chinese words', () => {
    const text = diagnosticText('zh-CN', { code: 'bad-number', message: 'Could not read available "abc"', params: { field: 'available', value: 'abc' } });
    expect(text).toBe('无法读取可售数量"abc"');
  });

  it("every diagnostic code a page reader adds (lib/platforms) is said in both languages, not in the reader's English", () => {
    const dir = join(__dirname, '../platforms');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const codes = new Set(
      files.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\.add\(\s*'(?:error|warning|info)',\s*'([a-z-]+)'/g)].map((m) => m[1]!)),
    );
    expect(codes.size).toBeGreaterThan(15);
    // The Chinese table has every key of the English one (a type error otherwise).
    expect([...codes].filter((code) => !isPageKey(`diag.${code}`))).toEqual([]);
  });

  it('a listing kept under its item number says so, with the number, in both languages', () => {
    const d = { code: 'sku-from-item-id', message: '', params: { itemId: '225000000000' } };
    expect(diagnosticText('en', d)).toBe('A listing without a SKU was kept under its item number 225000000000');
    expect(diagnosticText('zh-CN', d)).toBe('一条没有 SKU 的商品已按其物品编号 225000000000 记录');
  });

  it("a bad value of any page field is named in the seller's language (readers name cells by field id)", async () => {
    const { adapter } = await import('../platforms/amazon/shipments');
    const { contextFor } = await import('../platforms/testing/load');
    const { Window } = await import('happy-dom');
    const window = new Window();
    const html =
      '<table><thead><tr><th>Shipment ID</th><th>Units expected</th><th>Status</th></tr></thead><tbody><tr><td>FBA17XYZ12AB</td><td>lots</td><td>Shipped</td></tr></tbody></table>';
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const [bad] = adapter.parse(doc, contextFor('https://sellercentral.amazon.com/gp/ssof/shipping-queue.html', 'amazon.com')).diagnostics;
    expect(bad).toMatchObject({ code: 'bad-number', params: { field: 'unitsExpected', value: 'lots' } });
    expect(diagnosticText('en', bad!)).toBe('Could not read Units expected "lots"');
    expect(diagnosticText('zh-CN', bad!)).toBe('无法读取预计商品数量"lots"');
  });

  it('keeps a field id nobody declared a name for (an age bucket) as the reader wrote it', () => {
    const text = diagnosticText('en', { code: 'bad-number', message: '', params: { field: 'age 0-90', value: 'x' } });
    expect(text).toBe('Could not read age 0-90 "x"');
  });
});

describe('alertText of a capacity cut held in AWD', () => {
  const params = { units: 300, held: 500, limit: 300, date: '2027-01-04', legDays: 20 };

  it('says the AWD cost in whole money with its days, boxes and leg, in both languages', () => {
    const priced = { code: 'fba-capacity-hold-awd', params: { ...params, amountMinor: 23_670, currency: 'USD', days: 30, boxes: 17, perBox: 30 } };
    expect(alertText('en', priced)).toBe(
      'FBA capacity (300 cu ft) takes only 300 on 1/4/2027: hold the other 500 in your own warehouse (no Amazon fee) or in AWD (~$237: storage for up to 30 days until FBA has room, 17 boxes of 30 in and out, transport; AWD to FBA takes 20 days)',
    );
    const zh = alertText('zh-CN', priced);
    expect(zh).toContain('AWD 到 FBA 需 20 天');
    expect(zh).toMatch(/约 US\$237|约 \$237/);
  });

  it('says what is missing when AWD cannot be priced, never an amount of 0', () => {
    for (const language of LANGUAGES) {
      for (const code of ['fba-capacity-hold-awd-volume-unknown', 'fba-capacity-hold-awd-fee-unknown']) {
        const text = alertText(language, { code, params });
        expect(text).not.toMatch(/\{\w+\}|\$0/);
        expect(text).toContain('20');
      }
    }
    expect(alertText('en', { code: 'fba-capacity-hold-awd-volume-unknown', params })).toContain('no unit volume set for this SKU');
  });
});

describe('an overdue reorder in alerts and health reasons', () => {
  const alert = { code: 'reorder-now', params: { reorderDate: '2026-11-12', quantity: 3352, daysLate: 3 } };
  const reason = { code: 'reorder-overdue', params: { reorderDate: '2026-11-12', daysLate: 3 } };

  it("counts the days late to today, not to the day the plan was made, in the panel's words", () => {
    expect(alertText('en', alert, '2026-12-02')).toBe('Reorder 3,352 now · overdue since Nov 12 (20 days)');
    expect(alertText('zh-CN', alert, '2026-12-02')).toBe('请立即补货 3,352 件 · 自 11月12日 起已逾期（20 天）');
    expect(reasonText('en', reason, '2026-12-02')).toBe('Reorder overdue since Nov 12 (20 days)');
    expect(reasonText('zh-CN', reason, '2026-12-02')).toBe('补货自 11月12日 起已逾期（20 天）');
  });

  it('says one day, and a reorder due today, without a plural or a zero', () => {
    expect(alertText('en', { ...alert, params: { ...alert.params, daysLate: 1 } }, '2026-11-13')).toBe('Reorder 3,352 now · overdue since Nov 12 (1 day)');
    expect(reasonText('en', { ...reason, params: { ...reason.params, daysLate: 1 } }, '2026-11-13')).toBe('Reorder overdue since Nov 12 (1 day)');
    expect(alertText('en', { ...alert, params: { ...alert.params, daysLate: 0 } }, '2026-11-12')).toBe('Reorder 3,352 today');
    expect(alertText('zh-CN', { ...alert, params: { ...alert.params, daysLate: 0 } }, '2026-11-12')).toBe('请今天补货 3,352 件');
  });

  it('never counts fewer days than the plan did (a plan made in a zone a day ahead)', () => {
    expect(alertText('en', { ...alert, params: { ...alert.params, daysLate: 2 } }, '2026-11-13')).toBe('Reorder 3,352 now · overdue since Nov 12 (2 days)');
  });
});
