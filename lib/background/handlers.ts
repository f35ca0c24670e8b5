/**
 * The handler registry: one handler per message of the protocol map (lib/messaging), from
 * the page, options and popup groups. `Handlers` is complete, so a message without a handler
 * does not compile. The dispatcher (createDispatcher) checks each message's senders and
 * payload before its handler runs.
 */
import type { Handlers } from '../messaging/rpc';
import { createAccountMergeHandlers } from './account-merge-handlers';
import { createBackupHandlers } from './backup-handlers';
import type { BackgroundDeps } from './deps';
import { createFeeFactsHandlers } from './fee-facts-handlers';
import { createDataHandlers, createImportExportHandlers, createProductHandlers, createStockHandlers, createWarehouseHandlers } from './options-handlers';
import { createOnboardingHandlers } from './onboarding-handlers';
import { createPageHandlers } from './page-handlers';
import { createPopupHandlers } from './popup-handlers';
import { createPurchaseHandlers } from './purchase-handlers';
import { createTeachingHandlers } from './teaching-handlers';
import { createInboundHandlers } from './inbound-handlers';

/** @example const dispatch = createDispatcher(createHandlers({ db, now, replan }), { extensionBaseUrl }) */
export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    ...createPageHandlers(deps),
    ...createProductHandlers(deps),
    ...createStockHandlers(deps),
    ...createWarehouseHandlers(deps),
    ...createImportExportHandlers(deps),
    ...createDataHandlers(deps),
    ...createPopupHandlers(deps),
    ...createOnboardingHandlers(deps),
    ...createPurchaseHandlers(deps),
    ...createTeachingHandlers(deps),
    ...createInboundHandlers(deps),
    ...createBackupHandlers(deps),
    ...createAccountMergeHandlers(deps),
    ...createFeeFactsHandlers(deps),
  };
}
