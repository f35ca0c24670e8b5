/**
 * The demo pages' site header with the signed-in seller account, as every real seller page
 * shows it above the table (the fixture builders render the table alone). Without it each page
 * read added an "account not shown" reading problem that a real page would not: 13 of the demo
 * popup's 14 reading problems. The markup follows the account fixtures the reader is tested on
 * (tests/fixtures/accounts/, each with a note on the page variant and what is uncertain):
 * Seller Central's 2023+ account switcher with the merchant token, Walmart Seller Center's
 * account menu with the Partner ID, Seller Hub's header with the eBay user id.
 */
import type { Platform } from '../../lib/records';

/** The demo seller, one account on every platform (made up: no real seller's ids). */
const DEMO_ACCOUNT = { name: 'Demo Home & Kitchen', amazonMerchantId: 'A3DEMO0SELLER1', walmartPartnerId: '10009990001', ebayUserId: 'demo-home-kitchen' };

/** The name as HTML text (the markup below is HTML source, not DOM text). */
const NAME_HTML = DEMO_ACCOUNT.name.replace(/&/g, '&amp;');

const HEADERS: Record<Platform, string> = {
  amazon: `<div id="sc-navbar-container" class="sc-navbar demo-chrome">
  <a class="sc-logo" href="/home" aria-label="Seller Central">amazon seller central</a>
  <div class="dropdown-account-switcher" data-merchant-id="${DEMO_ACCOUNT.amazonMerchantId}">
    <button class="dropdown-account-switcher-header" aria-haspopup="true"><span class="dropdown-account-switcher-header-label-global">${NAME_HTML}</span></button>
  </div>
</div>`,
  walmart: `<header data-automation-id="header" class="demo-chrome">
  <span>Walmart Seller Center</span>
  <button data-automation-id="account-menu" aria-expanded="false"><span data-automation-id="partner-name">${NAME_HTML}</span></button>
  <div data-automation-id="account-menu-panel" hidden><div data-automation-id="partner-id">Partner ID: ${DEMO_ACCOUNT.walmartPartnerId}</div></div>
</header>`,
  ebay: `<div class="sh-header demo-chrome">
  <span>Seller Hub</span>
  <span id="gh-ug">Hi <b>${NAME_HTML}</b>!</span>
  <span class="sh-user" data-test-id="user-id">(${DEMO_ACCOUNT.ebayUserId})</span>
</div>`,
};

/** Styling of the header bar, shared by every platform's markup (the `demo-chrome` class is the demo's own). */
export const ACCOUNT_HEADER_STYLE = `
.demo-chrome { display: flex; justify-content: space-between; align-items: center; gap: 12px; background: #232f3e; color: #fff; padding: 8px 20px; font-weight: 700; }
.demo-chrome a, .demo-chrome button { color: #fff; background: none; border: 0; font: inherit; padding: 0; }
.demo-chrome button { font-weight: 400; }
`;

/**
 * A demo page with its platform's header, signed in to the demo seller's account, first in the body.
 * @example withAccountHeader('<html><body><table></table></body></html>', 'ebay') // '<html><body><div class="sh-header demo-chrome">…</div><table></table></body></html>'
 */
export function withAccountHeader(html: string, platform: Platform): string {
  return html.replace(/<body([^>]*)>/, (body) => `${body}\n${HEADERS[platform]}`);
}
