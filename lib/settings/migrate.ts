/**
 * Upgrades stored settings of any earlier version to the current one, and salvages what it
 * can from damaged input. Never throws: a settings problem must not stop the planner.
 *
 * Version history:
 * - v1 (0.1 preview): one lead time `{ productionDays, transitDays }` for everything, one
 *   fixed `safetyBufferUnits` for every channel, language 'zh' for Chinese.
 * - v2: transit days per destination (FBA / WFS / own warehouse) and per supplier, safety
 *   buffer per channel (percent or fixed), language 'zh-CN', markdown ladder, hidden panels.
 * - v3: `compaction.rawObservationDays`, how long raw page readings are kept before they are
 *   folded into daily summaries.
 * - v4: `fbaFees` (low-inventory margin, size per SKU); storage defaults come from the fee
 *   schedules (lib/fees), so v3's invented aged-surcharge defaults become the published tiers.
 */
import { z } from 'zod';
import { PLATFORMS } from '../records';
import { defaultSettings, settingsSchema, SETTINGS_VERSION, storageDefaults, type Settings } from './schema';

type Raw = Record<string, unknown>;

export interface MigrationReport {
  settings: Settings;
  /** Version the input claimed (or was recognised as); null when unrecognisable. */
  fromVersion: number | null;
  /** Dotted paths of input values that were invalid and replaced by defaults. */
  dropped: string[];
}

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * v1 -> v2. Keeps the seller's numbers: the single transit time becomes every destination's
 * transit time, the single buffer becomes a fixed buffer on every platform.
 * @example migrateV1toV2({ version: 1, leadTimes: { productionDays: 20, transitDays: 30 } }).leadTimes
 * // { defaultProductionDays: 20, transitDaysByDestination: { FBA: 30, WFS: 30, SELLER: 30 }, suppliers: {}, skuSupplier: {} }
 */
export function migrateV1toV2(v1: Raw): Raw {
  const { leadTimes, safetyBufferUnits, language, ...rest } = v1;
  const out: Raw = { ...rest, version: 2 };
  if (isObject(leadTimes)) {
    const transit = leadTimes.transitDays;
    out.leadTimes = {
      defaultProductionDays: leadTimes.productionDays,
      transitDaysByDestination: { FBA: transit, WFS: transit, SELLER: transit },
      suppliers: {},
      skuSupplier: {},
    };
  }
  if (typeof safetyBufferUnits === 'number' && safetyBufferUnits > 0) {
    out.safetyBuffers = Object.fromEntries(PLATFORMS.map((p) => [p, { kind: 'fixed', value: safetyBufferUnits }]));
  }
  if (language !== undefined) out.language = language === 'zh' ? 'zh-CN' : language;
  return out;
}

/**
 * v2 -> v3. Raw readings are kept 90 days, or the seller's whole history window when that is
 * shorter (keeping raw readings past the history the planner reads would only cost space).
 * @example migrateV2toV3({ version: 2, historyDays: 60 }).compaction // { rawObservationDays: 60 }
 */
export function migrateV2toV3(v2: Raw): Raw {
  const history = typeof v2.historyDays === 'number' && Number.isFinite(v2.historyDays) ? v2.historyDays : 730;
  return { ...v2, version: 3, compaction: { rawObservationDays: Math.max(14, Math.min(90, Math.round(history))) } };
}

/** The aged-surcharge rows v1-v3 defaulted to: round figures, not Amazon's tiers. */
const V3_AGED_DEFAULTS = [
  { minDays: 181, perCubicFootMonthly: 150 },
  { minDays: 271, perCubicFootMonthly: 400 },
  { minDays: 366, perCubicFootMonthly: 690 },
];

/**
 * v3 -> v4. Aged-surcharge rows still equal to v3's invented defaults are replaced by the
 * published tiers (lib/fees); rows the seller edited are kept. `fbaFees` takes its defaults.
 * @example migrateV3toV4({ version: 3, storageFees: { agedSurcharges: V3_AGED_DEFAULTS } }).storageFees.agedSurcharges.length // 7
 */
export function migrateV3toV4(v3: Raw): Raw {
  const fees = v3.storageFees;
  if (!isObject(fees) || JSON.stringify(fees.agedSurcharges) !== JSON.stringify(V3_AGED_DEFAULTS)) return { ...v3, version: 4 };
  return { ...v3, version: 4, storageFees: { ...fees, agedSurcharges: storageDefaults().agedSurcharges } };
}

/** Steps indexed by the version they upgrade FROM. */
const STEPS: Record<number, (raw: Raw) => Raw> = { 1: migrateV1toV2, 2: migrateV2toV3, 3: migrateV3toV4 };

/**
 * Settings of any version (or garbage) -> current settings, with what was dropped.
 * Invalid values are replaced by their defaults field by field, so one bad number does not
 * cost the seller the rest of their settings.
 * @example migrateSettingsReport({ version: 2, serviceLevel: 'high' }).dropped // ['serviceLevel']
 */
export function migrateSettingsReport(input: unknown): MigrationReport {
  const defaults = defaultSettings();
  if (!isObject(input)) {
    return { settings: defaults, fromVersion: null, dropped: input === undefined || input === null ? [] : ['(root)'] };
  }
  // Settings written before versioning existed are v1.
  let version = input.version === undefined ? 1 : input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > SETTINGS_VERSION) {
    return { settings: defaults, fromVersion: null, dropped: ['version'] };
  }
  const fromVersion = version;
  let raw: Raw = input;
  while (version < SETTINGS_VERSION) {
    const step = STEPS[version]!;
    try {
      raw = step(raw);
    } catch {
      return { settings: defaults, fromVersion, dropped: ['(root)'] };
    }
    version++;
  }
  const dropped: string[] = [];
  const settings = salvage(settingsSchema, { ...raw, version: SETTINGS_VERSION }, defaults, '', dropped) as Settings;
  return { settings, fromVersion, dropped };
}

/**
 * Settings of any version (or garbage) -> current settings. Never throws.
 * @example migrateSettings(undefined).version // 2
 */
export function migrateSettings(input: unknown): Settings {
  return migrateSettingsReport(input).settings;
}

/** Keeps the valid parts of `value`: objects are checked key by key, anything else whole. */
function salvage(schema: z.ZodType, value: unknown, fallback: unknown, path: string, dropped: string[]): unknown {
  if (value === undefined) return fallback;
  if (schema instanceof z.ZodObject && isObject(fallback)) {
    if (!isObject(value)) {
      dropped.push(path || '(root)');
      return fallback;
    }
    const out: Raw = {};
    for (const [key, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      out[key] = salvage(fieldSchema, value[key], fallback[key], path ? `${path}.${key}` : key, dropped);
    }
    return out;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // A record (per-SKU or per-channel map): keep the good entries, drop the bad ones.
  if (schema instanceof z.ZodRecord && isObject(value)) {
    const out: Raw = {};
    for (const [key, entry] of Object.entries(value)) {
      const one = (schema as z.ZodRecord).safeParse({ [key]: entry });
      if (one.success) Object.assign(out, one.data);
      else dropped.push(`${path}.${key}`);
    }
    const whole = schema.safeParse(out);
    if (whole.success) return whole.data;
  }
  dropped.push(path);
  return fallback;
}
