/**
 * The days an order-history import covered, per marketplace. A report such as Amazon's All
 * Orders lists every order of a marketplace in its range, for every SKU: a listing absent from it
 * sold nothing on those days. The planner needs that span (lib/planning/reconstruct.ts
 * orderCoverage) to read "no orders" as zero demand rather than "no sales known yet".
 */
import { z } from 'zod';
import { accountIdSchema, isoDateSchema, type Observation } from '../records';

/** One import's span on one marketplace: its oldest and newest order day. */
const orderImportSpanSchema = z.object({
  importId: z.string().min(1).max(80),
  platform: z.string().min(1).max(20),
  marketplace: z.string().min(1).max(40),
  from: isoDateSchema,
  to: isoDateSchema,
  /** The seller account the import went to (absent = the default account, as on every span stored before accounts). */
  account: accountIdSchema.optional(),
});
export type OrderImportSpan = z.infer<typeof orderImportSpanSchema>;

/** Spans kept: the newest this many (a seller imports a few files a year; older ones are history). */
export const MAX_IMPORT_SPANS = 200;

export const orderImportSpansSchema = z.array(orderImportSpanSchema).max(MAX_IMPORT_SPANS);

/**
 * The stored spans widened by one batch of an import: per marketplace, the oldest and newest
 * order day of the import's report rows so far. Rows read from seller pages (not `report:`
 * sources) say nothing about the whole marketplace and are ignored. Returns the same array
 * when the batch changes nothing.
 * @example withImportBatch([], 'import-1', [order('amazon.com', '2026-01-05'), order('amazon.com', '2026-03-01')])
 * // [{ importId: 'import-1', platform: 'amazon', marketplace: 'amazon.com', from: '2026-01-05', to: '2026-03-01' }]
 */
export function withImportBatch(spans: readonly OrderImportSpan[], importId: string, rows: readonly Observation[]): readonly OrderImportSpan[] {
  let out: OrderImportSpan[] | undefined;
  for (const row of rows) {
    if (row.kind !== 'order' || !row.source.startsWith('report:')) continue;
    out ??= spans.map((s) => ({ ...s }));
    const span = out.find((s) => s.importId === importId && s.platform === row.platform && s.marketplace === row.marketplace && s.account === row.account);
    if (!span)
      out.push({
        importId,
        platform: row.platform,
        marketplace: row.marketplace,
        from: row.orderDate,
        to: row.orderDate,
        ...(row.account === undefined ? {} : { account: row.account }),
      });
    else {
      if (row.orderDate < span.from) span.from = row.orderDate;
      if (row.orderDate > span.to) span.to = row.orderDate;
    }
  }
  if (!out) return spans;
  return out.length > MAX_IMPORT_SPANS ? out.slice(out.length - MAX_IMPORT_SPANS) : out;
}
