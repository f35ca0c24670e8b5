/**
 * The planner's less common thresholds, each editable with its default shown: alerts, product
 * lifecycle, clearance, the economic order quantity. Grouped under "More planning thresholds"
 * after the common settings. A field is declared once (its path in Settings and its label);
 * its input id is the path, so the form's validation messages land on it.
 */
import type { MessageKey } from '@/lib/i18n';
import { formatNumber } from '@/lib/i18n';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { useState } from 'react';
import { useI18n } from '../language';
import { NumberField, TextField } from './fields';
import { markdownLadderText, parseMarkdownLadder } from './markdown-ladder';
import type { FieldErrors } from './settings-form';
import { currencySymbol, majorOf, minorOf, type DisplayUnits } from './settings-units';

const DEFAULTS = defaultSettings();

/** A numeric setting: where it is in Settings and what it is called. */
interface NumberSpec {
  path: readonly string[];
  label: MessageKey;
  /** Money in minor units (shown in the marketplace's currency). */
  money?: boolean;
}

/** Groups of thresholds, most often changed first. */
const GROUPS: readonly { legend: MessageKey; fields: readonly NumberSpec[] }[] = [
  {
    legend: 'options.settings.alertThresholds',
    fields: [
      { path: ['alerts', 'stockoutWithinDays'], label: 'options.settings.alerts.stockoutWithinDays' },
      { path: ['alerts', 'healthStockoutDays'], label: 'options.settings.alerts.healthStockoutDays' },
      { path: ['alerts', 'overstockDays'], label: 'options.settings.alerts.overstockDays' },
      { path: ['alerts', 'noSaleDays'], label: 'options.settings.alerts.noSaleDays' },
      { path: ['alerts', 'offForecastPct'], label: 'options.settings.alerts.offForecastPct' },
      { path: ['alerts', 'offForecastDays'], label: 'options.settings.alerts.offForecastDays' },
      { path: ['alerts', 'spikePct'], label: 'options.settings.alerts.spikePct' },
    ],
  },
  {
    legend: 'options.settings.lifecycle',
    fields: [
      { path: ['lifecycle', 'launchDays'], label: 'options.settings.lifecycle.launchDays' },
      { path: ['lifecycle', 'launchMaxCoverDays'], label: 'options.settings.lifecycle.launchMaxCoverDays' },
      { path: ['lifecycle', 'growthRatio'], label: 'options.settings.lifecycle.growthRatio' },
      { path: ['lifecycle', 'declineRatio'], label: 'options.settings.lifecycle.declineRatio' },
      { path: ['lifecycle', 'growthSafetyFactor'], label: 'options.settings.lifecycle.growthSafetyFactor' },
      { path: ['lifecycle', 'exitNoSaleDays'], label: 'options.settings.lifecycle.exitNoSaleDays' },
    ],
  },
  {
    legend: 'options.settings.clearance',
    fields: [
      { path: ['clearance', 'elasticity'], label: 'options.settings.clearance.elasticity' },
      { path: ['clearance', 'targetSellThroughDays'], label: 'options.settings.clearance.targetSellThroughDays' },
      { path: ['clearance', 'liquidationDays'], label: 'options.settings.clearance.liquidationDays' },
    ],
  },
  {
    legend: 'options.settings.eoq',
    fields: [
      { path: ['eoq', 'orderCostMinor'], label: 'options.settings.eoq.orderCost', money: true },
      { path: ['eoq', 'holdingRatePerYear'], label: 'options.settings.eoq.holdingRate' },
    ],
  },
];

/** The value at a path of a settings object (numbers only). */
function valueAt(settings: unknown, path: readonly string[]): number {
  const v = path.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], settings);
  return typeof v === 'number' ? v : Number.NaN;
}

/** A copy of the settings with the number at `path` replaced (arrays stay arrays). */
function withValueAt<T>(at: T, path: readonly string[], value: number): T {
  const [key, ...rest] = path;
  if (key === undefined) return value as T;
  if (Array.isArray(at)) return at.map((v, i) => (String(i) === key ? withValueAt(v, rest, value) : v)) as T;
  const record = at as Record<string, unknown>;
  return { ...record, [key]: withValueAt(record[key], rest, value) } as T;
}

/** Every threshold group as its own fieldset, each field with its default beside it. */
export function ThresholdFieldsets({
  base,
  errors,
  setBase,
  units,
}: {
  base: Settings;
  errors: FieldErrors;
  setBase: (patch: (s: Settings) => Settings) => void;
  units: DisplayUnits;
}) {
  const { t, language } = useI18n();
  const hintOf = (spec: NumberSpec) => {
    const d = valueAt(DEFAULTS, spec.path);
    if (Number.isNaN(d)) return undefined;
    const shown = spec.money ? formatNumber(language, majorOf(d, units.minorDigits), units.minorDigits) : formatNumber(language, d, 3);
    return t('options.settings.defaultIs', { value: shown });
  };
  return (
    <>
      {GROUPS.map((group) => (
        <fieldset key={group.legend}>
          <legend>{t(group.legend)}</legend>
          {group.legend === 'options.settings.eoq' && (
            <div className="field">
              <input
                id="eoq.enabled"
                type="checkbox"
                checked={base.eoq.enabled}
                onChange={(e) => setBase((s) => ({ ...s, eoq: { ...s.eoq, enabled: e.target.checked } }))}
              />{' '}
              <label htmlFor="eoq.enabled">{t('options.settings.eoq.enabled')}</label>
            </div>
          )}
          <div className="grid">
            {group.fields.map((spec) => {
              const id = spec.path.join('.');
              const label = spec.money ? `${t(spec.label)} (${currencySymbol(language, units.currency)})` : t(spec.label);
              const value = valueAt(base, spec.path);
              return (
                <NumberField
                  key={id}
                  id={id}
                  label={label}
                  value={spec.money ? majorOf(value, units.minorDigits) : value}
                  hint={hintOf(spec)}
                  error={errors[id]}
                  onChange={(v) => setBase((s) => withValueAt(s, spec.path, spec.money ? minorOf(v, units.minorDigits) : v))}
                />
              );
            })}
          </div>
          {group.legend === 'options.settings.clearance' && <MarkdownLadderField base={base} errors={errors} setBase={setBase} />}
        </fieldset>
      ))}
    </>
  );
}

/**
 * The markdown ladder as one list, so the seller chooses how many steps there are (the fields
 * used to follow the default's four). Keeps the typed text while it is on its way to a list.
 */
function MarkdownLadderField({ base, errors, setBase }: { base: Settings; errors: FieldErrors; setBase: (patch: (s: Settings) => Settings) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => markdownLadderText(base.clearance.ladderPct));
  return (
    <>
      <TextField
        id="clearance.ladderPct"
        label={t('options.settings.clearance.ladder')}
        value={text}
        error={errors['clearance.ladderPct']}
        onChange={(value) => {
          setText(value);
          setBase((s) => ({ ...s, clearance: { ...s.clearance, ladderPct: parseMarkdownLadder(value) } }));
        }}
      />
      <p className="field-hint">{t('options.settings.defaultIs', { value: markdownLadderText(DEFAULTS.clearance.ladderPct) })}</p>
    </>
  );
}
