/**
 * The options page's per-account settings form as text fields (empty = inherit the global
 * setting), turned into the overrides the background stores, field by field validated. Every
 * field the overrides model holds is here except suppliers and SKU suppliers (edited globally;
 * an account keeps whatever overrides of them it has). Each field's bounds come from the
 * settings schema itself, so the form's messages and the stored value never disagree. Fee
 * amounts are typed in major units of the fee schedule's currency (stored in minor units):
 * lib/accounts/fee-fields.ts.
 */
import { z } from 'zod';
import { publishedWfsPerCubicFoot } from '../fees/index';
import { formatMoney, formatNumber, t, type Language, type MessageKey } from '../i18n';
import { marketplaceById } from '../locale/markets';
import { PLATFORMS } from '../records';
import { DESTINATIONS, settingsSchema, type Destination, type SafetyBuffer, type Settings } from '../settings/schema';
import {
  BAND_FIELDS,
  bandLabel,
  bandProblemText,
  bandsText,
  FBA_MONEY,
  minorOfText,
  moneyText,
  PUBLISHED_LOW_INVENTORY_ROWS,
  rowOfBands,
  WFS_MONEY,
  wfsLabel,
  type BandField,
  type FeeMoney,
} from './fee-fields';
import { accountOverridesSchema, lowInventoryRowsFor, type AccountOverrides } from './settings';

/** The number fields the form edits, in the order shown. */
export const NUMBER_FIELDS = [
  'targetCoverDays',
  'serviceLevel',
  'defaultMoq',
  'defaultCasePack',
  'productionDays',
  ...DESTINATIONS.map((d) => `transit.${d}` as const),
  'storage.janSep',
  'storage.octDec',
  'wfs.storage',
  'wfs.longTerm',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
/** The low-inventory rate rows, one field each (lib/accounts/fee-fields.ts), shown after the number fields. */
export { BAND_FIELDS };
/** The fields written one entry a line, in the order shown. */
export const LINE_FIELDS = ['safetyBuffers', 'agedSurcharges', 'capacity'] as const;
type LineField = (typeof LINE_FIELDS)[number];
export type FormField = NumberField | LineField | BandField;
export type OverridesForm = Record<FormField, string>;

/** What a field reads and writes: the stored overrides, or the global settings for the inherited value. */
type Source = Pick<AccountOverrides, 'targetCoverDays' | 'serviceLevel' | 'defaultMoq' | 'defaultCasePack' | 'leadTimes' | 'storageFees' | 'fbaFees'>;

const leadShape = settingsSchema.shape.leadTimes.shape;
const storageShape = settingsSchema.shape.storageFees.shape;
const agedTierSchema = storageShape.agedSurcharges.element;
const capacitySchema = settingsSchema.shape.fbaFees.shape.capacityCubicFeetByMarketplace.unwrap();
const wfsShape = storageShape.wfsPerCubicFoot.unwrap().shape;

/** A number field's schema (its bounds and whether it is whole), where its value lives, and the money it is typed in, if any. */
function numberField(field: NumberField): { schema: z.ZodNumber; read: (s: Source) => number | undefined; money?: FeeMoney } {
  if (field === 'storage.janSep')
    return { schema: storageShape.monthlyPerCubicFootJanSep, read: (s) => s.storageFees?.monthlyPerCubicFootJanSep, money: FBA_MONEY };
  if (field === 'storage.octDec')
    return { schema: storageShape.monthlyPerCubicFootOctDec, read: (s) => s.storageFees?.monthlyPerCubicFootOctDec, money: FBA_MONEY };
  if (field === 'wfs.storage') return { schema: wfsShape.storage, read: (s) => s.storageFees?.wfsPerCubicFoot?.storage, money: WFS_MONEY };
  if (field === 'wfs.longTerm') return { schema: wfsShape.longTerm, read: (s) => s.storageFees?.wfsPerCubicFoot?.longTerm, money: WFS_MONEY };
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
  if (field === 'capacity') return t(language, 'accounts.capacity');
  if (field === 'storage.janSep') return t(language, 'accounts.storageJanSep', { currency: FBA_MONEY.currency });
  if (field === 'storage.octDec') return t(language, 'accounts.storageOctDec', { currency: FBA_MONEY.currency });
  if (field === 'agedSurcharges') return t(language, 'accounts.agedSurcharges', { currency: FBA_MONEY.currency });
  if (field === 'wfs.storage' || field === 'wfs.longTerm') return wfsLabel(language, field === 'wfs.storage' ? 'storage' : 'longTerm');
  if (field.startsWith('lowInventory.')) return bandLabel(language, field as BandField);
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

type AgedTier = z.infer<typeof agedTierSchema>;

/** @example agedText([{ minDays: 181, perCubicFootMonthly: 50 }]) // '181 = 0.50' */
function agedText(tiers: readonly AgedTier[] | undefined): string {
  return [...(tiers ?? [])]
    .sort((a, b) => a.minDays - b.minDays)
    .map((tier) => `${tier.minDays} = ${moneyText(tier.perCubicFootMonthly, FBA_MONEY)}`)
    .join('\n');
}

/** @example capacityText({ 'amazon.com': 1500 }) // 'amazon.com = 1500' */
function capacityText(limits: Partial<Record<string, number>> | undefined): string {
  return Object.entries(limits ?? {})
    .map(([marketplace, cubicFeet]) => `${marketplace} = ${cubicFeet}`)
    .join('\n');
}

/**
 * The form's text for stored overrides.
 * @example formOf({ targetCoverDays: 90 }).targetCoverDays // '90'
 */
export function formOf(overrides: AccountOverrides): OverridesForm {
  const out = {
    safetyBuffers: buffersText(overrides.safetyBuffers),
    agedSurcharges: agedText(overrides.storageFees?.agedSurcharges),
    capacity: capacityText(overrides.fbaFees?.capacityCubicFeetByMarketplace),
  } as OverridesForm;
  for (const f of NUMBER_FIELDS) {
    const { read, money } = numberField(f);
    const value = read(overrides);
    out[f] = value === undefined ? '' : money ? moneyText(value, money) : String(value);
  }
  for (const f of BAND_FIELDS) out[f] = bandsText(f, overrides.fbaFees?.lowInventoryPerUnit);
  return out;
}

/**
 * What each field inherits when left empty: the global setting, as the form writes it (the
 * published amounts where the global settings hold none: what the plans charge then).
 * @example inheritedOf(defaultSettings())['transit.FBA'] // '40'
 * @example inheritedOf(defaultSettings())['wfs.storage'] // '0.75'
 */
export function inheritedOf(global: Settings): OverridesForm {
  const wfsPerCubicFoot = global.storageFees.wfsPerCubicFoot ?? publishedWfsPerCubicFoot() ?? undefined;
  const lowInventoryPerUnit = lowInventoryRowsFor(PUBLISHED_LOW_INVENTORY_ROWS, global.fbaFees.lowInventoryPerUnit);
  return formOf({ ...global, storageFees: { ...global.storageFees, wfsPerCubicFoot }, fbaFees: { ...global.fbaFees, lowInventoryPerUnit } });
}

/** Why a field was refused: not a number in its bounds, or a line that does not read. */
export type FieldProblem =
  | { field: NumberField; kind: 'number'; min: number; max: number; whole: boolean; money?: FeeMoney }
  | { field: BandField; kind: 'bands' }
  | { field: LineField; kind: 'line'; line: number }
  | { field: 'safetyBuffers'; kind: 'buffer-channel'; line: number; channel: string }
  | { field: 'capacity'; kind: 'capacity-marketplace'; line: number; marketplace: string };

/** The message of a line that does not read, per field, with the bounds it takes from the schema. */
function lineText(language: Language, problem: Extract<FieldProblem, { kind: 'line' }>, field: string): string {
  const line = formatNumber(language, problem.line);
  if (problem.field === 'safetyBuffers') return t(language, 'accounts.invalidBufferLine', { field, line });
  if (problem.field === 'capacity')
    return t(language, 'accounts.invalidCapacityLine', { field, line, max: formatNumber(language, capacitySchema.valueType.maxValue!) });
  const days = agedTierSchema.shape.minDays;
  const bounds = { minDays: formatNumber(language, days.minValue!), maxDays: formatNumber(language, days.maxValue!) };
  return t(language, 'accounts.invalidAgedLine', { field, line, ...bounds });
}

/**
 * One problem in the seller's language, saying what the field takes.
 * @example problemText('en', { field: 'defaultMoq', kind: 'number', min: 1, max: 10000000, whole: true }) // 'Default MOQ: enter a whole number from 1 to 10,000,000'
 */
export function problemText(language: Language, problem: FieldProblem): string {
  const field = fieldLabel(language, problem.field);
  if (problem.kind === 'line') return lineText(language, problem, field);
  if (problem.kind === 'bands') return bandProblemText(language, field);
  if (problem.kind === 'buffer-channel')
    return t(language, 'accounts.invalidBufferChannel', { field, line: formatNumber(language, problem.line), channel: problem.channel });
  if (problem.kind === 'capacity-marketplace')
    return t(language, 'accounts.invalidCapacityMarketplace', { field, line: formatNumber(language, problem.line), marketplace: problem.marketplace });
  if (problem.money)
    return t(language, 'accounts.invalidAmount', { field, min: formatMoney(language, { amountMinor: problem.min, currency: problem.money.currency }) });
  const digits = problem.whole ? 0 : 3;
  const bounds = { field, min: formatNumber(language, problem.min, digits), max: formatNumber(language, problem.max, digits) };
  return t(language, problem.whole ? 'accounts.invalidWhole' : 'accounts.invalidNumber', bounds);
}

/** How the line fields' help reads: what one line says. */
export function lineHelp(language: Language, field: LineField): string {
  if (field === 'safetyBuffers') return t(language, 'accounts.buffersHelp');
  return t(language, field === 'capacity' ? 'accounts.capacityHelp' : 'accounts.agedHelp');
}

const BUFFER_LINE = /^([^=]+)=\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)$/;
const AGED_LINE = /^([0-9]+)\s*=\s*([0-9]+(?:\.[0-9]+)?)$/;
const CAPACITY_LINE = /^([^=\s]+)\s*=\s*([0-9]+(?:\.[0-9]+)?)$/;

/** A channel key the planner matches: a platform ("ebay") or platform|marketplace ("amazon|amazon.de"). */
function isChannel(key: string): boolean {
  const [platform, marketplace, extra] = key.split('|');
  if (extra !== undefined || !PLATFORMS.includes(platform as (typeof PLATFORMS)[number])) return false;
  return marketplace === undefined || marketplaceById(marketplace)?.platform === platform;
}

/** Each non-empty line of a text field, trimmed, with its line number. */
const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((raw, i) => ({ text: raw.trim(), line: i + 1 }))
    .filter((l) => l.text !== '');

/** The buffer lines as overrides (undefined when empty), with the lines that do not read. */
function parseBuffers(text: string): { buffers: Record<string, SafetyBuffer> | undefined; problems: FieldProblem[] } {
  const buffers: Record<string, SafetyBuffer> = {};
  const problems: FieldProblem[] = [];
  for (const { text: line, line: i } of linesOf(text)) {
    const match = BUFFER_LINE.exec(line);
    const buffer = match && { kind: match[3] ? ('percent' as const) : ('fixed' as const), value: Number(match[2]) };
    const valid = buffer && settingsSchema.shape.safetyBuffers.valueType.safeParse(buffer).success && (buffer.kind === 'fixed' || buffer.value <= 100);
    if (!match || !valid) problems.push({ field: 'safetyBuffers', kind: 'line', line: i });
    else if (!isChannel(match[1]!.trim())) problems.push({ field: 'safetyBuffers', kind: 'buffer-channel', line: i, channel: match[1]!.trim() });
    else buffers[match[1]!.trim()] = buffer;
  }
  return { buffers: Object.keys(buffers).length > 0 ? buffers : undefined, problems };
}

/** The aged tier lines (`181 = 0.50`), ascending (undefined when empty), with the lines that do not read. */
function parseAged(text: string): { tiers: AgedTier[] | undefined; problems: FieldProblem[] } {
  const tiers: AgedTier[] = [];
  const problems: FieldProblem[] = [];
  for (const { text: line, line: i } of linesOf(text)) {
    const match = AGED_LINE.exec(line);
    const tier = match && { minDays: Number(match[1]), perCubicFootMonthly: minorOfText(match[2]!, FBA_MONEY) };
    // The whole list against the schema: a tier in bounds, and not one more than the settings hold.
    const valid = tier && storageShape.agedSurcharges.safeParse([...tiers, tier]).success && !tiers.some((t) => t.minDays === tier.minDays);
    if (!tier || !valid) problems.push({ field: 'agedSurcharges', kind: 'line', line: i });
    else tiers.push(tier);
  }
  return { tiers: tiers.length > 0 ? tiers.sort((a, b) => a.minDays - b.minDays) : undefined, problems };
}

/** The capacity lines (`amazon.com = 1500`, cubic feet) of Amazon marketplaces (undefined when empty), with the lines that do not read. */
function parseCapacity(text: string): { limits: Record<string, number> | undefined; problems: FieldProblem[] } {
  const limits: Record<string, number> = {};
  const problems: FieldProblem[] = [];
  for (const { text: line, line: i } of linesOf(text)) {
    const match = CAPACITY_LINE.exec(line);
    const marketplace = match?.[1]!.toLowerCase();
    if (!match || !marketplace || !capacitySchema.valueType.safeParse(Number(match[2])).success) problems.push({ field: 'capacity', kind: 'line', line: i });
    else if (marketplaceById(marketplace)?.platform !== 'amazon')
      problems.push({ field: 'capacity', kind: 'capacity-marketplace', line: i, marketplace: match[1]! });
    else limits[marketplace] = Number(match[2]);
  }
  return { limits: Object.keys(limits).length > 0 ? limits : undefined, problems };
}

/** The low-inventory rows the filled row fields set (undefined when none is filled), with the fields that do not read. */
function parseBandFields(form: OverridesForm): { rows: NonNullable<AccountOverrides['fbaFees']>['lowInventoryPerUnit']; problems: FieldProblem[] } {
  const rows: NonNullable<ReturnType<typeof rowOfBands>>[] = [];
  const problems: FieldProblem[] = [];
  for (const f of BAND_FIELDS) {
    const text = (form[f] ?? '').trim();
    if (text === '') continue;
    const row = rowOfBands(f, text);
    if (row) rows.push(row);
    else problems.push({ field: f, kind: 'bands' });
  }
  return { rows: rows.length > 0 ? rows : undefined, problems };
}

/** The number fields' values: into their place in `next` (lead times and storage amounts part by part), or a problem. */
function readNumbers(form: OverridesForm, next: AccountOverrides, leadTimes: NonNullable<AccountOverrides['leadTimes']>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of NUMBER_FIELDS) {
    const text = form[f].trim();
    if (text === '') continue;
    const { schema, money } = numberField(f);
    const value = money ? minorOfText(text, money) : Number(text);
    if (!Number.isFinite(value) || !schema.safeParse(value).success) {
      const bounds = { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER, whole: schema.isInt };
      problems.push({ field: f, kind: 'number', ...bounds, ...(money ? { money } : {}) });
    } else if (f === 'productionDays') leadTimes.defaultProductionDays = value;
    else if (f.startsWith('transit.')) leadTimes.transitDaysByDestination = { ...leadTimes.transitDaysByDestination, [f.slice('transit.'.length)]: value };
    else if (f === 'storage.janSep') next.storageFees = { ...next.storageFees, monthlyPerCubicFootJanSep: value };
    else if (f === 'storage.octDec') next.storageFees = { ...next.storageFees, monthlyPerCubicFootOctDec: value };
    else if (f === 'wfs.storage' || f === 'wfs.longTerm') {
      const part = f === 'wfs.storage' ? 'storage' : 'longTerm';
      next.storageFees = { ...next.storageFees, wfsPerCubicFoot: { ...next.storageFees?.wfsPerCubicFoot, [part]: value } };
    } else next[f as 'targetCoverDays'] = value;
  }
  return problems;
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
  const problems = readNumbers(form, next, leadTimes);
  const buffers = parseBuffers(form.safetyBuffers);
  const aged = parseAged(form.agedSurcharges);
  const capacity = parseCapacity(form.capacity);
  const lowInventory = parseBandFields(form);
  problems.push(...buffers.problems, ...aged.problems, ...capacity.problems, ...lowInventory.problems);
  if (problems.length > 0) return { ok: false, problems };
  if (Object.keys(leadTimes).length > 0) next.leadTimes = leadTimes;
  if (buffers.buffers) next.safetyBuffers = buffers.buffers;
  if (aged.tiers) next.storageFees = { ...next.storageFees, agedSurcharges: aged.tiers };
  if (capacity.limits) next.fbaFees = { capacityCubicFeetByMarketplace: capacity.limits };
  if (lowInventory.rows) next.fbaFees = { ...next.fbaFees, lowInventoryPerUnit: lowInventory.rows };
  return { ok: true, overrides: accountOverridesSchema.parse(next) };
}
