/**
 * Who may send a message. Every message in the protocol map (protocol.ts) declares its
 * `senders`, and the dispatcher (rpc.ts) refuses any other sender before the payload is
 * validated or a handler runs, so handlers never check their sender themselves.
 *
 * Two kinds, because the browser gives two levels of trust:
 * - `content`: a content script on a seller page (sender URL an https seller-dashboard page,
 *   lib/locale/markets.ts). Pages are hostile input, so a content script may only send the
 *   few messages its page needs (its readings, its panels' charts, settings).
 * - `extension`: the extension's own pages, the popup and the options page (sender URL under
 *   the extension's base URL). Both have the same privileges (either can open the other), so
 *   the line that matters is between them and content scripts, not between them.
 * Anything else (no URL, a web page that is not a seller page) is refused.
 */
import { marketplaceForUrl } from '../locale/markets';

export type SenderKind = 'content' | 'extension';

/** A message's sender as the background sees it (the frame's URL). */
export interface Sender {
  url?: string;
}

const DESCRIPTIONS: Record<SenderKind, string> = {
  content: 'content scripts on seller pages',
  extension: "the extension's own pages",
};

/**
 * The kind of a sender, or undefined when it is none of the kinds (never accepted).
 * @example senderKind({ url: 'chrome-extension://abc/popup.html' }, 'chrome-extension://abc/') // 'extension'
 * @example senderKind({ url: 'https://sellercentral.amazon.com/orders-v3' }, 'chrome-extension://abc/') // 'content'
 * @example senderKind({ url: 'https://example.com/' }, 'chrome-extension://abc/') // undefined
 */
export function senderKind(sender: Sender, extensionBaseUrl: string): SenderKind | undefined {
  const url = sender.url;
  if (!url) return undefined;
  const base = extensionBaseUrl.endsWith('/') ? extensionBaseUrl : `${extensionBaseUrl}/`;
  if (extensionBaseUrl && url.startsWith(base)) return 'extension';
  if (marketplaceForUrl(url)) return 'content';
  return undefined;
}

/**
 * Why a message is refused from a sender, or undefined when the sender may send it.
 * @example senderRefusal('page/ingest', ['content'], 'extension') // 'page/ingest is accepted only from content scripts on seller pages, not from the extension\'s own pages'
 */
export function senderRefusal(type: string, allowed: readonly SenderKind[], kind: SenderKind | undefined): string | undefined {
  if (kind && allowed.includes(kind)) return undefined;
  const from = kind ? DESCRIPTIONS[kind] : 'an unknown page';
  return `${type} is accepted only from ${allowed.map((k) => DESCRIPTIONS[k]).join(' or ')}, not from ${from}`;
}
