/**
 * Client and server halves of the protocol, independent of the browser: the transport is
 * passed in (chrome.runtime.sendMessage in the extension, a direct call in tests).
 */
import { envelopeSchema, protocol, type MessageType, type ParsedRequestOf, type Reply, type RequestOf, type ResponseOf } from './protocol';
import type { ZodType } from 'zod';
import { senderKind, senderRefusal, type Sender } from './senders';
import { parseFast, safeParseFast } from '../exact-check';

type Transport = (message: { type: string; payload: unknown }) => Promise<unknown>;
/** Handlers run only for senders their message declares (the dispatcher checks): they never check the sender. */
export type Handlers = { [K in MessageType]: (request: ParsedRequestOf<K>, sender: Sender) => Promise<ResponseOf<K>> };

export class RpcError extends Error {}

/**
 * The error a handler throws when the browser refused to store more (its reply's error starts
 * with this code), so the page can tell the seller what to do instead of "not answering".
 */
export const STORAGE_FULL = 'storage-full';

/**
 * Whether an error is the browser's storage quota (IndexedDB's QuotaExceededError, also as
 * Dexie wraps it), or a reply that reported one.
 * @example isStorageFull(new DOMException('', 'QuotaExceededError')) // true
 * @example isStorageFull(new RpcError('storage-full: …')) // true
 */
export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown; message?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (typeof e.message === 'string' && e.message.startsWith(STORAGE_FULL)) return true;
  return e.inner !== undefined && e.inner !== error && isStorageFull(e.inner);
}

/**
 * What the browser says when a message finds no background to answer it: the MV3 worker was
 * stopping (idle, or stopped by the browser) just as the message was sent. The next message
 * starts a new worker, so the client sends again.
 */
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/;
/**
 * Tries and the pause before each retry: a worker starts in tens of milliseconds, but on a busy
 * machine a stopped one took over 0.9 s (four tries failed in CI), and once over 2.25 s (six
 * tries failed in CI on 2026-12-04): ten tries wait up to 6.75 s. A message that reached the
 * background is never sent twice (only "no receiver" errors are retried).
 */
const SEND_TRIES = 10;
const RETRY_PAUSE_MS = 150;

/**
 * Sends through the transport, again when no background received it (up to SEND_TRIES times).
 * @example await sendWaking(transport, { type: 'skus/at-risk', payload: {} }, (ms) => new Promise((r) => setTimeout(r, ms)))
 */
export async function sendWaking(transport: Transport, message: { type: string; payload: unknown }, pause: (ms: number) => Promise<void>): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transport(message);
    } catch (error) {
      if (attempt >= SEND_TRIES || !(error instanceof Error) || !NO_RECEIVER.test(error.message)) throw error;
      await pause(RETRY_PAUSE_MS * attempt);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A typed client: validates the request before sending (with the message's `clientRequest`
 * when it has one) and the reply after; a message that found the worker stopping is sent
 * again (sendWaking).
 * @example const rpc = createClient(transport); const { items } = await rpc('skus/at-risk', { limit: 20 });
 */
export function createClient(transport: Transport) {
  return async function call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const spec: { request: ZodType; clientRequest?: ZodType } = protocol[type];
    const request = parseFast(spec.clientRequest ?? spec.request, payload);
    return replyData(type, await sendWaking(transport, { type, payload: request }, sleep));
  };
}

/**
 * The validated data of a reply to a `type` message; a missing or failed reply throws RpcError.
 * For a reply to a message sent without the client (the popup's first request leaves before the
 * schemas are loaded).
 * @example replyData('settings/get', { ok: true, data: { settings } }).settings
 */
export function replyData<K extends MessageType>(type: K, received: unknown): ResponseOf<K> {
  const reply = received as Reply | undefined;
  if (!reply || typeof reply !== 'object') throw new RpcError(`No reply to ${type}`);
  if (!reply.ok) throw new RpcError(reply.error);
  return parseFast(protocol[type].response as ZodType, reply.data) as ResponseOf<K>;
}

interface DispatcherOptions {
  /** The extension's base URL (runtime.getURL('/')): senders under it are the extension's own pages. */
  extensionBaseUrl: string;
}

/**
 * The background's dispatcher: unknown types, senders the message does not declare
 * (protocol.ts `senders`) and invalid payloads are refused with an error reply (never thrown
 * into the message channel), in that order, before any handler runs; handlers' answers are
 * checked too.
 * @example createDispatcher(handlers, { extensionBaseUrl: browser.runtime.getURL('/') })
 */
export function createDispatcher(handlers: Partial<Handlers>, options: DispatcherOptions) {
  return async function dispatch(message: unknown, sender: Sender = {}): Promise<Reply> {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return { ok: false, error: 'Malformed message' };
    const type = envelope.data.type as MessageType;
    if (!Object.hasOwn(protocol, type)) return { ok: false, error: `Unknown message type: ${envelope.data.type}` };
    const refused = senderRefusal(type, protocol[type].senders, senderKind(sender, options.extensionBaseUrl));
    if (refused) return { ok: false, error: refused };
    const handler = handlers[type] as ((req: unknown, sender: Sender) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, error: `No handler for ${type}` };
    const request = safeParseFast(protocol[type].request as ZodType, envelope.data.payload);
    if (!request.success) return { ok: false, error: `Invalid ${type} request: ${request.error.issues[0]?.message ?? 'invalid'}` };
    try {
      const data = parseFast(protocol[type].response as ZodType, await handler(request.data, sender));
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
