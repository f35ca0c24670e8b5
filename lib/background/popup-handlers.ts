/** Handlers for the popup's and panels' messages (lib/messaging/protocol-popup.ts). */
import type { Handlers } from '../messaging/rpc';
import type { popupProtocol } from '../messaging/protocol-popup';
import type { BackgroundDeps } from './service';

export function createPopupHandlers(_deps: BackgroundDeps): Pick<Handlers, keyof typeof popupProtocol> {
  return {};
}
