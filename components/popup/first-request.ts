/**
 * The popup's first request: the list the popup opens on. The popup's entry script sends it
 * before anything else loads (React, the catalogues, the protocol's schemas are a separate
 * chunk), so the background works on the first rows while the page loads; first-page.ts hands
 * the reply to the list. Only type imports here, so the entry chunk stays a few KB.
 */
import type { RequestOf } from '@/lib/messaging/protocol';
import { HEAD_LIMIT, OPENING_RISK } from '@/lib/messaging/popup-opening';

export { HEAD_LIMIT, OPENING_RISK };

type Send = (message: { type: 'skus/at-risk'; payload: RequestOf<'skus/at-risk'> }) => Promise<unknown>;

let early: Promise<unknown> | undefined;

/**
 * Sends the opening list's request now (raw: the background validates it, first-page.ts the reply).
 * @example sendFirstRequest((message) => browser.runtime.sendMessage(message));
 */
export function sendFirstRequest(send: Send): void {
  early ??= send({ type: 'skus/at-risk', payload: { risk: OPENING_RISK, limit: HEAD_LIMIT } });
}

/**
 * The first request's raw reply, handed out once (undefined afterwards, or when none was sent).
 * @example const reply = takeFirstReply(); // then replyData('skus/at-risk', await reply)
 */
export function takeFirstReply(): Promise<unknown> | undefined {
  const reply = early;
  early = undefined;
  return reply;
}
