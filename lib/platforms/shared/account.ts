/**
 * Which seller account a seller page is signed in to, from what the page shows in its own
 * chrome (the account or merchant switcher, the signed-in seller's name or id): readings of
 * two accounts with the same SKUs must never become one listing (issue 12).
 *
 * Signals are tried in order, the most specific first: a seller id (unique, stable) beats a
 * display name (which a seller can rename, and two accounts may share). The selectors are
 * declared per platform below, each with the page variant it was written for; the fixtures in
 * tests/fixtures/accounts/ reproduce them, and their notes say what is uncertain. A page that
 * shows none of them gives undefined: the background then files the readings under the
 * account last seen on that host and adds a diagnostic (lib/background/page-handlers.ts).
 */
import type { PageAccount } from '../../accounts/registry';
import type { Platform } from '../../records';

/** One place a page shows its account: an attribute or the text of an element, or a pattern in the page's text. */
interface AccountSignal {
  /** Short name, reported with the account (diagnostics, fixture notes). */
  name: string;
  /** What the signal gives: a seller id, or only a display name. */
  gives: 'id' | 'name';
  selector: string;
  /** Read this attribute (else the element's text). */
  attribute?: string;
  /** Pattern applied to the value (or text); its first group is the value. */
  pattern?: RegExp;
}

/**
 * Each platform's signals, most specific first. Variants:
 * - Amazon Seller Central, the 2023+ header: the account switcher's button shows
 *   "<account name> | <marketplace>"; pages carry the merchant token (A + 12-14 capitals and
 *   digits) in a hidden `merchantId` field or a `data-merchant-id` attribute of the switcher.
 *   Older header: `#partner-switcher` with `.partner-level-label`.
 * - Walmart Seller Center: the header's account menu shows the store name and "Partner ID".
 * - eBay Seller Hub: the global header greets the signed-in user; Seller Hub's own header
 *   shows the user id (`data-test-id="user-id"`).
 */
const SIGNALS: Record<Platform, readonly AccountSignal[]> = {
  amazon: [
    { name: 'merchant-id-attribute', gives: 'id', selector: '[data-merchant-id]', attribute: 'data-merchant-id', pattern: /^(A[A-Z0-9]{9,16})$/ },
    {
      name: 'merchant-id-field',
      gives: 'id',
      selector: 'input[name="merchantId"], input[name="merchant-id"]',
      attribute: 'value',
      pattern: /^(A[A-Z0-9]{9,16})$/,
    },
    {
      name: 'account-switcher',
      gives: 'name',
      selector: '.dropdown-account-switcher-header-label-global, [data-test-id="account-switcher-label"]',
    },
    { name: 'partner-switcher', gives: 'name', selector: '#partner-switcher .partner-level-label' },
  ],
  walmart: [
    { name: 'partner-id', gives: 'id', selector: '[data-automation-id="partner-id"]', pattern: /(\d{4,20})/ },
    { name: 'store-name', gives: 'name', selector: '[data-automation-id="partner-name"], [data-automation-id="store-name"]' },
  ],
  ebay: [
    { name: 'seller-hub-user-id', gives: 'id', selector: '[data-test-id="user-id"]', pattern: /^\(?([A-Za-z0-9._*-]{2,64})\)?$/ },
    { name: 'header-greeting', gives: 'name', selector: '#gh-ug b, .gh-identity__greeting span' },
  ],
};

/** Whitespace collapsed, trimmed. */
function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The value one signal reads from the page, if it shows one. */
function readSignal(root: ParentNode, signal: AccountSignal): string | undefined {
  for (const element of root.querySelectorAll(signal.selector)) {
    const raw = clean(signal.attribute ? element.getAttribute(signal.attribute) : element.textContent);
    // The new header shows "<name> | <marketplace>": the name is the part before the bar.
    const value = signal.gives === 'name' ? clean(raw.split('|')[0]) : raw;
    const match = signal.pattern ? signal.pattern.exec(value)?.[1] : value;
    if (match) return match.slice(0, 120);
  }
  return undefined;
}

/**
 * The seller account a page shows: its seller id when shown (with the name, when shown too),
 * else its display name; undefined when the page shows neither.
 * @example detectAccount(document, 'amazon') // { seller: 'A2EUQ1WTGCTBG2', name: 'Brand A', signal: 'merchant-id-attribute' }
 */
export function detectAccount(root: ParentNode, platform: Platform): PageAccount | undefined {
  let id: { value: string; signal: string } | undefined;
  let name: string | undefined;
  for (const signal of SIGNALS[platform]) {
    const value = readSignal(root, signal);
    if (value === undefined) continue;
    if (signal.gives === 'id') id ??= { value, signal: signal.name };
    else name ??= value;
    if (id && name) break;
  }
  if (id) return { seller: id.value, signal: id.signal, ...(name ? { name: name.slice(0, 200) } : {}) };
  if (name) return { seller: `name:${name}`.slice(0, 120), name: name.slice(0, 200), signal: 'name-only' };
  return undefined;
}
