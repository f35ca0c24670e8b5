/**
 * Test helpers: load a fixture or builder output into a fresh happy-dom document and read it
 * with a context for a marketplace at a fixed time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { marketplaceById, marketplaceForPageLanguage, pageLanguage } from '../../locale/markets';
import type { PageAdapter, PageRead, ReadContext } from '../types';
import type { ListingObservation, OrderObservation } from '../../records';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/');

export function fixtureHtml(rel: string): string {
  return readFileSync(FIXTURES_DIR + rel, 'utf8');
}

/** A fixed reading time: 2026-03-01 06:30 UTC is still 28 February in Los Angeles. */
export const NOW = new Date('2026-03-01T06:30:00Z');

export function contextFor(url: string, marketId: string, now = NOW): ReadContext {
  const market = marketplaceById(marketId);
  if (!market) throw new Error(`unknown market ${marketId}`);
  return { url: new URL(url), market, now };
}

/** Parses an HTML document string into a Document (happy-dom environment required). */
export function documentFrom(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Reads a page as the content script does: the page's language can change the marketplace's number format (Walmart.ca in French). */
export function readHtml(adapter: PageAdapter, html: string, url: string, marketId: string): PageRead & { doc: Document } {
  const doc = documentFrom(html);
  const ctx = contextFor(url, marketId);
  return { ...adapter.parse(doc, { ...ctx, market: marketplaceForPageLanguage(ctx.market, pageLanguage(doc, ctx.url)) }), doc };
}

export function listingsOf(read: PageRead): Map<string, ListingObservation> {
  return new Map(read.rows.filter((r): r is ListingObservation => r.kind === 'listing').map((r) => [r.sku, r]));
}

export function ordersOf(read: PageRead): OrderObservation[] {
  return read.rows.filter((r): r is OrderObservation => r.kind === 'order');
}
