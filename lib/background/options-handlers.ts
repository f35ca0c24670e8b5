/** Handlers for the options page's messages (lib/messaging/protocol-options.ts). */
import type { Handlers } from '../messaging/rpc';
import type { optionsProtocol } from '../messaging/protocol-options';
import type { BackgroundDeps } from './service';

export function createOptionsHandlers(_deps: BackgroundDeps): Pick<Handlers, keyof typeof optionsProtocol> {
  return {};
}
