import { describe, expect, it } from 'vitest';
import { rowAccountName, rowAccountNames } from './model';

const ACCOUNTS = [
  { id: 'default', name: 'Default account' },
  { id: 'amazon-b', name: 'Brand B' },
];

describe('which account a popup row says it belongs to', () => {
  it('names each row’s account when several accounts exist and the list shows them all, in the UI language', () => {
    const en = rowAccountNames('en', ACCOUNTS, '');
    expect(rowAccountName(en, { account: undefined })).toBe('Default account');
    expect(rowAccountName(en, { account: 'amazon-b' })).toBe('Brand B');
    const zh = rowAccountNames('zh-CN', ACCOUNTS, '');
    expect(rowAccountName(zh, { account: undefined })).toBe('默认账户');
    expect(rowAccountName(zh, { account: 'amazon-b' })).toBe('Brand B');
    // A default account a page named keeps its name in both languages.
    expect(rowAccountName(rowAccountNames('zh-CN', [{ id: 'default', name: 'Brand A' }, ACCOUNTS[1]!], ''), {})).toBe('Brand A');
  });

  it('names none with one account, or when the filter shows one account', () => {
    expect(rowAccountNames('en', [ACCOUNTS[0]!], '')).toBeUndefined();
    expect(rowAccountName(rowAccountNames('en', ACCOUNTS, 'amazon-b'), { account: 'amazon-b' })).toBeUndefined();
  });
});
