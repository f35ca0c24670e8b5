/**
 * What the C cash cap needs of the stocks a re-plan does not touch. The cap is over every
 * reorder in the store, but a page's re-plan touches a few products: reading every cached plan
 * to cap them cost seconds at 10,000 SKUs. The store keeps instead one `settings` row with each
 * stock's reorder line before the cap (StockLine, a hundred bytes), the answer its plans carry,
 * and which plans and listings it stands for. A re-plan of some products caps its fresh lines
 * with the others' lines and re-shapes only the other plans whose answer the cap now changes.
 *
 * The row is trusted only while it describes the cached plans: it names the policy inputs it
 * was made under (a hash of the settings and the purchasing costs and policy) and the number
 * of cached plans after its save. Anything else that changes plans (a restore, a clear, an
 * account move) changes that number, and the re-plan rebuilds the row from every plan.
 */
import { z } from 'zod';
import { safeParseFast } from '../exact-check';
import { ABC_CLASSES, type SkuPlan } from '../planning/types';
import { POLICY_RULES, stockKeyOf, type PolicyInput, type StockLine, type StockReorder } from '../purchasing';
import type { Settings } from '../settings/schema';
import { contentHash, REORDER_VALUES_ROW_ID, type StoreDb } from '../store';

/** One stock's line, the reorder its cached plans carry, and the plans and listings it stands for. */
const storedStockSchema = z.object({
  stockKey: z.string(),
  productId: z.string(),
  planKey: z.string(),
  rule: z.enum(POLICY_RULES),
  abcClass: z.enum(ABC_CLASSES).nullable(),
  quantity: z.number().int(),
  floor: z.number().int(),
  unitCostMinor: z.number().int().nullable(),
  moq: z.number().int(),
  casePack: z.number().int(),
  applied: z.object({ quantity: z.number().int(), rule: z.enum(POLICY_RULES).nullable() }),
  planKeys: z.array(z.string()),
  listingKeys: z.array(z.string()),
});
type StoredStock = z.infer<typeof storedStockSchema>;

const storedStocksSchema = z.array(storedStockSchema);

/**
 * The shape the stored stocks were checked against when written: a fingerprint of
 * storedStocksSchema itself (its JSON Schema), so changing the schema makes every stored row stale.
 */
const STOCKS_FORMAT = contentHash(JSON.stringify(z.toJSONSchema(storedStocksSchema)));

/**
 * The stored row. Its stocks are one JSON text, not an array of objects: at 3,000 stocks the row
 * is about 1.2 MB, and IndexedDB clones one string at memory speed where it clones thousands of
 * small objects one by one (a re-plan read and wrote the array form in 0.7–1.5 s under load).
 * A row in the older array form, or from before `format`, fails this schema and is rebuilt like
 * any stale row. The stocks are checked against storedStocksSchema when the row is written (after
 * the plans are saved), not when a re-plan reads it: checking 10,000 stocks took 30–50 ms of a
 * page's re-plan in Chromium (zod cannot compile its checks under the extension's CSP).
 */
const reorderValuesSchema = z.object({ inputs: z.string(), planCount: z.number().int(), format: z.literal(STOCKS_FORMAT), stocksJson: z.string() });

/** The row's content before it is saved: the plan count is taken after the plans are. */
export interface ReorderValues {
  inputs: string;
  stocks: StoredStock[];
  /** How many plans were cached when the lines were read (undefined: not read, a whole re-plan). */
  planCountBefore?: number;
}

/**
 * Stocks as loadReorderValues read them back: they passed storedStocksSchema when their row was
 * written (its `format` names that schema), so saveReorderValues checks only the others: fresh
 * lines, and stored ones given another answer (new objects: stocks are never changed in place).
 * Checking all 10,000 stocks of a large store again took 21–55 ms of zod without eval (V8, five runs).
 */
const checkedStocks = new WeakSet<object>();

/** The stored lines, and how many plans were cached when they were read. */
export interface LoadedStocks {
  stocks: StoredStock[];
  planCount: number;
}

/**
 * The hash of what shapes every line: the settings (lead times, MOQ, cases, order cost) and the
 * purchasing costs and policy. Placed orders are not in it: they change the plans they net,
 * which are re-planned, not the others' lines.
 * @example policyInputsHash(settings, { currency: 'USD', unitCosts: [] }).length // 28
 */
export function policyInputsHash(settings: Settings, input: PolicyInput): string {
  return contentHash(JSON.stringify([settings, input.currency, input.unitCosts, input.policy ?? null]));
}

/**
 * The stored stocks when the row still describes the cached plans (same policy inputs, same
 * number of plans), with that number; undefined when it is missing, damaged or stale.
 * @example await loadReorderValues(db, policyInputsHash(settings, input)) // undefined on a new install
 */
export async function loadReorderValues(db: StoreDb, inputs: string): Promise<LoadedStocks | undefined> {
  const [row, planCount] = await Promise.all([db.settings.get(REORDER_VALUES_ROW_ID), db.plans.count()]);
  const parsed = reorderValuesSchema.safeParse(row?.value);
  if (!parsed.success || parsed.data.inputs !== inputs || parsed.data.planCount !== planCount) return undefined;
  let stocks: unknown;
  try {
    stocks = JSON.parse(parsed.data.stocksJson);
  } catch {
    return undefined;
  }
  // Checked against this very schema when written (its fingerprint is the row's format).
  if (!Array.isArray(stocks) || !stocks.every((s) => typeof s === 'object' && s !== null)) return undefined;
  for (const stock of stocks as object[]) checkedStocks.add(stock);
  return { stocks: stocks as StoredStock[], planCount };
}

/**
 * Saves the row once the plans it describes are saved (it records their number). Given what
 * the save added and deleted, that number is the count the lines were read with, moved by it:
 * counting 15,000 plans took 80-140 ms of every page's re-plan in Chromium. A plan written in
 * between by anything else makes the number wrong, and the next re-plan rebuilds the row.
 * @example await saveReorderValues(db, answers.reorderValues, now, { added: 2, deleted: 0 })
 */
export async function saveReorderValues(db: StoreDb, values: ReorderValues, now: Date, saved?: { added: number; deleted: number }): Promise<void> {
  // Stocks that fail their schema (a bug) are not kept: the next re-plan rebuilds them from every plan.
  const unchecked = values.stocks.filter((s) => !checkedStocks.has(s));
  if (!safeParseFast(storedStocksSchema, unchecked).success) {
    await db.settings.delete(REORDER_VALUES_ROW_ID);
    return;
  }
  const planCount = values.planCountBefore !== undefined && saved ? values.planCountBefore + saved.added - saved.deleted : await db.plans.count();
  const value: z.infer<typeof reorderValuesSchema> = { inputs: values.inputs, planCount, format: STOCKS_FORMAT, stocksJson: JSON.stringify(values.stocks) };
  await db.settings.put({ id: REORDER_VALUES_ROW_ID, value, updatedAt: now.toISOString() });
}

/**
 * The stored form of lines whose plans are at hand: each line with the reorder its stock's own
 * plan carries, and every plan and listing of the stock.
 * @example storedStocksOf(lines, plans)[0].planKeys // ['pool:MUG@fba:NA', 'amazon|amazon.com|MUG']
 */
export function storedStocksOf(lines: readonly StockLine[], plans: readonly SkuPlan[]): StoredStock[] {
  const plansOf = new Map<string, SkuPlan[]>();
  for (const plan of plans) {
    const key = stockKeyOf(plan);
    const list = plansOf.get(key);
    if (list) list.push(plan);
    else plansOf.set(key, [plan]);
  }
  return lines.map((line) => {
    const stockPlans = plansOf.get(line.stockKey) ?? [];
    const own = stockPlans.find((p) => p.key === line.planKey);
    return {
      ...line,
      applied: { quantity: own?.reorderQuantity ?? line.quantity, rule: own?.reorderPolicy?.rule ?? null },
      planKeys: stockPlans.map((p) => p.key),
      listingKeys: [...new Set(stockPlans.flatMap((p) => p.listingKeys))],
    };
  });
}

/**
 * Whether the cap now gives a stock another reorder than its cached plans carry.
 * @example answerMoved(stock, { quantity: stock.applied.quantity, rule: 'lean', planKey: stock.planKey }) // false when the rule is lean too
 */
export function answerMoved(stock: StoredStock, answer: StockReorder | undefined): boolean {
  return answer !== undefined && (answer.quantity !== stock.applied.quantity || answer.rule !== stock.applied.rule);
}
