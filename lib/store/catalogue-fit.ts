/**
 * The catalogue fit: the forecast context and ABC classes the planner fitted on the whole
 * catalogue at the last full re-plan (daily, and after settings changes and large imports).
 * Re-plans of the few products a page touched reuse it instead of fitting on their batch.
 */
import { z } from 'zod';
import { safeParseFast } from '../exact-check';
import type { CatalogueFit } from '../planning';
import { ABC_CLASSES } from '../planning/types';
import type { StoreDb } from './db';
import { CATALOGUE_FIT_ROW_ID } from './tables/settings';

const storedFitSchema = z.object({
  // The context's fields are the forecaster's own (lib/forecast/types.ts); it checks their ranges.
  forecastContext: z.record(z.string(), z.unknown()),
  abcOf: z.record(z.string(), z.enum(ABC_CLASSES)),
  fittedAt: z.string(),
});

/** A fit older than this is refitted by the next re-plan that can. */
export const CATALOGUE_FIT_MAX_AGE_MS = 2 * 24 * 3600 * 1000;

/**
 * The stored fit and when it was made, or undefined when there is none (or it is unreadable).
 * @example const fit = await loadCatalogueFit(db); fit?.fit.abcOf['p:amazon|amazon.com|MUG@fba:NA'] // 'A'
 */
export async function loadCatalogueFit(db: StoreDb): Promise<{ fit: CatalogueFit; fittedAt: string } | undefined> {
  const row = await db.settings.get(CATALOGUE_FIT_ROW_ID);
  // Every page's re-plan reads it: zod's parse of 10,000 classes took 2.8-6.8 ms in the store bench's Chromium, the check 1.7-2.8 ms.
  const parsed = safeParseFast(storedFitSchema, row?.value);
  if (!parsed.success) return undefined;
  return { fit: { forecastContext: parsed.data.forecastContext as CatalogueFit['forecastContext'], abcOf: parsed.data.abcOf }, fittedAt: parsed.data.fittedAt };
}

/** @example await saveCatalogueFit(db, fit, new Date()) */
export async function saveCatalogueFit(db: StoreDb, fit: CatalogueFit, now: Date): Promise<void> {
  const value = { forecastContext: JSON.parse(JSON.stringify(fit.forecastContext)) as unknown, abcOf: fit.abcOf, fittedAt: now.toISOString() };
  await db.settings.put({ id: CATALOGUE_FIT_ROW_ID, value, updatedAt: now.toISOString() });
}
