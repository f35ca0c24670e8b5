import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TaughtColumn } from '../messaging/protocol-teaching';
import { exportBackup, loadTaughtColumns, openStore, restoreBackup, updateTaughtColumns } from '../store';
import { EXTENSION_BASE_URL, NOW, dispatcherOf, useTestBackground } from './test-background';
import { pageOfSender, validTaughtColumns, withTaughtColumn, withoutTaughtColumn } from './teaching-handlers';

const background = useTestBackground('teaching');
const EBAY = { url: 'https://www.ebay.com/sh/lst/active?offset=0' };
const OPTIONS = { url: `${EXTENSION_BASE_URL}options.html` };
const column = (over: Partial<TaughtColumn> = {}): TaughtColumn => ({
  pageType: 'ebay/active-listings',
  marketplace: 'ebay.com',
  field: 'title',
  header: 'Listing headline',
  taughtAt: NOW.toISOString(),
  ...over,
});

describe('taught column lists', () => {
  it('replace an earlier choice for the same field, or for the same header, on the same page type and marketplace only', () => {
    const list = [column(), column({ marketplace: 'ebay.de' }), column({ field: 'sku', header: 'Label' })];
    const next = withTaughtColumn(list, column({ header: 'Headline' }));
    expect(next.map((c) => [c.marketplace, c.field, c.header])).toEqual([
      ['ebay.de', 'title', 'Listing headline'],
      ['ebay.com', 'sku', 'Label'],
      ['ebay.com', 'title', 'Headline'],
    ]);
    // "LABEL" is the same header as "Label": that column now holds the price.
    expect(withTaughtColumn(next, column({ field: 'price', header: 'LABEL' })).map((c) => c.field)).toEqual(['title', 'title', 'price']);
    expect(withoutTaughtColumn(next, { pageType: 'ebay/active-listings', marketplace: 'ebay.com', field: 'sku' })).toHaveLength(2);
  });

  it('keep the valid entries of a damaged stored value', () => {
    expect(validTaughtColumns([column(), { pageType: 'x' }, column({ field: 'nope' as never })])).toEqual([column()]);
    expect(validTaughtColumns({ not: 'a list' })).toEqual([]);
  });

  it('take the page type and marketplace from the sender URL', () => {
    expect(pageOfSender(EBAY)).toEqual({ pageType: 'ebay/active-listings', marketplace: 'ebay.com' });
    expect(pageOfSender({ url: 'https://www.ebay.de/sh/lst/active' })).toEqual({ pageType: 'ebay/active-listings', marketplace: 'ebay.de' });
    expect(pageOfSender({ url: 'https://www.ebay.com/help' })).toBeUndefined();
    expect(pageOfSender(OPTIONS)).toBeUndefined();
  });
});

describe('teaching messages', () => {
  it('a page teaches its own page type and marketplace; the options page lists and removes', async () => {
    const dispatch = dispatcherOf(await background.setup(async () => {}));
    const taught = await dispatch({ type: 'teaching/teach', payload: { field: 'title', header: 'Listing headline' } }, EBAY);
    expect(taught).toEqual({ ok: true, data: { columns: [column()] } });
    // Another marketplace's page does not see it.
    expect(await dispatch({ type: 'teaching/page-columns', payload: {} }, { url: 'https://www.ebay.de/sh/lst/active' })).toEqual({
      ok: true,
      data: { columns: [] },
    });
    expect(await dispatch({ type: 'teaching/page-columns', payload: {} }, EBAY)).toEqual({ ok: true, data: { columns: [column()] } });
    expect(await dispatch({ type: 'teaching/list', payload: {} }, OPTIONS)).toEqual({ ok: true, data: { columns: [column()] } });
    const removed = await dispatch(
      { type: 'teaching/remove', payload: { pageType: 'ebay/active-listings', marketplace: 'ebay.com', field: 'title' } },
      OPTIONS,
    );
    expect(removed).toEqual({ ok: true, data: { columns: [] } });
    expect(await dispatch({ type: 'teaching/page-columns', payload: {} }, EBAY)).toEqual({ ok: true, data: { columns: [] } });
  });

  it('columns taught on two pages at once are both kept', async () => {
    const dispatch = dispatcherOf(await background.setup(async () => {}));
    await Promise.all([
      dispatch({ type: 'teaching/teach', payload: { field: 'title', header: 'Listing headline' } }, EBAY),
      dispatch({ type: 'teaching/teach', payload: { field: 'title', header: 'Angebotstitel' } }, { url: 'https://www.ebay.de/sh/lst/active' }),
    ]);
    const listed = await dispatch({ type: 'teaching/list', payload: {} }, OPTIONS);
    expect(listed.ok && (listed.data as { columns: TaughtColumn[] }).columns.map((c) => c.marketplace).sort()).toEqual(['ebay.com', 'ebay.de']);
  });

  it('refuses a field the readers do not have', async () => {
    const dispatch = dispatcherOf(await background.setup(async () => {}));
    const reply = await dispatch({ type: 'teaching/teach', payload: { field: 'profit', header: 'Profit' } }, EBAY);
    expect(reply.ok).toBe(false);
  });

  it('are in the backup and come back with a restore', async () => {
    await background.setup(async () => {});
    await updateTaughtColumns(background.db, () => [column()], NOW);
    const backup = await exportBackup(background.db, NOW);
    const other = await openStore(`teaching-restore-${Math.random()}`);
    try {
      await restoreBackup(other, backup, NOW);
      expect(validTaughtColumns(await loadTaughtColumns(other))).toEqual([column()]);
    } finally {
      other.close();
    }
  });
});
