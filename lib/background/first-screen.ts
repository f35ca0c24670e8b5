/**
 * The popup's first screen, kept in the worker's memory: the reply to the popup's opening
 * request (the attention list's first rows, no filters; lib/messaging/popup-opening.ts),
 * built by the same query as every list (atRiskItems) and checked against the message's
 * response schema. The opening request is answered from it without reading IndexedDB, so it
 * never waits behind a re-plan's or an import's IndexedDB transactions (a re-plan of 10,000
 * SKUs holds them for seconds to minutes).
 *
 * It never disagrees with the list silently: while any write runs (a message not known to be
 * read-only, a re-plan, the daily job) and until it is rebuilt after the last one, it is
 * answered marked `updating` (what the store held before the write: the popup shows it as
 * such and asks again); a build that a write overtook is thrown away.
 */
import type { MessageType, ParsedRequestOf, ResponseOf } from '../messaging/protocol';
import { protocol } from '../messaging/protocol';
import { HEAD_LIMIT, OPENING_RISK } from '../messaging/popup-opening';

type AtRiskReply = ResponseOf<'skus/at-risk'>;
type AtRiskRequest = ParsedRequestOf<'skus/at-risk'>;

/** Messages whose handlers only read the store: they leave the first screen standing. */
export const READ_ONLY_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'skus/at-risk',
  'popup/facets',
  'settings/get',
  'diagnostics/recent',
  'accounts/list',
  'onboarding/get',
  'panels/stored',
]);

/**
 * Whether a request is the popup's opening one (what the first screen holds).
 * @example isOpeningRequest({ risk: 'attention', limit: 60 }) // true
 */
export function isOpeningRequest(request: AtRiskRequest): boolean {
  return (
    request.risk === OPENING_RISK &&
    request.limit === HEAD_LIMIT &&
    request.platform === undefined &&
    request.marketplace === undefined &&
    request.search === undefined &&
    request.account === undefined
  );
}

export interface FirstScreen {
  /** The opening request's reply from memory (marked `updating` while it may be out of date), else undefined (ask the store). */
  answer(request: AtRiskRequest): AtRiskReply | undefined;
  /** Resolves as `work` does; the first screen is marked updating meanwhile and rebuilt after the last write. */
  during<T>(work: () => Promise<T>): Promise<T>;
  /** Builds the first screen now (when no write is under way); resolves when held or given up. */
  refresh(): Promise<void>;
}

/**
 * The first screen over `build` (the opening request's reply from the store).
 * @example const screen = createFirstScreen(() => atRiskItems(db, { risk: 'attention', limit: 60 }));
 */
export function createFirstScreen(build: () => Promise<AtRiskReply>): FirstScreen {
  // Bumped when a write starts: a build begun under an older generation may miss that write.
  let generation = 0;
  let writes = 0;
  let held: { reply: AtRiskReply; generation: number } | undefined;
  const refresh = async () => {
    if (writes > 0) return;
    const started = generation;
    try {
      const reply = protocol['skus/at-risk'].response.parse(await build());
      if (started === generation) held = { reply, generation: started };
    } catch {
      // A first screen that cannot be rebuilt is dropped: the store answers (and reports the error).
      if (started === generation) held = undefined;
    }
  };
  return {
    answer(request) {
      if (!held || !isOpeningRequest(request)) return undefined;
      return held.generation === generation && writes === 0 ? held.reply : { ...held.reply, updating: true };
    },
    async during(work) {
      writes++;
      generation++;
      try {
        return await work();
      } finally {
        writes--;
        if (writes === 0) void refresh();
      }
    },
    refresh,
  };
}
