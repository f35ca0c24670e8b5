import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReport } from '../reports/parser';
import { openStore, type StoreDb } from '../store';
import { createHandlers } from './handlers';

const NOW = new Date('2026-11-20T18:00:00Z');
let db: StoreDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('fee-facts/read', () => {
  it("gives each SKU's unit volume as the Manage FBA Inventory report read it, with its source and day", async () => {
    db = await openStore(`fee-facts-${Math.random()}`);
    const handlers = createHandlers({ db, now: () => NOW, replan: async () => {} });
    const { rows } = parseReport(readFileSync('tests/fixtures/reports/amazon/fba-myi.us.tsv', 'utf8'), { marketplace: 'amazon.com', now: NOW });
    await handlers['import/commit']({ importId: 'i', batchIndex: 0, rows, last: true }, {});
    const { facts } = await handlers['fee-facts/read']({}, {});
    const towel = facts.find((f) => f.sku === 'BAM-TOWEL-GRY-2PK');
    expect(towel?.unitCubicFeet).toEqual({ value: 0.21, source: 'report:amazon/fba-myi', date: '2026-11-20' });
    // Only SKUs a reading gave a fact for, once each.
    expect(new Set(facts.map((f) => f.sku)).size).toBe(facts.length);
    expect(facts.length).toBeGreaterThan(0);
  });
});
