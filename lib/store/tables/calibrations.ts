/**
 * Table `calibrations`: the seller's corrections of on-hand stock ("I counted 40, not 52"), with
 * the reason and who/when. Anchored to the listing the correction was made on (listing keys
 * are stable; products merge and split as listings are linked), plus the pool it counts for.
 */
import { z } from 'zod';
import { isoDateTimeSchema, quantitySchema } from '../../records';

export const calibrationRowSchema = z.object({
  id: z.number().int().positive().optional(),
  listingKey: z.string().min(1),
  /** Product at the time of the correction (informational: the listing decides). */
  productId: z.string().min(1),
  poolId: z.string().optional(),
  /** Units the seller says are on hand. */
  onHand: quantitySchema,
  /** What the store believed before (latest available reading), for the audit trail. */
  previous: quantitySchema.nullable(),
  reason: z.string().min(1).max(500),
  /** Who made the correction (seller's name or "seller"). */
  by: z.string().min(1).max(200),
  /** When it was made (UTC ISO): it holds until a newer stock reading arrives. */
  at: isoDateTimeSchema,
});
export type CalibrationRow = z.infer<typeof calibrationRowSchema>;

/**
 * On-hand stock of a listing: the newest of its last available reading and the seller's last
 * correction (a correction holds until the page shows stock again after it).
 * @example effectiveOnHand({ available: 52, fieldObservedAt: { available: '2024-05-01T00:00:00.000Z' } }, [{ onHand: 40, at: '2024-05-02T00:00:00.000Z' }]) // 40
 */
export function effectiveOnHand(
  listing: { available?: number; fieldObservedAt: Record<string, string> },
  calibrations: readonly Pick<CalibrationRow, 'onHand' | 'at'>[],
): number | undefined {
  let latest: Pick<CalibrationRow, 'onHand' | 'at'> | undefined;
  for (const c of calibrations) if (!latest || c.at >= latest.at) latest = c;
  const readAt = listing.fieldObservedAt.available;
  if (latest && (readAt === undefined || latest.at >= readAt)) return latest.onHand;
  return listing.available;
}
