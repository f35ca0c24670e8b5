// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { documentFrom, fixtureHtml } from '../testing/load';
import { detectAccount } from './account';

/** Each fixture (tests/fixtures/accounts/, each with a note saying what it reproduces) and what the reader must get from it. */
const CASES = [
  {
    file: 'accounts/amazon-account-switcher.html',
    platform: 'amazon',
    expected: { seller: 'A2EUQ1WTGCTBG2', name: 'Northwind Home Goods', signal: 'merchant-id-attribute' },
  },
  {
    file: 'accounts/amazon-partner-switcher-legacy.html',
    platform: 'amazon',
    expected: { seller: 'name:Contoso Outdoor', name: 'Contoso Outdoor', signal: 'name-only' },
  },
  {
    file: 'accounts/walmart-seller-center-header.html',
    platform: 'walmart',
    expected: { seller: '10001234567', name: 'Fabrikam Kitchen LLC', signal: 'partner-id' },
  },
  {
    file: 'accounts/ebay-seller-hub-header.html',
    platform: 'ebay',
    expected: { seller: 'tailspin-toys-uk', name: 'Jordan', signal: 'seller-hub-user-id' },
  },
] as const;

describe('detectAccount', () => {
  for (const { file, platform, expected } of CASES) {
    it(`reads the account of ${file}`, () => {
      expect(detectAccount(documentFrom(fixtureHtml(file)), platform)).toEqual(expected);
    });
  }

  it('gives undefined on a page that shows no account, on every platform', () => {
    const doc = documentFrom(fixtureHtml('accounts/no-account-shown.html'));
    for (const platform of ['amazon', 'walmart', 'ebay'] as const) expect(detectAccount(doc, platform)).toBeUndefined();
  });

  it("never reads another platform's header, and refuses a malformed merchant token for the name", () => {
    const amazon = documentFrom(fixtureHtml('accounts/amazon-account-switcher.html'));
    expect(detectAccount(amazon, 'walmart')).toBeUndefined();
    const forged = documentFrom('<div data-merchant-id="not a token"><span class="dropdown-account-switcher-header-label-global">Shop | Germany</span></div>');
    expect(detectAccount(forged, 'amazon')).toEqual({ seller: 'name:Shop', name: 'Shop', signal: 'name-only' });
  });

  it('finds the account in a real page fixture with the header added (the manage-inventory grid is unchanged)', () => {
    const page = fixtureHtml('amazon/manage-inventory.en.html');
    const header = fixtureHtml('accounts/amazon-account-switcher.html')
      .match(/<div id="sc-navbar-container"[\s\S]*?<main/)![0]
      .replace(/<main$/, '');
    const doc = documentFrom(page.replace(/<body([^>]*)>/, `<body$1>${header}`));
    expect(detectAccount(doc, 'amazon')?.seller).toBe('A2EUQ1WTGCTBG2');
  });
});
