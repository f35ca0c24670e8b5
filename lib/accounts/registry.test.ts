import { describe, expect, it } from 'vitest';
import { accountIdFor, EMPTY_ACCOUNTS, importAccountDefault, parseAccountsDoc, resolveAccount } from './registry';

const SC = 'sellercentral.amazon.com';
const A = { seller: 'A1AAAAAAAAAAAA', name: 'Brand A', signal: 'merchant-id-attribute' };
const B = { seller: 'A2BBBBBBBBBBBB', name: 'Brand B', signal: 'merchant-id-attribute' };

describe('resolveAccount', () => {
  it("gives the first account seen on a platform the default account (an old store's rows are its rows), later ones their own", () => {
    const first = resolveAccount(EMPTY_ACCOUNTS, 'amazon', SC, A);
    expect(first).toMatchObject({ account: 'default', changed: true });
    expect(first.doc.accounts[0]).toEqual({ id: 'default', name: 'Brand A', sellers: [{ platform: 'amazon', seller: A.seller }] });
    const second = resolveAccount(first.doc, 'amazon', SC, B);
    expect(second.account).toBe('amazon-a2bbbbbbbbbbbb');
    expect(second.doc.lastByHost[SC]).toBe('amazon-a2bbbbbbbbbbbb');
    // Seen again: same ids, nothing to save.
    const again = resolveAccount(second.doc, 'amazon', SC, B);
    expect(again).toMatchObject({ account: 'amazon-a2bbbbbbbbbbbb', changed: false });
    expect(resolveAccount(again.doc, 'amazon', SC, A).account).toBe('default');
    // The first Walmart login also claims the default account (one brand on several platforms links as before).
    expect(resolveAccount(second.doc, 'walmart', 'seller.walmart.com', { seller: '10001234567', signal: 'partner-id' }).account).toBe('default');
  });

  it('files a page that shows no account under the account last seen on its host, and says so', () => {
    const seen = resolveAccount(resolveAccount(EMPTY_ACCOUNTS, 'amazon', SC, A).doc, 'amazon', SC, B).doc;
    expect(resolveAccount(seen, 'amazon', SC, undefined)).toMatchObject({ account: 'amazon-a2bbbbbbbbbbbb', changed: false, fallback: 'last-seen-on-host' });
    expect(resolveAccount(seen, 'amazon', 'sellercentral.amazon.de', undefined)).toMatchObject({ account: 'default', fallback: 'none-seen-on-host' });
  });

  it('keeps the document valid and reads a damaged one as empty', () => {
    expect(parseAccountsDoc({ nonsense: true })).toEqual(EMPTY_ACCOUNTS);
    expect(parseAccountsDoc(undefined).accounts.map((a) => a.id)).toEqual(['default']);
    const doc = resolveAccount(EMPTY_ACCOUNTS, 'ebay', 'www.ebay.com', { seller: 'name:Jo Smith', signal: 'name-only' }).doc;
    expect(parseAccountsDoc(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });
});

describe('importAccountDefault', () => {
  it("suggests the account a page of the file's platform last showed, else the one last seen on its host, else the default", () => {
    const seen = resolveAccount(resolveAccount(EMPTY_ACCOUNTS, 'amazon', SC, A).doc, 'amazon', 'sellercentral.amazon.de', B).doc;
    expect(seen.lastByPlatform).toEqual({ amazon: 'amazon-a2bbbbbbbbbbbb' });
    expect(importAccountDefault(seen, 'amazon', SC)).toBe('amazon-a2bbbbbbbbbbbb');
    expect(importAccountDefault(seen, 'walmart', 'seller.walmart.com')).toBe('default');
    // A document saved before platforms were tracked: the marketplace's host decides.
    const old = { ...seen, lastByPlatform: {} };
    expect(importAccountDefault(old, 'amazon', SC)).toBe('default');
    expect(importAccountDefault(old, 'amazon', 'sellercentral.amazon.de')).toBe('amazon-a2bbbbbbbbbbbb');
    expect(importAccountDefault(parseAccountsDoc({ ...seen, lastByPlatform: undefined }), undefined, undefined)).toBe('default');
    // An account that is gone (merged away) is never suggested.
    expect(importAccountDefault({ ...seen, accounts: [seen.accounts[0]!] }, 'amazon', 'sellercentral.amazon.de')).toBe('default');
  });
});

describe('accountIdFor', () => {
  it('makes a valid, stable id; sellers that slug alike stay apart', () => {
    expect(accountIdFor('amazon', 'A2EUQ1WTGCTBG2')).toBe('amazon-a2euq1wtgctbg2');
    expect(accountIdFor('ebay', 'name:Jo Smith')).toMatch(/^ebay-name-jo-smith-[a-z0-9]+$/);
    expect(accountIdFor('ebay', 'name:Jo Smith')).not.toBe(accountIdFor('ebay', 'name:Jo  Smith'));
    expect(accountIdFor('walmart', '***')).toMatch(/^walmart-[a-z0-9]+$/);
  });
});
