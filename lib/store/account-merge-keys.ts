/**
 * Moving rows from one seller account to another (account-merge.ts): the keys, pool ids,
 * readings and registry document of the merged-away account, rewritten as the target's.
 * Pure functions: the account namespace rules themselves live in lib/records.ts (withAccount)
 * and tables/stockPools.ts (poolIdFor).
 */
import { refusalMessage } from '../messaging/refusals';
import type { AccountsDoc } from '../accounts/registry';
import { stampAccount } from '../accounts/registry';
import { accountOfKey, DEFAULT_ACCOUNT, withAccount, type Observation } from '../records';
import { summaryIdOf } from './compaction';
import type { ObservationRow } from './tables/observations';
import type { OrderImportSpan } from '../import/order-spans';
import type { InboundArrival } from '../inbound/arrivals';

/** Why a merge of accounts is refused (the seller sees the message). */
export class AccountMergeError extends Error {
  override name = 'AccountMergeError';
}

/**
 * Refuses a merge of an account into itself or between accounts the registry does not know.
 * @example checkMergeAccounts(doc, 'amazon-b', 'default') // no throw when both are known
 */
export function checkMergeAccounts(doc: Pick<AccountsDoc, 'accounts'>, from: string, into: string): void {
  if (from === into) throw new AccountMergeError(refusalMessage('account-merge-self'));
  for (const id of [from, into]) if (!doc.accounts.some((a) => a.id === id)) throw new AccountMergeError(refusalMessage('account-missing', { account: id }));
}

/**
 * A key of `from`'s namespace (listing or order line) as the same key of `into`'s.
 * @example rekey('amazon|amazon.com|MUG-1|@amazon-b', 'amazon-b', 'default') // 'amazon|amazon.com|MUG-1'
 */
export function rekey(key: string, from: string, into: string): string {
  const suffix = from === DEFAULT_ACCOUNT ? '' : `|@${from}`;
  return withAccount(key.slice(0, key.length - suffix.length), into);
}

/**
 * The keys that belong to `from`.
 * @example keysOfAccount(['a|b|C', 'a|b|C|@x'], 'x') // ['a|b|C|@x']
 */
export function keysOfAccount(keys: readonly string[], from: string): string[] {
  return keys.filter((k) => accountOfKey(k) === from);
}

/**
 * A pool id of `from` as the same pool of `into` (FBA and WFS pools are per account; the own
 * warehouses are shared); another account's pool is left as it is.
 * @example rekeyPool('fba:NA/amazon-b', 'amazon-b', 'default') // 'fba:NA'
 */
export function rekeyPool(poolId: string, from: string, into: string): string {
  if (!/^(fba|wfs):/.test(poolId)) return poolId;
  const slash = poolId.indexOf('/');
  const owner = slash < 0 ? DEFAULT_ACCOUNT : poolId.slice(slash + 1);
  if (owner !== from) return poolId;
  const base = slash < 0 ? poolId : poolId.slice(0, slash);
  return into === DEFAULT_ACCOUNT ? base : `${base}/${into}`;
}

/**
 * A stored reading as the same reading of `into`, read again at each time it was seen (first
 * and last): the merge folds the second into the first, so its span survives.
 * @example restampedReadings(row, 'default').length // 1 or 2
 */
export function restampedReadings(row: ObservationRow, into: string): Observation[] {
  const record = stampAccount(row.record, into);
  const first = { ...record, observedAt: row.observedAt };
  return row.lastSeenAt === row.observedAt ? [first] : [first, { ...record, observedAt: row.lastSeenAt }];
}

/**
 * A compaction day summary as `into`'s summary of the same listing and day.
 * @example restampedSummary(summary, 'amazon-b', 'default').listingKey // the default account's key
 */
export function restampedSummary(row: ObservationRow, from: string, into: string): ObservationRow {
  const listingKey = rekey(row.listingKey, from, into);
  return {
    ...row,
    id: summaryIdOf(listingKey, row.observedDate),
    key: rekey(row.key, from, into),
    listingKey,
    record: stampAccount(row.record, into),
  };
}

/**
 * Order-import spans with `from`'s spans given to `into`; two spans of one import on one
 * marketplace become one covering both.
 * @example mergedSpans([{ importId: 'i', platform: 'amazon', marketplace: 'amazon.com', from: '2026-01-01', to: '2026-02-01', account: 'x' }], 'x', 'default')[0].account // undefined
 */
export function mergedSpans(spans: readonly OrderImportSpan[], from: string, into: string): OrderImportSpan[] {
  const out: OrderImportSpan[] = [];
  for (const span of spans) {
    const moved = (span.account ?? DEFAULT_ACCOUNT) === from ? stampAccount(span, into) : span;
    const same = out.find(
      (s) => s.importId === moved.importId && s.platform === moved.platform && s.marketplace === moved.marketplace && s.account === moved.account,
    );
    if (!same) out.push({ ...moved });
    else {
      if (moved.from < same.from) same.from = moved.from;
      if (moved.to > same.to) same.to = moved.to;
    }
  }
  return out;
}

/**
 * Hand-made inbound arrivals with `from`'s listings' moved to the same listings of `into`. A
 * listing `into` already has arrivals for keeps only its own: they are the seller's word for
 * that listing's inbound, and a typed date or ties from both would date the units twice.
 * @example mergedArrivals([{ listingKey: 'amazon|amazon.com|MUG|@amazon-b', ... }], 'amazon-b', 'default')[0].listingKey // 'amazon|amazon.com|MUG'
 */
export function mergedArrivals(arrivals: readonly InboundArrival[], from: string, into: string): InboundArrival[] {
  const ownKeys = new Set(arrivals.filter((a) => accountOfKey(a.listingKey) !== from).map((a) => a.listingKey));
  return arrivals.flatMap((a) => {
    if (accountOfKey(a.listingKey) !== from) return [a];
    const listingKey = rekey(a.listingKey, from, into);
    return ownKeys.has(listingKey) ? [] : [{ ...a, listingKey }];
  });
}

/**
 * The registry after the merge: `from`'s platform sellers map to `into` (a page showing them
 * later reads into `into`), hosts and platforms last seen on `from` now name `into`, `into`
 * keeps its own settings overrides and gains `from`'s only for fields it does not override,
 * and `from` is gone (the default account is re-added empty by parseAccountsDoc).
 * @example mergedAccountsDoc(doc, 'amazon-b', 'default').accounts.some((a) => a.id === 'amazon-b') // false
 */
export function mergedAccountsDoc(doc: AccountsDoc, from: string, into: string): AccountsDoc {
  const source = doc.accounts.find((a) => a.id === from)!;
  const accounts = doc.accounts
    .filter((a) => a.id !== from)
    .map((a) => {
      if (a.id !== into) return a;
      const sellers = [...a.sellers];
      for (const s of source.sellers) if (!sellers.some((x) => x.platform === s.platform && x.seller === s.seller)) sellers.push(s);
      return { ...a, sellers: sellers.slice(0, 50) };
    });
  const renamed = <K extends string>(map: Partial<Record<K, string>>) =>
    Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v === from ? into : v])) as Record<K, string>;
  const overrides = { ...doc.overrides };
  const fromOverrides = overrides[from];
  delete overrides[from];
  if (fromOverrides) overrides[into] = { ...fromOverrides, ...(overrides[into] ?? {}) };
  return { accounts, lastByHost: renamed(doc.lastByHost), lastByPlatform: renamed(doc.lastByPlatform), overrides };
}
