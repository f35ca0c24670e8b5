import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS } from '../locale/headers';
import type { Language } from '../i18n';
import { Diagnostics } from '../platforms/shared/read';
import { diagnosticText } from './codes';

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
