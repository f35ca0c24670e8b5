/**
 * The ABC policies and launch defaults the purchase plan applies (lib/purchasing/abc-policy.ts,
 * launch-split.ts): A's lot in days of sales, C's share of all reorders' cost, the launch share
 * ordered now and the check-in days after it arrives; the days a transfer between pools takes
 * to each kind of pool (transfers.ts). B uses the EOQ settings.
 */
import { useState } from 'react';
import type { PurchaseCosts } from '@/lib/messaging/protocol-purchasing';
import { useI18n } from '../language';
import { TextField } from './fields';

type Policy = PurchaseCosts['policy'];

/** Each field: its key, its label's string, and its bounds (the stored document's). */
const FIELDS = [
  { key: 'aLotDays', min: 1, max: 365 },
  { key: 'cCashSharePct', min: 0, max: 100 },
  { key: 'launchSharePct', min: 1, max: 100 },
  { key: 'launchCheckInDays', min: 1, max: 365 },
  { key: 'transferDaysToFba', min: 0, max: 365 },
  { key: 'transferDaysToWfs', min: 0, max: 365 },
  { key: 'transferDaysToOwn', min: 0, max: 365 },
] as const satisfies readonly { key: keyof Policy; min: number; max: number }[];

export function PurchasePolicyForm({ policy, busy, onSave }: { policy: Policy; busy: boolean; onSave: (policy: Policy) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(policy[f.key])])) as Record<keyof Policy, string>);
  const problem = (f: (typeof FIELDS)[number]) => {
    const n = Number(form[f.key]);
    return form[f.key].trim() !== '' && Number.isInteger(n) && n >= f.min && n <= f.max ? undefined : t('purchase.policy.bad', { min: f.min, max: f.max });
  };
  return (
    <form
      className="row-editor"
      data-testid="purchase-policy-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (FIELDS.every((f) => problem(f) === undefined)) onSave(Object.fromEntries(FIELDS.map((f) => [f.key, Number(form[f.key])])) as Policy);
      }}
    >
      <h4>{t('purchase.policy.heading')}</h4>
      <p className="meta">{t('purchase.policy.intro')}</p>
      {FIELDS.map((f) => (
        <TextField
          key={f.key}
          id={`purchase-policy-${f.key}`}
          label={t(`purchase.policy.${f.key}`)}
          value={form[f.key]}
          error={problem(f)}
          onChange={(v) => setForm({ ...form, [f.key]: v })}
        />
      ))}
      <button type="submit" disabled={busy}>
        {t('purchase.policy.save')}
      </button>
    </form>
  );
}
