/**
 * Table `products`: one physical item, whatever number of listings sell it. A product has
 * no measured fields of its own: stock and sales live on its listings and pools, so a
 * product row only records identity (and the seller's name for it, if given).
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../../records';

export const productRowSchema = z.object({
  /** `p:<listing key of the founding listing>`, with `~<n>` appended when that id was taken. */
  id: z.string().min(1),
  createdAt: isoDateTimeSchema,
  /** The listing whose first reading created this product. */
  founderKey: z.string().min(1),
  /** Name the seller gave the product in the options page; listings' titles are shown otherwise. */
  name: z.string().max(2000).optional(),
});
export type ProductRow = z.infer<typeof productRowSchema>;

/**
 * The id a new product founded by `listingKey` gets; `taken` says whether an id is in use.
 * Deterministic (not random) so that replaying the same readings builds the same store.
 * @example productIdFor('amazon|amazon.com|A1', () => false) // 'p:amazon|amazon.com|A1'
 */
export function productIdFor(listingKey: string, taken: (id: string) => boolean): string {
  const base = `p:${listingKey}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}~${n}`;
    if (!taken(id)) return id;
  }
}
