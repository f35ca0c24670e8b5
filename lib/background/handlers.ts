/**
 * The handler registry: one handler per message of the protocol map (lib/messaging), from
 * the page, options and popup groups. `Handlers` is complete, so a message without a handler
 * does not compile. The dispatcher (createDispatcher) checks each message's senders and
 * payload before its handler runs.
 */
import type { Handlers } from '../messaging/rpc';
import type { MessageType } from '../messaging/protocol';
import { createAccountMergeHandlers } from './account-merge-handlers';
import { createBackupHandlers } from './backup-handlers';
import type { BackgroundDeps } from './deps';
import { createFeeFactsHandlers } from './fee-facts-handlers';
import { createDataHandlers, createImportExportHandlers, createProductHandlers, createStockHandlers, createWarehouseHandlers } from './options-handlers';
import { createOnboardingHandlers } from './onboarding-handlers';
import { createPageHandlers, type RecentDiagnostics } from './page-handlers';
import { createPopupHandlers } from './popup-handlers';
import { createPurchaseHandlers } from './purchase-handlers';
import { createTeachingHandlers } from './teaching-handlers';
import { createInboundHandlers } from './inbound-handlers';

/** @example const dispatch = createDispatcher(createHandlers({ db, now, replan }), { extensionBaseUrl }) */
export function createHandlers(deps: BackgroundDeps): Handlers {
  const recentDiagnostics: RecentDiagnostics = new Map();
  return afterAnsweredPlansSaved(deps, {
    ...createPageHandlers(deps, recentDiagnostics),
    ...createProductHandlers(deps),
    ...createStockHandlers(deps),
    ...createWarehouseHandlers(deps),
    ...createImportExportHandlers(deps),
    ...createDataHandlers(deps, () => recentDiagnostics.clear()),
    ...createPopupHandlers(deps),
    ...createOnboardingHandlers(deps),
    ...createPurchaseHandlers(deps),
    ...createTeachingHandlers(deps),
    ...createInboundHandlers(deps),
    ...createBackupHandlers(deps),
    ...createAccountMergeHandlers(deps),
    ...createFeeFactsHandlers(deps),
  });
}

/**
 * Messages a page sends while reading answer at once (they show the last stored plan, or the
 * re-plan's before its save); every other waits while plans a page was answered from are being
 * saved, so no view shows plans older than a panel already did.
 */
const ANSWERED_DURING_SAVE = new Set<MessageType>(['page/ingest', 'panels/stored']);

/** The handlers, each but ANSWERED_DURING_SAVE's starting once deps.plansSaved resolves. */
function afterAnsweredPlansSaved(deps: BackgroundDeps, handlers: Handlers): Handlers {
  const { plansSaved } = deps;
  if (!plansSaved) return handlers;
  const out: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers) as [MessageType, (...args: unknown[]) => Promise<unknown>][])
    out[type] = ANSWERED_DURING_SAVE.has(type)
      ? handler
      : async (...args: unknown[]) => {
          await plansSaved();
          return handler(...args);
        };
  return out as Handlers;
}
