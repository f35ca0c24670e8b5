/**
 * Backups and restores through the worker's dispatcher, driven by the options page's own client
 * (lib/messaging/backup-client.ts) over fake-indexeddb: many small messages, never one large one.
 */
import { describe, expect, it, vi } from 'vitest';
import { downloadBackup, restoreBackupFile, type BackupProgress } from '../messaging/backup-client';
import { backupProblemOf } from '../messaging/protocol-backup';
import { createClient, STORAGE_FULL } from '../messaging/rpc';
import { dailyOrders, dispatcherOf, listingReading, NOW, SENDERS, TODAY, useTestBackground } from './test-background';
import { addDays } from '../locale/dates';

const background = useTestBackground('backup');
type TestHandlers = Awaited<ReturnType<typeof background.setup>>;

/** The options page's client, through the dispatcher, counting messages and their largest size. */
function optionsClient(handlers: TestHandlers) {
  const dispatch = dispatcherOf(handlers);
  const sent = { messages: 0, largest: 0 };
  const rpc = createClient(async (message) => {
    sent.messages++;
    const reply = await dispatch(message, SENDERS.options);
    sent.largest = Math.max(sent.largest, JSON.stringify(message).length, JSON.stringify(reply).length);
    return reply;
  });
  return { rpc, sent };
}

/** 30 SKUs with 60 days of readings and orders, a settings document of another feature. */
async function seed(handlers: TestHandlers) {
  for (let i = 0; i < 30; i++) {
    const sku = `SKU-${i}`;
    const rows = Array.from({ length: 60 }, (_, d) => listingReading(sku, addDays(TODAY, -d), { available: 100 - d + i }));
    await handlers['import/commit']({ importId: sku, batchIndex: 0, rows: [...rows, ...dailyOrders(sku, 1 + (i % 3), 30)], last: true }, SENDERS.options);
  }
  await background.db.table('settings').put({ id: 'purchase-orders', value: [{ id: 'po-1' }], updatedAt: NOW.toISOString() });
}

/** Rows and checksum per table, as the backup's header gives them. */
async function summary(rpc: ReturnType<typeof optionsClient>['rpc']) {
  const { blob } = await downloadBackup(rpc);
  const text = await blob.text();
  return { header: JSON.parse(text.slice(0, text.indexOf('\n'))).tables as Record<string, { rows: number; checksum: string }>, text };
}

describe('backup and restore through messages', () => {
  it('backs up, deletes all and restores every row (counts and checksum per table equal), with progress', async () => {
    const handlers = await background.setup(async () => {});
    await seed(handlers);
    const { rpc, sent } = optionsClient(handlers);
    const progress: BackupProgress[] = [];
    const { blob, rows } = await downloadBackup(rpc, (p) => progress.push(p));
    const text = await blob.text();
    const before = JSON.parse(text.slice(0, text.indexOf('\n'))).tables;
    expect(before.observations.rows).toBeGreaterThanOrEqual(30 * 60);
    expect(text).toContain('"id":"purchase-orders"'); // another feature's document in `settings`
    expect(rows).toBe(Object.values(before as Record<string, { rows: number }>).reduce((n, t) => n + t.rows, 0));
    expect(progress.at(-1)).toMatchObject({ phase: 'backup', rows });
    expect(sent.messages).toBeGreaterThanOrEqual(2); // begin, then next until done (the bench and e2e write many parts)

    await handlers['data/delete-all']({ confirm: 'delete-all' }, SENDERS.options);
    expect((await handlers['data/storage']({}, SENDERS.options)).totalRows).toBe(0);

    const restoreProgress: BackupProgress[] = [];
    const restored = await restoreBackupFile(new Blob([text]), rpc, (p) => restoreProgress.push(p));
    expect(restored.rows).toBe(rows);
    expect(restoreProgress.map((p) => p.phase)).toEqual(expect.arrayContaining(['check', 'write']));
    expect(restoreProgress.at(-1)).toMatchObject({ phase: 'write', done: rows, total: rows });
    expect((await summary(rpc)).header).toEqual(before);
    expect((await handlers['backup/status']({}, SENDERS.options)).interruptedRestore).toBeNull();
  });

  it('restores an old single-JSON backup (format 1)', async () => {
    const handlers = await background.setup(async () => {});
    await seed(handlers);
    const { rpc } = optionsClient(handlers);
    const { header, text } = await summary(rpc);
    // The same rows as format 1 wrote them: one object, every table an array.
    const tables: Record<string, unknown[]> = {};
    for (const line of text.trimEnd().split('\n').slice(1)) {
      const chunk = JSON.parse(line);
      (tables[chunk.table] ??= []).push(...chunk.rows);
    }
    for (const t of Object.keys(header)) tables[t] ??= [];
    const legacy = JSON.stringify({ format: 'stock-copilot-backup', version: 1, schemaVersion: 4, exportedAt: NOW.toISOString(), tables });
    await handlers['data/delete-all']({ confirm: 'delete-all' }, SENDERS.options);
    await restoreBackupFile(new Blob([legacy]), rpc);
    expect((await summary(rpc)).header).toEqual(header);
  });

  it('refuses a damaged or foreign file in the first pass, naming the problem, with the data untouched', async () => {
    const handlers = await background.setup(async () => {});
    await seed(handlers);
    const { rpc } = optionsClient(handlers);
    const { header, text } = await summary(rpc);
    const problem = (file: string) => restoreBackupFile(new Blob([file]), rpc).then(() => undefined, backupProblemOf);
    expect(await problem(text.replace('"available":77', '"available":78'))).toMatchObject({ code: 'checksum' });
    expect(await problem(text.slice(0, Math.floor(text.length * 0.7)))).toMatchObject({ code: 'damaged' });
    expect(await problem(text.split('\n').slice(0, -3).join('\n'))).toMatchObject({ code: 'truncated' });
    expect(await problem('hello')).toEqual({ code: 'not-json', detail: '' });
    expect(await problem('{"hello":1}\n')).toEqual({ code: 'not-backup', detail: '' });
    expect((await summary(rpc)).header).toEqual(header);
  });

  it('ends a session that a new one replaced, or that the worker lost', async () => {
    const handlers = await background.setup(async () => {});
    const { rpc } = optionsClient(handlers);
    const { backupId } = await rpc('backup/begin', {});
    await rpc('backup/begin', {});
    await expect(rpc('backup/next', { backupId })).rejects.toSatisfy((e) => backupProblemOf(e)?.code === 'session-lost');
    await expect(rpc('backup/restore-check', { restoreId: 'gone', lines: [] })).rejects.toSatisfy((e) => backupProblemOf(e)?.code === 'session-lost');
  });

  it('says storage-full when the disk fills during the write, and reports the restore as not finished', async () => {
    const handlers = await background.setup(async () => {});
    await seed(handlers);
    const { rpc } = optionsClient(handlers);
    const { text } = await summary(rpc);
    // Every Dexie table shares one prototype: fail the order lines' writes only.
    const proto = Object.getPrototypeOf(background.db.orderChunks) as { bulkPut: (...args: unknown[]) => Promise<unknown> };
    const original = proto.bulkPut;
    vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      return this.name === 'orderChunks' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : original.apply(this, args);
    });
    const problem = await restoreBackupFile(new Blob([text]), rpc).then(() => undefined, backupProblemOf);
    expect(problem).toMatchObject({ code: 'storage-full' });
    expect((await handlers['backup/status']({}, SENDERS.options)).interruptedRestore).toMatchObject({ startedAt: NOW.toISOString() });
    vi.restoreAllMocks();
    await restoreBackupFile(new Blob([text]), rpc);
    expect((await handlers['backup/status']({}, SENDERS.options)).interruptedRestore).toBeNull();
  });
});

describe('a full disk during an import', () => {
  it('stores nothing of the failed batch and says storage-full; the earlier batches stay whole', async () => {
    const handlers = await background.setup(async () => {});
    const first = Array.from({ length: 5 }, (_, i) => listingReading(`A-${i}`, TODAY, { available: 10 }));
    await handlers['import/commit']({ importId: 'big', batchIndex: 0, rows: first, last: false }, SENDERS.options);
    const before = (await handlers['data/storage']({}, SENDERS.options)).tables;
    vi.spyOn(background.db.observationChunks, 'bulkPut').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const second = Array.from({ length: 5 }, (_, i) => listingReading(`B-${i}`, TODAY, { available: 10 }));
    const reply = await dispatcherOf(handlers)(
      { type: 'import/commit', payload: { importId: 'big', batchIndex: 1, rows: second, last: true } },
      SENDERS.options,
    );
    vi.restoreAllMocks();
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^${STORAGE_FULL}: `)) });
    // The listings of the failed batch were written in the same transaction as its readings: rolled back with them.
    const after = (await handlers['data/storage']({}, SENDERS.options)).tables;
    expect(after.listings!.rows).toBe(before.listings!.rows);
    expect(after.products!.rows).toBe(before.products!.rows);
  });

  it("stores none of a batch's order lines when the import's spans cannot be written (one transaction per batch)", async () => {
    const handlers = await background.setup(async () => {});
    const report = (sku: string) => dailyOrders(sku, 2, 10).map((o) => ({ ...o, source: 'report:amazon/all-orders' }));
    await handlers['import/commit']({ importId: 'orders', batchIndex: 0, rows: report('A'), last: false }, SENDERS.options);
    const lines = async () => (await handlers['data/storage']({}, SENDERS.options)).tables.orders!.rows;
    expect(await lines()).toBe(10);
    vi.spyOn(background.db.settings, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const reply = await dispatcherOf(handlers)(
      { type: 'import/commit', payload: { importId: 'orders', batchIndex: 1, rows: report('B'), last: true } },
      SENDERS.options,
    );
    vi.restoreAllMocks();
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^${STORAGE_FULL}: `)) });
    // B's lines were merged before the spans failed to widen: rolled back with them.
    expect(await lines()).toBe(10);
  });
});
