/**
 * Every schema version the store has shipped, oldest first. A released version is never
 * edited: changes go into a new version, with its upgrade in its own file
 * (migrations/v<N-1>-to-v<N>.ts, using only code frozen with it: copies of the helpers it
 * needs, never the live ones, so later changes to the store cannot change how an old database
 * upgrades; migrations-frozen.test.ts checks its imports), plus a fixture database
 * (tests/fixtures/db/v<N>.json) that the migration test upgrades to the current version.
 *
 * v1: products, listings, observations, orders, dailyDemand, calibrations, settings, plans.
 * v2: stock pools and returns; listings gain their pool, the at-risk sort key and risk types
 *     (denormalised from plans so the popup query is one index walk); observation rows gain
 *     lastSeenAt. The upgrade back-fills all of them from what v1 stored.
 * v3: speed (the store's targets: a 5,000-row page merged into 1M observations under 500 ms,
 *     the popup's list under 50 ms). Listings lose the `poolId` index (nothing queried it),
 *     `sku`, `gtinKey` and `asin` become one multi-entry `linkKeys` (every index costs on every
 *     write, and the merge rewrites thousands of listings a page), and `[platform+marketplace]` becomes `[platform+marketplace+urgency]` (one marketplace's
 *     list is then an index walk in list order); observations gain `[observedDate+listingKey]`
 *     (a page's already-stored readings are found with one range read instead of one read per
 *     row); a new table `listingSearch` holds each listing's SKU/title trigrams (written only
 *     when those change, so the daily merge never touches it) for the popup's search. The
 *     upgrade gives listings their linkKeys and fills `listingSearch`; IndexedDB builds the indexes.
 * v4: the same targets, reached. In Chromium's IndexedDB each record read or written costs
 *     tens of microseconds whatever its size (measured: 5,000 listing puts ~330 ms with no
 *     index at all; the same 5,000 readings in 64 records ~30 ms), so v3's merge of a 5,000-row
 *     page still made ~15,000 requests and took ~1.6 s. Now the full listing rows live in
 *     `listingChunks`, one record per group of listings (lib/store/groups.ts), and the indexed
 *     `listings` table keeps their projection without the fields every page read moves (stock,
 *     prices, sales counts, read times: HOT_FIELDS), rewritten only when that projection
 *     changes; the history moves from `observations` (one record per reading) to
 *     `observationChunks` (one record per marketplace day and group) for the last couple of
 *     days, and `listingHistory` (one record per listing) for older days, where the daily
 *     maintenance moves them (re-planning a few listings then reads a few records, not every
 *     day chunk holding one of them). The at-risk sort key no
 *     longer uses available stock (only plan fields), so the merge need not touch the index.
 *     `searchChunks` (per group: lower-cased SKU/title, sort key, risk types) replaces v3's
 *     trigram table: a search reads 128 small records and sorts in memory, whatever the needle.
 * v5: order lines move from `orders` (one record per line: ~0.4 ms of browser CPU each, so a
 *     500,000-line order history took minutes to store; measured in raw IndexedDB, 20,000 lines
 *     16.8 s as one record per line, 1.15 s as one record per marketplace day) to
 *     `orderChunks`, one record per marketplace day and account (tables/orderChunks.ts), with a
 *     multi-entry `listingKeys` index for one listing's days. The upgrade moves every line.
 * v6: that index cost most of an import's time (Chromium writes every entry of a multi-entry
 *     index again on each put, ~45 µs each: ~408,000 entries for a 500,000-line import, as each
 *     batch rewrote its day chunks). Chunks lose `listingKeys`; a new table `orderMonths`
 *     (tables/orderMonths.ts) lists the listings of each marketplace month's chunks, in parts
 *     that are only ever added, so each (month, listing) entry is written once. A listing's
 *     lines are read from the day chunks of its months. The upgrade builds the months.
 * v7: a day chunk's lines become columns (tables/orderChunks.ts): order keys and order ids as
 *     string arrays, every other text field as indexes into the chunk's distinct values,
 *     quantities and prices as typed arrays. IndexedDB's structured clone writes each property
 *     name of each object again, so v6's one object per line was ~20% of a 500,000-line
 *     import's storing pass. Measured in Chromium (CPU profile of a 200,000-line import, load
 *     7-8): the page's time in chunk puts 3.5 s -> 1.6 s, in reading chunks back 0.9 s -> 0.1 s;
 *     structuredClone of a 715-line chunk 3-5x faster. The upgrade rewrites every chunk.
 * v8: a re-plan rewrote the indexed listing row of every listing whose days of cover moved,
 *     because the row carried a copy of its plan and the at-risk sort key under three indexes
 *     (`urgency`, `[platform+marketplace+urgency]`, `*riskTypes`): each put cost about 1.2 ms in
 *     Chromium, 4.2 s of a 5,000-row page's re-plan. The rows keep only the plan's key (which
 *     changes when a listing changes pools, not when its cover moves); the popup's list sorts
 *     and filters the search chunks, which held the sort key and risk types already; the plan
 *     is read from `plans` by its key. Plans lose their `*listingKeys` index for
 *     `*poolListingKeys`, which only pool plans fill: a listing plan covers exactly the listing
 *     its key names, so it is found by key, and its puts write no index entry. The upgrade
 *     strips the copies, writes each row's sort key, plan key and title into its search entry,
 *     and gives pool plans their index field.
 * v9: the search chunks still made every re-plan rewrite each touched group's keys, SKUs and
 *     titles to move sort keys (72 chunks for a 250-row page, 100-125 ms in Chromium, where a
 *     put costs more the more bytes it writes). What each listing shows of its plan (sort key,
 *     risk tags, plan key) moves to `shownChunks`, one record per group beside its search chunk
 *     (tables/shownChunks.ts), without keys (its columns follow the search chunk's) and with a
 *     listing's own plan key as one character: a re-plan writes only those. The upgrade splits
 *     every chunk.
 * v10: fewer requests per re-plan (each costs about 60 µs in Chromium whatever its size). A
 *     partial re-plan's save read the old plans covering its listings one request each, by
 *     key and again through `poolListingKeys` (2,000 requests for a 250-row page's 1,000
 *     listings, 100-130 ms): plans gain an index on their product (`plan.productId`), so a
 *     re-planned product's plans, listing and pool plans alike, are one request (IndexedDB
 *     builds the index). And each listing's cached demand moves into its history digest
 *     record, which the re-plan reads anyway (one read per listing, not two); the upgrade
 *     deletes the cache records of their own, which the next re-plans rebuild.
 * v11: the plans' `plan.productId` index goes again: a re-plan now knows an unchanged plan by
 *     the answer its listing's search entry keeps and finds which plans exist by their keys
 *     (plans.ts oldPlanAnswers), so nothing reads the index, and every plan put wrote an entry
 *     into it. IndexedDB drops the index; no rows change.
 */
import type { Dexie, Transaction } from 'dexie';
import { upgradeToV2 } from './migrations/v1-to-v2';
import { upgradeToV3 } from './migrations/v2-to-v3';
import { upgradeToV4 } from './migrations/v3-to-v4';
import { upgradeToV5 } from './migrations/v4-to-v5';
import { upgradeToV6 } from './migrations/v5-to-v6';
import { upgradeToV7 } from './migrations/v6-to-v7';
import { upgradeToV8 } from './migrations/v7-to-v8';
import { upgradeToV9 } from './migrations/v8-to-v9';
import { upgradeToV10 } from './migrations/v9-to-v10';

interface SchemaVersion {
  version: number;
  /** Dexie store specs; null deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      products: 'id',
      listings: 'key, productId, sku, gtinKey, asin, [platform+marketplace]',
      observations: 'id, [listingKey+observedAt], observedAt',
      orders: 'key, [listingKey+orderDate], orderDate',
      dailyDemand: '[key+date], date',
      calibrations: '++id, listingKey, at',
      settings: 'id',
      plans: 'key, *listingKeys',
    },
  },
  {
    version: 2,
    stores: {
      listings: 'key, productId, sku, gtinKey, asin, [platform+marketplace], poolId, urgency, *riskTypes',
      stockPools: 'id, channel',
      returns: '++id, listingKey, status',
    },
    upgrade: upgradeToV2,
  },
  {
    version: 3,
    stores: {
      listings: 'key, productId, *linkKeys, [platform+marketplace+urgency], urgency, *riskTypes',
      observations: 'id, [listingKey+observedAt], observedAt, [observedDate+listingKey]',
      listingSearch: 'key, *terms',
    },
    upgrade: upgradeToV3,
  },
  {
    version: 4,
    stores: {
      listingChunks: 'group',
      observationChunks: 'id, [group+date], date',
      listingHistory: 'key',
      searchChunks: 'group',
      observations: null,
      listingSearch: null,
    },
    upgrade: upgradeToV4,
  },
  {
    version: 5,
    stores: {
      orderChunks: 'id, date, *listingKeys',
      orders: null,
    },
    upgrade: upgradeToV5,
  },
  {
    version: 6,
    stores: {
      orderChunks: 'id, date',
      orderMonths: '[month+part], *listingKeys',
    },
    upgrade: upgradeToV6,
  },
  {
    version: 7,
    // Same keys and indexes: only the chunks' contents change.
    stores: {},
    upgrade: upgradeToV7,
  },
  {
    version: 8,
    stores: {
      listings: 'key, productId, *linkKeys',
      plans: 'key, *poolListingKeys',
    },
    upgrade: upgradeToV8,
  },
  {
    version: 9,
    stores: {
      shownChunks: 'group',
    },
    upgrade: upgradeToV9,
  },
  {
    version: 10,
    stores: {
      plans: 'key, *poolListingKeys, plan.productId',
    },
    upgrade: upgradeToV10,
  },
  {
    version: 11,
    // The plans' index by product goes: a re-plan finds its old plans by their listings' answers and keys (plans.ts oldPlanAnswers),
    // and every plan put wrote an entry into it. Nothing to move.
    stores: {
      plans: 'key, *poolListingKeys',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Declares versions 1..upTo on a Dexie instance (the fixture loader stops at older versions). */
export function declareSchema(db: Dexie, upTo: number = CURRENT_SCHEMA_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}
