/**
 * One seller account's part of the merged report (the options page exports one account or all).
 * A product belongs to an account through its listings; a product the seller linked by hand
 * across accounts keeps only the chosen account's listings, with its pools as they are (a pool's
 * stock is the product's, counted once).
 */
import type { MergedReport } from '../export/merged-data';
import { accountOfKey } from '../records';

/**
 * The report with only the products (and listings) of one account.
 * @example reportOfAccount(report, 'amazon-b').products.every((p) => p.listings.every((l) => accountOfKey(l.key) === 'amazon-b')) // true
 */
export function reportOfAccount(report: MergedReport, account: string): MergedReport {
  const products = report.products.flatMap((p) => {
    const listings = p.listings.filter((l) => accountOfKey(l.key) === account);
    return listings.length === 0 ? [] : [{ ...p, listings }];
  });
  return { ...report, products };
}
