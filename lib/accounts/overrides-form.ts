/**
 * The options page's per-account settings form as text fields (empty = use the global
 * setting), turned into the overrides the background stores, field by field validated.
 */
import { accountOverridesSchema, type AccountOverrides } from './settings';

/** The simple numeric fields the form edits (lead-time tables and buffers stay global in the form). */
export const FORM_FIELDS = ['targetCoverDays', 'serviceLevel', 'defaultMoq', 'defaultCasePack'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type OverridesForm = Record<FormField, string>;

/**
 * The form's text for stored overrides.
 * @example formOf({ targetCoverDays: 90 }).targetCoverDays // '90'
 */
export function formOf(overrides: AccountOverrides): OverridesForm {
  const out = {} as OverridesForm;
  for (const f of FORM_FIELDS) out[f] = overrides[f] === undefined ? '' : String(overrides[f]);
  return out;
}

/**
 * The overrides a filled form gives, keeping overrides the form does not show (lead times,
 * buffers), or the fields whose text is not a valid value.
 * @example overridesOf({ targetCoverDays: '90', serviceLevel: '', defaultMoq: '', defaultCasePack: '' }, {}) // { ok: true, overrides: { targetCoverDays: 90 } }
 * @example overridesOf({ targetCoverDays: '-1', serviceLevel: '', defaultMoq: '', defaultCasePack: '' }, {}) // { ok: false, invalid: ['targetCoverDays'] }
 */
export function overridesOf(form: OverridesForm, kept: AccountOverrides): { ok: true; overrides: AccountOverrides } | { ok: false; invalid: FormField[] } {
  const next: Record<string, unknown> = { ...kept };
  const invalid: FormField[] = [];
  for (const f of FORM_FIELDS) {
    const text = form[f].trim();
    if (text === '') {
      delete next[f];
      continue;
    }
    const value = Number(text);
    const one = accountOverridesSchema.safeParse({ [f]: value });
    if (!Number.isFinite(value) || !one.success) invalid.push(f);
    else next[f] = value;
  }
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, overrides: accountOverridesSchema.parse(next) };
}
