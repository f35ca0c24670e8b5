import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS } from '../locale/headers';
import type { Language } from '../i18n';
import { Diagnostics } from '../platforms/shared/read';
import { alertText, diagnosticText } from './codes';

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

  it('says the field of a bad value in Chinese with Chinese words', () => {
    const text = diagnosticText('zh-CN', { code: 'bad-number', message: 'Could not read available "abc"', params: { field: 'available', value: 'abc' } });
    expect(text).toBe('无法读取可售数量"abc"');
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
