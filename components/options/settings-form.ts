/**
 * The settings form's state and its conversion to Settings. Keyed maps (suppliers, channels)
 * are edited as rows, so a row can be half-typed; conversion checks them and settingsSchema,
 * and maps every problem back to the id of the input it belongs to (shown next to it).
 */
import type { z } from 'zod';
import { t, type Language } from '@/lib/i18n';
import type { SizeTier } from '@/lib/fees';
import { DESTINATIONS, settingsSchema, type Destination, type Settings } from '@/lib/settings/schema';

export interface SupplierRow {
  name: string;
  productionDays: number;
  transit: Partial<Record<Destination, number>>;
  moq: number;
  casePack: number;
}
export interface BufferRow {
  channel: string;
  kind: 'percent' | 'fixed';
  value: number;
}
export interface WeightRow {
  channel: string;
  weight: number;
}

/**
 * One SKU's fee facts where no page or report shows them: the size tier and shipping weight
 * (the low-inventory fee's rate) and the unit volume (storage, aged surcharge). Stored in
 * `fbaFees.sizeBySku` and `storageFees.unitCubicFeetBySku`; NaN or '' = not set.
 */
export interface SkuFactRow {
  sku: string;
  tier: SizeTier | '';
  weightOz: number;
  cubicFeet: number;
}

export interface SettingsForm {
  base: Settings;
  suppliers: SupplierRow[];
  skuSupplierText: string;
  buffers: BufferRow[];
  weights: WeightRow[];
  skuFacts: SkuFactRow[];
}

/** @example skuFactRowsOf(defaultSettings()) // [] */
function skuFactRowsOf(settings: Settings): SkuFactRow[] {
  const sizes = settings.fbaFees.sizeBySku;
  const volumes = settings.storageFees.unitCubicFeetBySku;
  return [...new Set([...Object.keys(sizes), ...Object.keys(volumes)])].sort().map((sku) => ({
    sku,
    tier: sizes[sku]?.tier ?? '',
    weightOz: sizes[sku]?.shippingWeightOz ?? Number.NaN,
    cubicFeet: volumes[sku] ?? Number.NaN,
  }));
}

/** @example formOf(defaultSettings()).suppliers // [] */
export function formOf(settings: Settings): SettingsForm {
  return {
    base: settings,
    suppliers: Object.entries(settings.leadTimes.suppliers).map(([name, s]) => ({
      name,
      productionDays: s.productionDays,
      transit: { ...s.transitDays },
      moq: s.moq,
      casePack: s.casePack,
    })),
    skuSupplierText: Object.entries(settings.leadTimes.skuSupplier)
      .map(([sku, supplier]) => `${sku}=${supplier}`)
      .join('\n'),
    buffers: Object.entries(settings.safetyBuffers).map(([channel, b]) => ({ channel, kind: b.kind, value: b.value })),
    weights: Object.entries(settings.allocationWeights).map(([channel, weight]) => ({ channel, weight })),
    skuFacts: skuFactRowsOf(settings),
  };
}

/** Input id -> translated message. */
export type FieldErrors = Record<string, string>;

/**
 * A zod issue in the seller's language.
 * @example issueText({ code: 'too_small', minimum: 1, ... }, 'en') // 'Must be at least 1.'
 */
function issueText(issue: z.core.$ZodIssue, language: Language): string {
  if (issue.code === 'too_small') return t(language, 'options.error.min', { min: String((issue as { minimum: number | bigint }).minimum) });
  if (issue.code === 'too_big') return t(language, 'options.error.max', { max: String((issue as { maximum: number | bigint }).maximum) });
  if (issue.code === 'invalid_type')
    return (issue as { expected: string }).expected === 'int' ? t(language, 'options.error.int') : t(language, 'options.error.number');
  return t(language, 'options.error.invalid');
}

/**
 * The input id a settings path belongs to (ids are the dotted path, keyed maps by row index).
 * @example fieldIdOf(['leadTimes', 'suppliers', 'Acme', 'moq'], form) // 'suppliers.0.moq'
 */
function fieldIdOf(path: readonly PropertyKey[], form: SettingsForm): string {
  const p = path.map(String);
  if (p[0] === 'leadTimes' && p[1] === 'suppliers') {
    const i = form.suppliers.findIndex((s) => s.name.trim() === p[2]);
    const field = p[3] === 'transitDays' ? `transit.${p[4]}` : (p[3] ?? 'name');
    return `suppliers.${i}.${field}`;
  }
  if (p[0] === 'leadTimes' && p[1] === 'skuSupplier') return 'skuSupplier';
  if (p[0] === 'safetyBuffers') return `buffers.${form.buffers.findIndex((b) => b.channel.trim() === p[1])}.${p[2] === 'kind' ? 'kind' : 'value'}`;
  if (p[0] === 'fbaFees' && p[1] === 'sizeBySku') return `skuFacts.${form.skuFacts.findIndex((r) => r.sku.trim() === p[2])}.weight`;
  if (p[0] === 'storageFees' && p[1] === 'unitCubicFeetBySku') return `skuFacts.${form.skuFacts.findIndex((r) => r.sku.trim() === p[2])}.volume`;
  // The ladder is one field: any step's problem is shown there.
  if (p[0] === 'clearance' && p[1] === 'ladderPct') return 'clearance.ladderPct';
  if (p[0] === 'allocationWeights') return `weights.${form.weights.findIndex((w) => w.channel.trim() === p[1])}.weight`;
  return p.join('.');
}

/** Problems of the form's editable rows: blank or repeated keys, a size tier without its weight. */
function rowProblems(form: SettingsForm, language: Language): FieldErrors {
  const errors: FieldErrors = {};
  const unique = <T>(rows: T[], key: (r: T) => string, id: (i: number) => string) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const k = key(r).trim();
      if (!k) errors[id(i)] = t(language, 'options.error.required');
      else if (seen.has(k)) errors[id(i)] = t(language, 'options.error.duplicate');
      seen.add(k);
    });
  };
  unique(
    form.suppliers,
    (s) => s.name,
    (i) => `suppliers.${i}.name`,
  );
  unique(
    form.buffers,
    (b) => b.channel,
    (i) => `buffers.${i}.channel`,
  );
  unique(
    form.weights,
    (w) => w.channel,
    (i) => `weights.${i}.channel`,
  );
  unique(
    form.skuFacts,
    (r) => r.sku,
    (i) => `skuFacts.${i}.sku`,
  );
  // A size tier needs its shipping weight (the rate rows are by weight); a blank weight alone is "not set".
  form.skuFacts.forEach((r, i) => {
    if (r.tier && Number.isNaN(r.weightOz)) errors[`skuFacts.${i}.weight`] ??= t(language, 'options.error.required');
  });
  return errors;
}

/** The "SKU = supplier" lines, each naming a supplier of the form; a bad line is a problem by its number. */
function skuSupplierOf(form: SettingsForm, language: Language, errors: FieldErrors): Record<string, string> {
  const supplierNames = new Set(form.suppliers.map((s) => s.name.trim()));
  const skuSupplier: Record<string, string> = {};
  form.skuSupplierText.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const at = line.lastIndexOf('=');
    const sku = line.slice(0, at).trim();
    const supplier = line.slice(at + 1).trim();
    if (at <= 0 || !sku || !supplierNames.has(supplier)) errors.skuSupplier ??= t(language, 'options.error.skuLine', { line: i + 1 });
    else skuSupplier[sku] = supplier;
  });
  return skuSupplier;
}

/** The settings the form's rows say, not yet validated. */
function candidateOf(form: SettingsForm, skuSupplier: Record<string, string>): Settings {
  return {
    ...form.base,
    leadTimes: {
      ...form.base.leadTimes,
      suppliers: Object.fromEntries(
        form.suppliers.map((s) => [
          s.name.trim(),
          {
            productionDays: s.productionDays,
            transitDays: Object.fromEntries(DESTINATIONS.flatMap((d) => (s.transit[d] === undefined ? [] : [[d, s.transit[d]]]))),
            moq: s.moq,
            casePack: s.casePack,
          },
        ]),
      ),
      skuSupplier,
    },
    safetyBuffers: Object.fromEntries(form.buffers.map((b) => [b.channel.trim(), { kind: b.kind, value: b.value }])),
    allocationWeights: Object.fromEntries(form.weights.map((w) => [w.channel.trim(), w.weight])),
    fbaFees: {
      ...form.base.fbaFees,
      sizeBySku: Object.fromEntries(form.skuFacts.flatMap((r) => (r.tier ? [[r.sku.trim(), { tier: r.tier, shippingWeightOz: r.weightOz }]] : []))),
    },
    storageFees: {
      ...form.base.storageFees,
      unitCubicFeetBySku: Object.fromEntries(form.skuFacts.flatMap((r) => (Number.isNaN(r.cubicFeet) ? [] : [[r.sku.trim(), r.cubicFeet]]))),
    },
  };
}

/**
 * Settings from the form, or the problems by input id.
 * @example toSettings(formOf(defaultSettings()), 'en').settings?.targetCoverDays // 60
 */
export function toSettings(form: SettingsForm, language: Language): { settings?: Settings; errors: FieldErrors } {
  const errors = rowProblems(form, language);
  const skuSupplier = skuSupplierOf(form, language, errors);
  const candidate = candidateOf(form, skuSupplier);
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[fieldIdOf(issue.path, form)] ??= issueText(issue, language);
  return Object.keys(errors).length ? { errors } : { settings: parsed.data!, errors };
}
