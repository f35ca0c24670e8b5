// @vitest-environment happy-dom
/**
 * "Show me the column" end to end in the content script's logic: the real eBay reader on a page
 * whose title header it does not know, the summary bar's offer and form, picking the column by
 * a click on the page or with the keyboard, saving through a fake transport, and the re-read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HeaderField, TaughtHeader } from '../locale/headers';
import { marketplaceById } from '../locale/markets';
import type { RequestOf, ResponseOf } from '../messaging/protocol';
import { adapter as ebayActive } from '../platforms/ebay/active-listings';
import { fixtureHtml } from '../platforms/testing/load';
import { startSellerPage, type SellerPage } from './seller-page';
import { SUMMARY_TAG } from './summary-bar';

const market = marketplaceById('ebay.com')!;
const url = () => new URL('https://www.ebay.com/sh/lst/active');
const bar = () => document.querySelector(SUMMARY_TAG)!.shadowRoot!;
const byTestId = <T extends Element = HTMLElement>(id: string) => bar().querySelector<T>(`[data-testid="${id}"]`);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let page: SellerPage | undefined;
afterEach(() => {
  page?.stop();
  page = undefined;
  document.body.replaceChildren();
});

/** The renamed-title fixture on the page, a seller page on it, and what the fake background saw. */
async function openPage(options: { taught?: TaughtHeader[]; copied?: string[] } = {}) {
  const body = new DOMParser().parseFromString(fixtureHtml('teaching/ebay-active-listings.headline.html'), 'text/html').body;
  document.body.replaceChildren(...Array.from(body.childNodes));
  const sent: RequestOf<'page/ingest'>[] = [];
  const taught: TaughtHeader[] = [...(options.taught ?? [])];
  const teachCalls: [HeaderField, string, string | undefined][] = [];
  page = await startSellerPage({
    root: document,
    adapter: ebayActive,
    market,
    url,
    ingest: async (request): Promise<ResponseOf<'page/ingest'>> => {
      sent.push(request);
      return { panels: [] };
    },
    getSettings: async () => ({ language: 'en', hiddenPanels: [] }),
    setHidden: async () => [],
    getTaughtColumns: async () => taught,
    teach: async (field, header, hint) => {
      teachCalls.push([field, header, hint]);
      taught.push({ field, header, ...(hint ? { hint } : {}) });
      return [...taught];
    },
    copyText: async (text) => void options.copied?.push(text),
    debounceMs: 1,
  });
  await page.reader.readNow();
  return { sent, teachCalls };
}

describe('Show me the column', () => {
  it('is offered when the reader misses a column (the rows read without it), and not once the column is taught', async () => {
    const { sent } = await openPage();
    expect(sent.at(-1)?.rows.length).toBe(24);
    expect(sent.at(-1)?.rows.filter((r) => r.kind === 'listing' && r.title)).toEqual([]);
    expect(byTestId('teach-open')?.textContent).toBe('Show me the column');
    page!.stop();
    const taught = await openPage({ taught: [{ field: 'title', header: 'Listing headline' }] });
    expect(taught.sent.at(-1)?.rows.length).toBe(24);
    expect(taught.sent.at(-1)?.rows.every((r) => r.kind === 'listing' && r.title)).toBe(true);
    expect(byTestId('teach-open')).toBeNull();
  });

  it('is read from the taught column by its markup once the header is renamed again', async () => {
    const renamed = { field: 'title' as const, header: 'An older wording', hint: 'class=shui-dt-column__listingTitle' };
    const { sent } = await openPage({ taught: [renamed] });
    expect(sent.at(-1)?.rows.every((r) => r.kind === 'listing' && r.title)).toBe(true);
    expect(byTestId('teach-open')).toBeNull();
  });

  it('picks the column clicked on the page (without the page acting on the click), saves it and reads the page', async () => {
    const { sent, teachCalls } = await openPage();
    byTestId('teach-open')!.click();
    expect(bar().activeElement?.getAttribute('data-testid')).toBe('teach-column');
    expect(byTestId<HTMLSelectElement>('teach-field')!.value).toBe('title');
    expect(byTestId<HTMLButtonElement>('teach-save')!.disabled).toBe(true);

    let pageSawClick = false;
    const header = document.querySelector('th.shui-dt-column__listingTitle button')!;
    header.addEventListener('click', () => (pageSawClick = true));
    (document.querySelector('tr.grid-row td.shui-dt-column__listingTitle') as HTMLElement).click();
    expect(pageSawClick).toBe(false);
    const chosen = byTestId<HTMLSelectElement>('teach-column')!;
    expect(chosen.options[chosen.selectedIndex]?.textContent).toBe('Listing headline');

    byTestId('teach-save')!.click();
    await settle();
    await page!.reader.readNow();
    // The header text, and the column's own class that finds it after a rename.
    expect(teachCalls).toEqual([['title', 'Listing headline', 'class=shui-dt-column__listingTitle']]);
    expect(sent.at(-1)?.rows.length).toBe(24);
    expect(sent.at(-1)?.rows.every((r) => r.kind === 'listing' && r.title)).toBe(true);
    expect(byTestId('summary-notice')?.textContent).toBe('Saved: "Listing headline" is read as Title (product name) on this page type from now on.');
    expect(byTestId('teach-form')).toBeNull();
    // Closed: clicks reach the page again.
    (header as HTMLElement).click();
    expect(pageSawClick).toBe(true);
  });

  it('works with the keyboard alone: choose the column and the field in lists, Escape cancels', async () => {
    const { teachCalls } = await openPage();
    byTestId('teach-open')!.click();
    const columns = byTestId<HTMLSelectElement>('teach-column')!;
    expect([...columns.options].map((o) => o.textContent)).toEqual([
      'Choose a column…',
      'Select',
      'Actions',
      'Photo',
      'Listing headline',
      'Custom label (SKU)',
      'Available quantity',
      'Current price',
      'Sold quantity',
      'Watchers',
      'Start date',
    ]);
    columns.value = '3';
    columns.dispatchEvent(new Event('change'));
    expect(bar().activeElement?.getAttribute('data-testid')).toBe('teach-column');
    byTestId('teach-form')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(byTestId('teach-form')).toBeNull();
    expect(teachCalls).toEqual([]);

    byTestId('teach-open')!.click();
    const again = byTestId<HTMLSelectElement>('teach-column')!;
    again.value = '3';
    again.dispatchEvent(new Event('change'));
    byTestId('teach-save')!.click();
    await settle();
    expect(teachCalls).toEqual([['title', 'Listing headline', 'class=shui-dt-column__listingTitle']]);
  });
});

describe('Copy page structure for a bug report', () => {
  it('copies the skeleton of the page table, without the seller data, and says so', async () => {
    const copied: string[] = [];
    await openPage({ copied });
    byTestId('summary-copy-structure')!.click();
    await settle();
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('Listing headline');
    expect(copied[0]).not.toContain('KTCH-BAMB-BRD');
    expect(byTestId('summary-notice')?.textContent).toMatch(/^Page structure copied \(\d+ characters, your data left out\)/);
  });
});
