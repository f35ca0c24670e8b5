/**
 * The options page's per-account settings form as text fields (empty = inherit the global
 * setting), turned into the overrides the background stores, field by field validated. Every
 * field the overrides model holds is here except suppliers and SKU suppliers (edited globally;
 * an account keeps whatever overrides of them it has). Each field's bounds come from the
 * settings schema itself, so the form's messages and the stored value never disagree.
 */
import { z } from 'zod';
import { formatNumber, t, type Language, type MessageKey } from '../i18n';
import { marketplaceById } from '../locale/markets';
import { PLATFORMS } from '../records';
import { DESTINATIONS, settingsSchema, type Destination, type SafetyBuffer, type Settings } from '../settings/schema';
import { accountOverridesSchema, type AccountOverrides } from './settings';

/** The number fields the form edits, in the order shown. */
export const NUMBER_FIELDS = [
  'targetCoverDays',
  'serviceLevel',
  'defaultMoq',
  'defaultCasePack',
  'productionDays',
  ...DESTINATIONS.map((d) => `transit.${d}` as const),
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
export type FormField = NumberField | 'safetyBuffers';
export type OverridesForm = Record<FormField, string>;

/** What a field reads and writes: the stored overrides, or the global settings for the inherited value. */
type Source = Pick<AccountOverrides, 'targetCoverDays' | 'serviceLevel' | 'defaultMoq' | 'defaultCasePack' | 'leadTimes'>;

const leadShape = settingsSchema.shape.leadTimes.shape;

/** A number field's schema (its bounds and whether it is whole) and where its value lives. */
function numberField(field: NumberField): { schema: z.ZodNumber; read: (s: Source) => number | undefined } {
  if (field === 'productionDays') return { schema: leadShape.defaultProductionDays, read: (s) => s.leadTimes?.defaultProductionDays };
  if (field.startsWith('transit.')) {
    const destination = field.slice('transit.'.length) as Destination;
    return { schema: leadShape.transitDaysByDestination.valueType, read: (s) => s.leadTimes?.transitDaysByDestination?.[destination] };
  }
  const plain = field as 'targetCoverDays' | 'serviceLevel' | 'defaultMoq' | 'defaultCasePack';
  return { schema: settingsSchema.shape[plain], read: (s) => s[plain] };
}

/** The label of each field (lead times and buffers share the global settings form's words). */
export function fieldLabel(language: Language, field: FormField): string {
  if (field === 'productionDays') return t(language, 'options.settings.productionDays');
  if (field === 'safetyBuffers') return t(language, 'options.settings.safetyBuffers');
  if (field.startsWith('transit.')) {
    const destination = t(language, `options.destination.${field.slice('transit.'.length) as Destination}`);
    return t(language, 'options.settings.transit', { destination });
  }
  return t(language, `accounts.${field}` as MessageKey);
}

/**
 * Buffers as the form writes them: one channel a line, `channel = 10%` or `channel = 5` (units).
 * @example buffersText({ ebay: { kind: 'fixed', value: 5 } }) // 'ebay = 5'
 */
function buffersText(buffers: Record<string, SafetyBuffer> | undefined): string {
  return Object.entries(buffers ?? {})
    .map(([channel, b]) => `${channel} = ${b.value}${b.kind === 'percent' ? '%' : ''}`)
    .join('\n');
}

/**
 * The form's text for stored overrides.
 * @example formOf({ targetCoverDays: 90 }).targetCoverDays // '90'
 */
export function formOf(overrides: AccountOverrides): OverridesForm {
  const out = { safetyBuffers: buffersText(overrides.safetyBuffers) } as OverridesForm;
  for (const f of NUMBER_FIELDS) {
    const value = numberField(f).read(overrides);
    out[f] = value === undefined ? '' : String(value);
  }
  return out;
}

/**
 * What each field inherits when left empty: the global setting, as the form writes it.
 * @example inheritedOf(defaultSettings())['transit.FBA'] // '40'
 */
export function inheritedOf(global: Settings): OverridesForm {
  return formOf({ ...global, safetyBuffers: global.safetyBuffers });
}

/** Why a field was refused: not a number in its bounds, or a buffer line that does not read. */
export type FieldProblem =
  | { field: NumberField; kind: 'number'; min: number; max: number; whole: boolean }
  | { field: 'safetyBuffers'; kind: 'buffer-line'; line: number }
  | { field: 'safetyBuffers'; kind: 'buffer-channel'; line: number; channel: string };

/**
 * One problem in the seller's language, saying what the field takes.
 * @example problemText('en', { field: 'defaultMoq', kind: 'number', min: 1, max: 10000000, whole: true }) // 'Default MOQ: enter a whole number from 1 to 10,000,000'
 */
export function problemText(language: Language, problem: FieldProblem): string {
  const field = fieldLabel(language, problem.field);
  if (problem.kind === 'buffer-line') return t(language, 'accounts.invalidBufferLine', { field, line: formatNumber(language, problem.line) });
  if (problem.kind === 'buffer-channel')
    return t(language, 'accounts.invalidBufferChannel', { field, line: formatNumber(language, problem.line), channel: problem.channel });
  const digits = problem.whole ? 0 : 3;
  const bounds = { field, min: formatNumber(language, problem.min, digits), max: formatNumber(language, problem.max, digits) };
  return t(language, problem.whole ? 'accounts.invalidWhole' : 'accounts.invalidNumber', bounds);
}

const BUFFER_LINE = /^([^=]+)=\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)$/;

/** A channel key the planner matches: a platform ("ebay") or platform|marketplace ("amazon|amazon.de"). */
function isChannel(key: string): boolean {
  const [platform, marketplace, extra] = key.split('|');
  if (extra !== undefined || !PLATFORMS.includes(platform as (typeof PLATFORMS)[number])) return false;
  return marketplace === undefined || marketplaceById(marketplace)?.platform === platform;
}

/** The buffer lines as overrides (undefined when empty), with the lines that do not read. */
function parseBuffers(text: string): { buffers: Record<string, SafetyBuffer> | undefined; problems: FieldProblem[] } {
  const buffers: Record<string, SafetyBuffer> = {};
  const problems: FieldProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const match = BUFFER_LINE.exec(raw.trim());
    const buffer = match && { kind: match[3] ? ('percent' as const) : ('fixed' as const), value: Number(match[2]) };
    const valid = buffer && settingsSchema.shape.safetyBuffers.valueType.safeParse(buffer).success && (buffer.kind === 'fixed' || buffer.value <= 100);
    if (!match || !valid) problems.push({ field: 'safetyBuffers', kind: 'buffer-line', line: i + 1 });
    else if (!isChannel(match[1]!.trim())) problems.push({ field: 'safetyBuffers', kind: 'buffer-channel', line: i + 1, channel: match[1]!.trim() });
    else buffers[match[1]!.trim()] = buffer;
  });
  return { buffers: Object.keys(buffers).length > 0 ? buffers : undefined, problems };
}

/**
 * The overrides a filled form gives (suppliers and SKU suppliers kept from `kept`), or every
 * field whose text is not a valid value.
 * @example overridesOf({ ...empty, targetCoverDays: '90' }, {}) // { ok: true, overrides: { targetCoverDays: 90 } }
 * @example overridesOf({ ...empty, targetCoverDays: '-1' }, {}).problems[0].field // 'targetCoverDays'
 */
export function overridesOf(form: OverridesForm, kept: AccountOverrides): { ok: true; overrides: AccountOverrides } | { ok: false; problems: FieldProblem[] } {
  const { suppliers, skuSupplier } = kept.leadTimes ?? {};
  const next: AccountOverrides = {};
  const leadTimes: NonNullable<AccountOverrides['leadTimes']> = { ...(suppliers ? { suppliers } : {}), ...(skuSupplier ? { skuSupplier } : {}) };
  const problems: FieldProblem[] = [];
  for (const f of NUMBER_FIELDS) {
    const text = form[f].trim();
    if (text === '') continue;
    const { schema } = numberField(f);
    const value = Number(text);
    if (!Number.isFinite(value) || !schema.safeParse(value).success) {
      problems.push({ field: f, kind: 'number', min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER, whole: schema.isInt });
    } else if (f === 'productionDays') leadTimes.defaultProductionDays = value;
    else if (f.startsWith('transit.')) leadTimes.transitDaysByDestination = { ...leadTimes.transitDaysByDestination, [f.slice('transit.'.length)]: value };
    else next[f as 'targetCoverDays'] = value;
  }
  const buffers = parseBuffers(form.safetyBuffers);
  problems.push(...buffers.problems);
  if (problems.length > 0) return { ok: false, problems };
  if (Object.keys(leadTimes).length > 0) next.leadTimes = leadTimes;
  if (buffers.buffers) next.safetyBuffers = buffers.buffers;
  return { ok: true, overrides: accountOverridesSchema.parse(next) };
}
