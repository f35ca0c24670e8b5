/**
 * Seller accounts: which store account id each seller account a page shows maps to, the
 * account last seen on each host, and each account's settings overrides. One document, kept in
 * the `settings` table's `accounts` row (lib/store/accounts-store.ts), so it is backed up and
 * needs no schema version; the background validates it with `accountsDocSchema` before use.
 *
 * Why the first account seen on a platform becomes the `default` account: every store made
 * before accounts existed holds one account's data under the default (unprefixed) keys, and
 * that data is the data of the account its pages showed. Mapping the first account a page shows
 * to `default` keeps those rows (no re-keying, old backups restore as they are); a second
 * account on that platform gets keys of its own (records.ts `withAccount`).
 */
import { z } from 'zod';
import { accountIdSchema, DEFAULT_ACCOUNT, platformSchema, type Platform } from '../records';
import { DEFAULT_ACCOUNT_NAME } from './account-label';

/** What a page showed about the signed-in seller account (lib/platforms/shared/account.ts reads it). */
export const pageAccountSchema = z.object({
  /** The seller's id as the page shows it (merchant token, partner id, user id), else the account name. */
  seller: z.string().min(1).max(120),
  /** The account's display name, when shown. */
  name: z.string().max(200).optional(),
  /** Which signal of the page gave it (for diagnostics and fixture notes). */
  signal: z.string().max(80),
});
export type PageAccount = z.infer<typeof pageAccountSchema>;

const accountSchema = z.object({
  id: accountIdSchema,
  /** Display name: the name a page showed, else the seller id. */
  name: z.string().max(200),
  /** The platform seller accounts that map to it (platform + seller id as the page showed it). */
  sellers: z.array(z.object({ platform: platformSchema, seller: z.string().min(1).max(120) })).max(50),
});

const accountsDocSchema = z.object({
  accounts: z.array(accountSchema).max(200),
  /** The account a page on each host last showed (hosts: `sellercentral.amazon.com`). */
  lastByHost: z.record(z.string().max(200), accountIdSchema),
  /**
   * The account a page of each platform last showed: an import's default account (documents
   * saved before it have none; the import then asks lastByHost, else takes the default).
   */
  lastByPlatform: z.partialRecord(platformSchema, accountIdSchema).default({}),
  /**
   * Settings that differ for an account, over the global settings (lib/accounts/settings.ts
   * says which fields may differ and validates them).
   */
  overrides: z.record(accountIdSchema, z.record(z.string(), z.unknown())).default({}),
});
export type AccountsDoc = z.infer<typeof accountsDocSchema>;

/** The document of a store that has seen no account yet: only the default account. */
export const EMPTY_ACCOUNTS: AccountsDoc = {
  accounts: [{ id: DEFAULT_ACCOUNT, name: DEFAULT_ACCOUNT_NAME, sellers: [] }],
  lastByHost: {},
  lastByPlatform: {},
  overrides: {},
};

/**
 * The stored document, or the empty one when it is missing or unreadable (an unreadable row
 * is not thrown at every page read: it is replaced by the next account seen).
 * @example parseAccountsDoc(undefined).accounts[0].id // 'default'
 */
export function parseAccountsDoc(raw: unknown): AccountsDoc {
  const parsed = accountsDocSchema.safeParse(raw);
  if (!parsed.success) return structuredClone(EMPTY_ACCOUNTS);
  const doc = parsed.data;
  if (!doc.accounts.some((a) => a.id === DEFAULT_ACCOUNT)) doc.accounts.unshift(structuredClone(EMPTY_ACCOUNTS.accounts[0]!));
  return doc;
}

/**
 * A store account id for a platform seller id: lower-case letters and digits of the platform
 * and seller id (a hash suffix keeps two sellers that slug alike apart).
 * @example accountIdFor('amazon', 'A2EUQ1WTGCTBG2') // 'amazon-a2euq1wtgctbg2'
 */
export function accountIdFor(platform: Platform, seller: string): string {
  const slug = seller
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const exact = seller.toLowerCase() === slug;
  return exact && slug !== '' ? `${platform}-${slug}` : `${platform}-${slug}${slug ? '-' : ''}${shortHash(seller)}`;
}

/** A short stable hash (FNV-1a, base 36) of a string. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

interface Resolution {
  /** The store account the page's readings go to. */
  account: string;
  doc: AccountsDoc;
  /** The document changed (a new account, a new host, a new name): save it. */
  changed: boolean;
  /** Why the account was not the page's own: the page showed none. */
  fallback?: 'last-seen-on-host' | 'none-seen-on-host';
}

/**
 * The account a page's readings belong to. A page that shows its account maps it (the first
 * account ever seen on a platform claims `default`, later new ones get ids of their own) and
 * becomes the host's last seen account; a page that shows none uses the host's last seen
 * account (else the default), and says so (`fallback`).
 * @example resolveAccount(EMPTY_ACCOUNTS, 'amazon', 'sellercentral.amazon.com', { seller: 'A1', signal: 'x' }).account // 'default'
 */
export function resolveAccount(doc: AccountsDoc, platform: Platform, host: string, shown: PageAccount | undefined): Resolution {
  if (!shown) {
    const last = doc.lastByHost[host];
    const known = last !== undefined && doc.accounts.some((a) => a.id === last);
    return { account: known ? last : DEFAULT_ACCOUNT, doc, changed: false, fallback: known ? 'last-seen-on-host' : 'none-seen-on-host' };
  }
  const next = structuredClone(doc);
  let changed = false;
  let account = next.accounts.find((a) => a.sellers.some((s) => s.platform === platform && s.seller === shown.seller));
  if (!account) {
    const claimsDefault = !next.accounts.some((a) => a.sellers.some((s) => s.platform === platform));
    if (claimsDefault) account = next.accounts.find((a) => a.id === DEFAULT_ACCOUNT)!;
    else {
      const id = accountIdFor(platform, shown.seller);
      account = next.accounts.find((a) => a.id === id);
      if (!account) next.accounts.push((account = { id, name: shown.name ?? shown.seller, sellers: [] }));
    }
    account.sellers.push({ platform, seller: shown.seller });
    if (account.id === DEFAULT_ACCOUNT && shown.name) account.name = shown.name;
    changed = true;
  } else if (shown.name && account.name !== shown.name && account.sellers.length === 1) {
    account.name = shown.name;
    changed = true;
  }
  if (next.lastByHost[host] !== account.id || next.lastByPlatform[platform] !== account.id) {
    next.lastByHost[host] = account.id;
    next.lastByPlatform[platform] = account.id;
    changed = true;
  }
  return { account: account.id, doc: changed ? next : doc, changed };
}

/**
 * The account an import of a platform's report files goes to unless the seller picks another:
 * the account a page of that platform last showed, else the one last seen on the marketplace's
 * seller host (documents saved before platforms were tracked), else the default account.
 * @example importAccountDefault({ ...EMPTY_ACCOUNTS, lastByPlatform: { amazon: 'amazon-b' } }, 'amazon', 'sellercentral.amazon.com') // 'amazon-b'
 */
export function importAccountDefault(
  doc: Pick<AccountsDoc, 'lastByHost' | 'lastByPlatform'> & { accounts: readonly { id: string }[] },
  platform: Platform | undefined,
  host: string | undefined,
): string {
  const candidates = [platform && doc.lastByPlatform[platform], host && doc.lastByHost[host]];
  return candidates.find((id): id is string => !!id && doc.accounts.some((a) => a.id === id)) ?? DEFAULT_ACCOUNT;
}

/**
 * A row stamped with the account it belongs to: the account the background chose (the page's,
 * or the one the seller picked for an import), never one the row itself named. The default
 * account is left unwritten, as on every row stored before accounts existed.
 * @example stampAccount({ ...row, account: 'x' }, 'default').account // undefined
 */
export function stampAccount<T extends { account?: string | undefined }>(row: T, account: string): T {
  const { account: _named, ...rest } = row;
  return (account === DEFAULT_ACCOUNT ? rest : { ...rest, account }) as T;
}
