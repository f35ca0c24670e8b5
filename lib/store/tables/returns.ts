/**
 * Table `returns`: returned units held apart (not sellable, not in `available`) until the seller
 * marks them sellable (they go back to stock) or disposed. The planner counts held units as
 * possible future supply, never as stock.
 */
import { z } from 'zod';
import { isoDateTimeSchema, quantitySchema } from '../../records';

const RETURN_STATUSES = ['held', 'sellable', 'disposed'] as const;

export const returnRowSchema = z.object({
  id: z.number().int().positive().optional(),
  listingKey: z.string().min(1),
  productId: z.string().min(1),
  poolId: z.string().optional(),
  units: quantitySchema.min(1),
  orderId: z.string().max(60).optional(),
  reason: z.string().max(500).optional(),
  receivedAt: isoDateTimeSchema,
  status: z.enum(RETURN_STATUSES),
  resolvedAt: isoDateTimeSchema.optional(),
  resolvedBy: z.string().max(200).optional(),
});
export type ReturnRow = z.infer<typeof returnRowSchema>;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
