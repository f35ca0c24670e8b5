/**
 * Table `settings`: a single row holding the settings object as JSON. Its schema lives in
 * lib/settings; the store only keeps the raw value, so a settings change never needs a
 * database migration (lib/settings migrates its own object).
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../../records';

export const SETTINGS_ROW_ID = 'settings';
/**
 * The second row: what the planner fitted on the whole catalogue (forecast context, ABC
 * classes), reused by re-plans of a few products (lib/store/catalogue-fit.ts).
 */
export const CATALOGUE_FIT_ROW_ID = 'catalogue-fit';
/** The third row: what the seller enters for purchasing (lib/purchasing/purchasing-data.ts validates it). */
export const PURCHASING_ROW_ID = 'purchasing';
/** The columns sellers taught the page readers (lib/store/teaching-store.ts; backed up with the rest). */
export const TAUGHT_COLUMNS_ROW_ID = 'taught-columns';
/** The guided start's progress and first answers (lib/onboarding/state.ts validates it). */
export const ONBOARDING_ROW_ID = 'onboarding';
/** Date spans each order-history import covered, per marketplace (lib/store/order-import-spans.ts). */
export const ORDER_IMPORTS_ROW_ID = 'order-imports';
/** Expected arrivals of inbound units the seller entered or a Shipments page showed (lib/store/inbound-arrivals-store.ts). */
export const INBOUND_ARRIVALS_ROW_ID = 'inbound-arrivals';
/** Inbound shipments Amazon's Shipments page showed, with their estimated arrivals (lib/store/inbound-shipments-store.ts). */
export const INBOUND_SHIPMENTS_ROW_ID = 'inbound-shipments';
/** Seller accounts: the accounts pages showed, the last one per host, per-account settings (lib/accounts/registry.ts validates it). */
export const ACCOUNTS_ROW_ID = 'accounts';
/** Each stock's reorder line before the C cash cap, kept so a partial re-plan caps without reading every plan (lib/background/reorder-values.ts). */
export const REORDER_VALUES_ROW_ID = 'reorder-values';

export const settingsRowSchema = z.object({
  id: z.enum([
    SETTINGS_ROW_ID,
    CATALOGUE_FIT_ROW_ID,
    PURCHASING_ROW_ID,
    TAUGHT_COLUMNS_ROW_ID,
    ONBOARDING_ROW_ID,
    ORDER_IMPORTS_ROW_ID,
    INBOUND_ARRIVALS_ROW_ID,
    ACCOUNTS_ROW_ID,
    INBOUND_SHIPMENTS_ROW_ID,
    REORDER_VALUES_ROW_ID,
  ]),
  value: z.unknown(),
  updatedAt: isoDateTimeSchema,
});
export type SettingsRow = z.infer<typeof settingsRowSchema>;
