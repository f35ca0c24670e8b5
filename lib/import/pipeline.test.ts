import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../background/handlers';
import { countOrderLines, openStore, readAllOrderLines, saveAccounts, type StoreDb } from '../store';
import { EMPTY_ACCOUNTS } from '../accounts/registry';
import { createClient, createDispatcher } from '../messaging/rpc';
import { OPTIONS_PAGE } from '../messaging/senders';
import { commitStaged, countByReport, createStager, readReportFile, resumableImport, type ImportProgress, type ReportFileLike } from './pipeline';
import { packedRowsSchema } from './packed-rows';
import { allObservations } from '../store/test-helpers';
import { refusedWith } from '../messaging/test-refusals';

const NOW = new Date('2026-11-20T18:00:00Z');
let db: StoreDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/** A File-like over bytes, streamed in chunks of `chunk` bytes (what File.stream() does, smaller). */
function fileOf(name: string, text: string, chunk = 64): ReportFileLike {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.byteLength,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.subarray(i, i + chunk));
          controller.close();
        },
      }),
  };
}

const MYI = readFileSync('tests/fixtures/reports/amazon/fba-myi.us.tsv', 'utf8');
const ORDERS = readFileSync('tests/fixtures/reports/amazon/orders.us.tsv', 'utf8');

type ReadOptions = Parameters<typeof readReportFile>[1];

/** The preview of the files as the options page reads them, keeping their rows in batches of `batchSize` for the storing pass. */
async function previewFiles(files: readonly ReportFileLike[], options: ReadOptions, batchSize: number) {
  const stage = createStager(batchSize);
  for (const file of files) await readReportFile(file, options, { stage, yieldToUi: async () => {} });
  return stage.finish();
}

/** `import/commit-packed` as the page sends it: the client's check, a copy, the worker's dispatcher (unpacking, every row checked). */
function packedSender(handlers: ReturnType<typeof createHandlers>) {
  const dispatch = createDispatcher(handlers, { extensionBaseUrl: 'chrome-extension://test/' });
  const rpc = createClient((message) => dispatch(structuredClone(message), { url: `chrome-extension://test/${OPTIONS_PAGE}` }));
  return (batch: Parameters<Parameters<typeof commitStaged>[1]['send']>[0]) => rpc('import/commit-packed', batch);
}

describe('report import pipeline', () => {
  it('parses chunk by chunk with progress, yielding between chunks, and lists error lines', async () => {
    const progress: number[] = [];
    let yields = 0;
    const preview = await readReportFile(
      fileOf('fba-myi.us.tsv', MYI, 50),
      { marketplace: 'amazon.com', now: NOW },
      {
        onProgress: (read, total) => progress.push(read / total),
        yieldToUi: async () => {
          yields++;
        },
      },
    );
    expect(preview.reportId).toBe('amazon/fba-myi');
    expect(preview.counts.listing).toBe(5);
    expect(yields).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // BROKEN-ROW is on line 6 of the file: its problems name that line.
    expect(preview.lineProblems.length).toBeGreaterThan(0);
    expect(new Set(preview.lineProblems.map((d) => d.row))).toEqual(new Set([6]));
  });

  it("counts rows per marketplace, taking each order line's from its sales-channel", async () => {
    const eu = ORDERS.replace(/\tAmazon\.com\t/, '\tAmazon.fr\t');
    const preview = await readReportFile(fileOf('orders.tsv', eu), { marketplace: 'amazon.com', now: NOW }, { yieldToUi: async () => {} });
    expect(preview.marketplaces).toEqual([
      { marketplace: 'amazon.com', rows: 2 },
      { marketplace: 'amazon.fr', rows: 1 },
    ]);
    expect(preview.firstRows.find((r) => r.marketplace === 'amazon.fr')?.sku).toBe('BAM-TOWEL-GRY-2PK');
  });

  it('gives the same rows whatever the chunk size (multi-byte characters split across chunks)', async () => {
    const zh = readFileSync('tests/fixtures/reports/amazon/fba-myi.zh.tsv', 'utf8');
    const whole = await readReportFile(fileOf('a.tsv', zh, 1 << 20), { marketplace: 'amazon.com', now: NOW }, { yieldToUi: async () => {} });
    const tiny = await readReportFile(fileOf('a.tsv', zh, 7), { marketplace: 'amazon.com', now: NOW }, { yieldToUi: async () => {} });
    expect(tiny).toEqual(whole);
    expect(whole.firstRows.length).toBeGreaterThan(0);
  });

  it('counts rows per report type across files', async () => {
    const opts = { marketplace: 'amazon.com', now: NOW };
    const hooks = { yieldToUi: async () => {} };
    const previews = [
      await readReportFile(fileOf('myi.tsv', MYI), opts, hooks),
      await readReportFile(fileOf('orders.tsv', ORDERS), opts, hooks),
      await readReportFile(fileOf('junk.txt', 'hello\nworld\n'), opts, hooks),
    ];
    const counts = countByReport(previews);
    expect(counts.map((c) => c.reportId)).toEqual(['amazon/fba-myi', 'amazon/orders', undefined]);
    expect(counts[0]).toMatchObject({ files: 1, listing: 5, order: 0, linesWithProblems: 1 });
    expect(counts[1]!.order).toBeGreaterThan(0);
    expect(counts[2]).toMatchObject({ listing: 0, order: 0 });
    expect([...previews[2]!.lineProblems, ...previews[2]!.fileProblems].map((d) => d.code)).toContain('unknown-report');
  });

  it('stores nothing until committed, then commits in batches and the listings appear', async () => {
    db = await openStore(`import-${Math.random()}`);
    const replans: unknown[] = [];
    const handlers = createHandlers({
      db,
      now: () => NOW,
      replan: async (ids) => {
        replans.push(ids);
      },
    });
    const preview = await readReportFile(fileOf('myi.tsv', MYI), { marketplace: 'amazon.com', now: NOW }, { yieldToUi: async () => {} });
    expect((await allObservations(db)).length).toBe(0);
    expect(await db.listings.count()).toBe(0);

    expect(preview.counts.listing).toBe(5);
    expect(preview.firstRows).toHaveLength(5);

    const files = [fileOf('myi.tsv', MYI)];
    const staged = await previewFiles(files, { marketplace: 'amazon.com', now: NOW }, 2);
    expect(await db.listings.count()).toBe(0);
    const sent: { batchIndex: number; rows: number; last: boolean }[] = [];
    const progress: number[] = [];
    const send = packedSender(handlers);
    const totals = await commitStaged(staged, {
      files,
      send: async (batch) => {
        const result = await send(batch);
        sent.push({ batchIndex: batch.batchIndex, rows: result.received, last: batch.last });
        return result;
      },
      onProgress: (done) => progress.push(done),
    });
    // Full batches while reading, the rest, then an empty last batch that asks for the re-plan.
    expect(sent).toEqual([
      { batchIndex: 0, rows: 2, last: false },
      { batchIndex: 1, rows: 2, last: false },
      { batchIndex: 2, rows: 1, last: false },
      { batchIndex: 3, rows: 0, last: true },
    ]);
    expect(progress).toEqual([2, 4, 5, 5]);
    expect(totals).toMatchObject({ received: 5, rejected: 0, newListings: 5 });
    expect(await db.listings.count()).toBe(5);
    expect(replans).toHaveLength(1);
  });

  it('reads a 100,000-row file in many short steps', async () => {
    const header = 'sku\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\n';
    const body = Array.from({ length: 100_000 }, (_, i) => `SKU-${i}\t${i % 50}\t\n`).join('');
    const text = header + body;
    let yields = 0;
    const preview = await readReportFile(
      fileOf('big.tsv', text, 64 * 1024),
      { marketplace: 'amazon.com', now: NOW },
      {
        yieldToUi: async () => {
          yields++;
        },
      },
    );
    expect(preview.counts.listing).toBe(100_000);
    // The page gets control back after every 64 KiB chunk: never more than one chunk's parsing
    // between two paints (how long that takes is the bench's business, not a test's).
    expect(yields).toBe(Math.ceil(new TextEncoder().encode(text).byteLength / (64 * 1024)));
  });

  it('parses a stream that hands over a lot at once a piece at a time, yielding between pieces', async () => {
    // Chromium's File.stream() gives 2 MB at a time.
    const text = 'sku\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\n' + Array.from({ length: 5_000 }, (_, i) => `SKU-${i}\t${i % 50}\t\n`).join('');
    const options = { marketplace: 'amazon.com', now: NOW };
    let yields = 0;
    const big = await readReportFile(fileOf('big.tsv', text, 1 << 30), options, { maxChunkChars: 8 * 1024, yieldToUi: async () => void yields++ });
    expect(yields).toBe(Math.ceil(text.length / (8 * 1024)));
    expect(big).toEqual(await readReportFile(fileOf('big.tsv', text, 64), options, { yieldToUi: async () => {} }));
    expect(big.counts.listing).toBe(5_000);
  });

  it('goes on from the last stored batch when the same files are chosen after the page closed', async () => {
    db = await openStore(`import-${Math.random()}`);
    const handlers = createHandlers({ db, now: () => NOW, replan: async () => {} });
    const files = [
      { ...fileOf('orders.tsv', ORDERS), lastModified: 7 },
      { ...fileOf('myi.tsv', MYI), lastModified: 8 },
    ];
    let saved: ImportProgress | undefined;
    const journal = { load: () => saved, save: (p: ImportProgress) => (saved = p), clear: () => (saved = undefined) };
    const options = { marketplace: 'amazon.com', now: NOW };
    const send = packedSender(handlers);
    // The page closes while the third batch is on its way: two batches (4 rows) were stored.
    const closed = new Error('page closed');
    await expect(
      commitStaged(await previewFiles(files, options, 2), {
        files,
        journal,
        send: async (batch) => {
          if (batch.batchIndex === 2) throw closed;
          return send(batch);
        },
      }),
    ).rejects.toBe(closed);
    expect(saved).toMatchObject({
      batchesDone: 2,
      rowsDone: 4,
      rowsTotal: 8,
      files: ['orders.tsv|' + files[0]!.size + '|7', 'myi.tsv|' + files[1]!.size + '|8'],
    });
    expect(resumableImport(saved, [files[0]!])).toBeUndefined();
    expect(resumableImport(saved, [{ ...files[0]!, lastModified: 9 }, files[1]!])).toBeUndefined();

    // Chosen again: previewed again (the closed page's batches are gone), then the rest sent.
    const resume = resumableImport(saved, files);
    const sent: number[] = [];
    await commitStaged(await previewFiles(files, options, 2), {
      files,
      journal,
      resume,
      send: async (batch) => {
        sent.push(batch.batchIndex);
        expect(batch.importId).toBe(resume!.importId);
        return send(batch);
      },
    });
    expect(sent).toEqual([2, 3, 4]);
    expect(saved).toBeUndefined();
    // Every row is stored: the orders file's 3 lines, and the inventory file's 5 listings (the
    // order lines' SKUs among them).
    expect(await countOrderLines(db)).toBe(3);
    expect(await db.listings.count()).toBe(5);
    expect((await allObservations(db)).filter((o) => o.kind === 'listing')).toHaveLength(5);
  });
});

describe('report import pipeline: Business Reports', () => {
  const BUSINESS = readFileSync('tests/fixtures/reports/amazon/business-report-child.uk.csv', 'utf8');

  it('passes the sales period and the known SKUs by ASIN to the parser', async () => {
    const preview = await readReportFile(fileOf('BusinessReport-30-11-26.csv', BUSINESS, 40), {
      marketplace: 'amazon.co.uk',
      now: NOW,
      dateRange: { from: '2026-10-21', to: '2026-11-19' },
      skuByAsin: new Map([['B07UKMUG01', ['UK-MUG-SAGE']]]),
    });
    expect(preview.reportId).toBe('amazon/business-report-child');
    expect(preview.firstRows).toEqual([
      expect.objectContaining({ sku: 'UK-MUG-SAGE', observedDate: '2026-11-19', unitsSold: [{ windowDays: 30, units: 41 }] }),
    ]);
    expect(preview.lineProblems.map((d) => [d.code, d.row])).toEqual([
      ['sku-needed', 2],
      ['sku-needed', 3],
      ['sku-needed', 5],
    ]);
  });

  it('without a sales period, shows one file problem asking for it', async () => {
    const preview = await readReportFile(fileOf('BusinessReport.csv', BUSINESS), { marketplace: 'amazon.co.uk', now: NOW });
    expect(preview.firstRows).toEqual([]);
    expect(preview.lineProblems).toEqual([]);
    expect(preview.fileProblems.map((d) => d.code)).toEqual(['missing-date-range']);
  });
});

describe('an import into a chosen seller account', () => {
  const B = 'amazon-brand-b';
  const withAccountB = async (store: StoreDb) =>
    saveAccounts(store, { ...EMPTY_ACCOUNTS, accounts: [...EMPTY_ACCOUNTS.accounts, { id: B, name: 'Brand B', sellers: [] }] }, NOW);

  it("stores every listing and order under the chosen account, whatever account a row names, and keeps the default account's rows apart", async () => {
    db = await openStore(`import-account-${Math.random()}`);
    await withAccountB(db);
    const handlers = createHandlers({ db, now: () => NOW, replan: async () => {} });
    const files = [fileOf('orders.tsv', ORDERS), fileOf('myi.tsv', MYI)];
    const options = { marketplace: 'amazon.com', now: NOW };
    const preview = await readReportFile(files[0]!, options, { yieldToUi: async () => {} });
    // All Orders names each row's marketplace: the seller need not choose one for it.
    expect(preview).toMatchObject({ namesMarketplace: true, platform: 'amazon' });
    expect((await readReportFile(files[1]!, options, { yieldToUi: async () => {} })).namesMarketplace).toBe(false);

    const sent: (string | undefined)[] = [];
    const unpack = packedRowsSchema(3, 1e6);
    await commitStaged(await previewFiles(files, options, 3), {
      files,
      account: B,
      send: ({ packed, ...batch }) => {
        sent.push(batch.account);
        // A row naming another account is stored under the chosen one all the same.
        const rows = unpack.parse(packed).map((r) => ({ ...r, account: 'amazon-forged' }));
        return handlers['import/commit-packed']({ ...batch, account: batch.account ?? 'default', packed: rows }, {});
      },
    });
    expect(new Set(sent)).toEqual(new Set([B]));
    const listings = await db.listings.toArray();
    expect(listings).toHaveLength(5);
    expect(listings.every((l) => l.account === B && l.key.endsWith(`|@${B}`))).toBe(true);
    const orders = await readAllOrderLines(db);
    expect(orders).toHaveLength(3);
    expect(orders.every((o) => o.account === B)).toBe(true);
    expect((await allObservations(db)).every((o) => o.record.account === B && o.listingKey.endsWith(`|@${B}`))).toBe(true);

    // The same files into the default account: a second set, B's rows untouched.
    await commitStaged(await previewFiles(files, options, 3), { files, send: packedSender(handlers) });
    expect(await db.listings.count()).toBe(10);
    expect((await db.listings.toArray()).filter((l) => l.account === undefined)).toHaveLength(5);
    expect(await countOrderLines(db)).toBe(6);
  });

  it('refuses an account no page has shown, storing nothing; a resumed import keeps the account its first batches went to', async () => {
    db = await openStore(`import-account-${Math.random()}`);
    await withAccountB(db);
    const handlers = createHandlers({ db, now: () => NOW, replan: async () => {} });
    expect(await refusedWith(handlers['import/commit']({ importId: 'x', batchIndex: 0, rows: [], last: true, account: 'amazon-unknown' }, {}))).toEqual({
      code: 'account-missing',
      params: { account: 'amazon-unknown' },
    });
    const files = [{ ...fileOf('myi.tsv', MYI), lastModified: 3 }];
    let saved: ImportProgress | undefined;
    const journal = { load: () => saved, save: (p: ImportProgress) => (saved = p), clear: () => (saved = undefined) };
    const options = { marketplace: 'amazon.com', now: NOW };
    const closed = new Error('page closed');
    let open = true;
    const packedSend = packedSender(handlers);
    const send = (batch: Parameters<typeof packedSend>[0]) => {
      if (batch.batchIndex === 1 && open) {
        open = false;
        throw closed;
      }
      return packedSend(batch);
    };
    await expect(commitStaged(await previewFiles(files, options, 2), { files, account: B, journal, send })).rejects.toBe(closed);
    expect(saved).toMatchObject({ batchesDone: 1, account: B });
    // Chosen again with the default account selected: the rest still goes to B.
    await commitStaged(await previewFiles(files, options, 2), { files, journal, resume: resumableImport(saved, files)!, send });
    const listings = await db.listings.toArray();
    expect(listings).toHaveLength(5);
    expect(listings.every((l) => l.account === B)).toBe(true);
  });
});

describe('the storing pass', () => {
  it('does not read the files again, sends one batch at a time in order, and stores what the preview counted', async () => {
    // Twelve order lines (an order report streams its rows; a snapshot report holds them to the end).
    const [header, ...lines] = ORDERS.trim().split('\n');
    const twelve = [0, 1, 2, 3].flatMap((copy) => lines.map((line) => line.replace(/^(\d{3}-\d{7}-)\d/, `$1${copy}`)));
    let reads = 0;
    const base = fileOf('orders.tsv', [header, ...twelve].join('\n') + '\n', 40);
    const file: ReportFileLike = { ...base, stream: () => (reads++, base.stream()) };
    const stage = createStager(5);
    const preview = await readReportFile(file, { marketplace: 'amazon.com', now: NOW }, { stage, yieldToUi: async () => {} });
    const staged = stage.finish();
    expect(staged.batches.map((b) => b.rows)).toEqual([5, 5, 2]);
    expect(staged.rows).toBe(preview.counts.order);
    db = await openStore(`import-${Math.random()}`);
    const send = packedSender(createHandlers({ db, now: () => NOW, replan: async () => {} }));
    let storing = 0;
    const order: number[] = [];
    const totals = await commitStaged(staged, {
      files: [file],
      send: async (batch) => {
        expect(storing).toBe(0);
        storing++;
        order.push(batch.batchIndex);
        const result = await send(batch);
        storing--;
        return result;
      },
    });
    expect(reads).toBe(1);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(totals).toMatchObject({ received: 12, stored: 12, rejected: 0 });
    expect(await countOrderLines(db)).toBe(12);
  });
});
