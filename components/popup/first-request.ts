/**
 * The popup's first requests: the list the popup opens on, and the settings (the UI language).
 * The popup's entry script sends them before anything else loads (React, the catalogues, the
 * protocol's schemas are a separate chunk), so the background works on the first rows while
 * the page loads; the first paint (first-paint.ts) draws from the replies, and the React app
 * keeps them (first-page.ts). Only type imports here, so the entry chunk stays a few KB.
 */
import type { RequestOf } from '@/lib/messaging/protocol';
import { HEAD_LIMIT, OPENING_RISK } from '@/lib/messaging/popup-opening';

export { HEAD_LIMIT, OPENING_RISK };

type FirstMessage = { type: 'skus/at-risk'; payload: RequestOf<'skus/at-risk'> } | { type: 'settings/get'; payload: RequestOf<'settings/get'> };
export type Send = (message: FirstMessage) => Promise<unknown>;

let early: Promise<unknown> | undefined;
let settings: Promise<unknown> | undefined;

/**
 * Where the popup's early script (entrypoints/popup-early.ts, a classic script in the page's
 * head, bundled apart from the entry module) leaves the requests it sent, for the entry module
 * to take over instead of sending them again.
 */
const EARLY_KEY = '__stockCopilotFirstRequests';

interface EarlyRequests {
  atRisk: Promise<unknown>;
  settings: Promise<unknown>;
}

function isEarlyRequests(value: unknown): value is EarlyRequests {
  const v = value as Partial<EarlyRequests> | undefined;
  return typeof v === 'object' && v !== null && v.atRisk instanceof Promise && v.settings instanceof Promise;
}

/**
 * Sends the opening list's request and the settings request now, once (raw: the background
 * validates the requests, the first paint and first-page.ts the replies). When the page's early
 * script already sent them, their replies are taken over instead. `leaveForEntry` (the early
 * script): the requests are left on the page for the entry module.
 * @example sendFirstRequest((message) => browser.runtime.sendMessage(message));
 */
export function sendFirstRequest(send: Send, leaveForEntry = false): void {
  if (early) return;
  const page = globalThis as unknown as Record<string, unknown>;
  const sent = page[EARLY_KEY];
  if (!leaveForEntry && isEarlyRequests(sent)) {
    delete page[EARLY_KEY];
    early = sent.atRisk;
    settings = sent.settings;
    return;
  }
  early = send({ type: 'skus/at-risk', payload: { risk: OPENING_RISK, limit: HEAD_LIMIT } });
  settings = send({ type: 'settings/get', payload: {} });
  if (leaveForEntry) {
    // Handled here for the wait until the entry module takes them (it sees a failure itself):
    // a background that cannot answer then logs no unhandled rejection from this script.
    early.catch(() => undefined);
    settings.catch(() => undefined);
    page[EARLY_KEY] = { atRisk: early, settings } satisfies EarlyRequests;
  }
}

/**
 * The replies of the first requests as they are still to be handed out (raw), to wait on
 * without taking them.
 * @example const { atRisk, settings } = firstReplies();
 */
export function firstReplies(): { atRisk: Promise<unknown> | undefined; settings: Promise<unknown> | undefined } {
  return { atRisk: early, settings };
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
