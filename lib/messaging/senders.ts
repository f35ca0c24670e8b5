/**
 * Who may send a message. Every message in the protocol map (protocol.ts) declares its
 * `senders`, and the dispatcher (rpc.ts) refuses any other sender before the payload is
 * validated or a handler runs, so handlers never check their sender themselves.
 *
 * Three kinds:
 * - `content`: a content script on a seller page (sender URL an https seller-dashboard page,
 *   lib/locale/markets.ts). Pages are hostile input, so a content script may only send the
 *   few messages its page needs (its readings, its panels' charts, settings).
 * - `extension`: any of the extension's own pages, the popup and the options page (sender URL
 *   under the extension's base URL).
 * - `options`: the options page only (sender URL the extension's OPTIONS_PAGE). Messages that
 *   replace or delete stored data wholesale (restore, delete all, merging accounts, saving
 *   settings) declare it: the popup shows text read from seller pages and only ever reads, so
 *   a fault there cannot wipe or rewrite the store. The options page counts as `extension` too.
 * Anything else (no URL, a web page that is not a seller page) is refused.
 */
import { marketplaceForUrl } from '../locale/markets';

export type SenderKind = 'content' | 'extension' | 'options';

/** The options page's file under the extension's base URL (WXT builds entrypoints/options there). */
export const OPTIONS_PAGE = 'options.html';

/** A message's sender as the background sees it (the frame's URL). */
export interface Sender {
  url?: string;
}

/** Who a kind accepts (`accepted only from …`). */
const DESCRIPTIONS: Record<SenderKind, string> = {
  content: 'content scripts on seller pages',
  extension: "the extension's own pages",
  options: 'the options page',
};
/** Who a sender of a kind is (`not from …`): `extension` is the narrowest kind of the extension's pages other than the options page. */
const SENDER_DESCRIPTIONS: Record<SenderKind, string> = { ...DESCRIPTIONS, extension: "the extension's other pages (the popup)" };

/** The kinds a sender of each kind counts as: the options page is one of the extension's pages. */
const COUNTS_AS: Record<SenderKind, readonly SenderKind[]> = {
  content: ['content'],
  extension: ['extension'],
  options: ['options', 'extension'],
};

/**
 * The narrowest kind of a sender, or undefined when it is none of the kinds (never accepted).
 * @example senderKind({ url: 'chrome-extension://abc/popup.html' }, 'chrome-extension://abc/') // 'extension'
 * @example senderKind({ url: 'chrome-extension://abc/options.html#data' }, 'chrome-extension://abc/') // 'options'
 * @example senderKind({ url: 'https://sellercentral.amazon.com/orders-v3' }, 'chrome-extension://abc/') // 'content'
 * @example senderKind({ url: 'https://example.com/' }, 'chrome-extension://abc/') // undefined
 */
export function senderKind(sender: Sender, extensionBaseUrl: string): SenderKind | undefined {
  const url = sender.url;
  if (!url) return undefined;
  const base = extensionBaseUrl.endsWith('/') ? extensionBaseUrl : `${extensionBaseUrl}/`;
  if (extensionBaseUrl && url.startsWith(base)) return url.slice(base.length).split(/[?#]/, 1)[0] === OPTIONS_PAGE ? 'options' : 'extension';
  if (marketplaceForUrl(url)) return 'content';
  return undefined;
}

/**
 * Why a message is refused from a sender, or undefined when the sender may send it.
 * @example senderRefusal('page/ingest', ['content'], 'extension') // 'page/ingest is accepted only from content scripts on seller pages, not from the extension\'s other pages (the popup)'
 */
export function senderRefusal(type: string, allowed: readonly SenderKind[], kind: SenderKind | undefined): string | undefined {
  if (kind && COUNTS_AS[kind].some((k) => allowed.includes(k))) return undefined;
  const from = kind ? SENDER_DESCRIPTIONS[kind] : 'an unknown page';
  return `${type} is accepted only from ${allowed.map((k) => DESCRIPTIONS[k]).join(' or ')}, not from ${from}`;
}
