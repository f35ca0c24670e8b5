/**
 * Costs the purchase plan prices lines with: the currency of costs kept without one, freight
 * per unit by air and by sea, and unit costs per SKU (and supplier) imported from a CSV; and
 * the ABC policies and launch defaults that shape its quantities.
 * Supplier MOQ, case pack and lead times stay in the settings section, where they are edited.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNumber } from '@/lib/i18n';
import type { PurchaseCosts as Costs } from '@/lib/messaging/protocol-purchasing';
import { majorAmount, minorUnits, parseCostCsv, unitCostEntrySchema, type CostCsvProblem, type UnitCostEntry } from '@/lib/purchasing';
import { useI18n } from '../language';
import { errorText } from './format';
import { rpc } from '../runtime';
import { TextField } from './fields';
import { moneyText } from './PurchaseParts';
import { PurchasePolicyForm } from './PurchasePolicy';

const CURRENCY = /^[A-Z]{3}$/;
const AMOUNT = /^\d{1,9}([.,]\d{1,4})?$/;

interface CostForm {
  currency: string;
  freightCurrency: string;
  air: string;
  sea: string;
}

function formOf(costs: Costs): CostForm {
  const { airPerUnit, seaPerUnit } = costs.freight;
  const freightCurrency = airPerUnit?.currency ?? seaPerUnit?.currency ?? costs.currency;
  const text = (m: typeof airPerUnit) => (m ? String(majorAmount(m.amountMinor, m.currency)) : '');
  return { currency: costs.currency, freightCurrency, air: text(airPerUnit), sea: text(seaPerUnit) };
}

type SaveRequest = Parameters<typeof rpc<'purchasing/costs-save'>>[1];

/** The costs part of the section: freight, the CSV import, unit costs typed or listed, the ABC policies. */
export function PurchaseCosts() {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const costs = useQuery({ queryKey: ['purchasing/costs'], queryFn: () => rpc('purchasing/costs', {}) });
  const save = useMutation({
    mutationFn: (request: SaveRequest) => rpc('purchasing/costs-save', request),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  if (!costs.data) return costs.isError ? <p role="alert">{errorText(t, costs.error)}</p> : null;
  const busy = save.isPending;
  return (
    <div data-testid="purchase-costs">
      <h3>{t('purchase.costs.heading')}</h3>
      <p className="meta">{t('purchase.costs.intro')}</p>
      <FreightForm costs={costs.data} busy={busy} onSave={(r) => save.mutate(r)} />
      <CostCsvImport onEntries={(unitCosts) => save.mutate({ unitCosts, merge: true })} />
      {save.isSuccess && <p role="status">{t('purchase.costs.saved')}</p>}
      {save.isError && <p role="alert">{errorText(t, save.error)}</p>}
      <p className="meta">{t('purchase.costs.count', { count: formatNumber(language, costs.data.unitCosts.length) })}</p>
      <AddUnitCost onAdd={(entry) => save.mutate({ unitCosts: [entry], merge: true })} busy={busy} />
      <UnitCostTable entries={costs.data.unitCosts} busy={busy} onKeep={(unitCosts) => save.mutate({ unitCosts, merge: false })} />
      <PurchasePolicyForm policy={costs.data.policy} busy={busy} onSave={(policy) => save.mutate({ policy, merge: false })} />
    </div>
  );
}

/** The currency of costs kept without one and freight per unit by mode (blank = not given). */
function FreightForm({ costs, busy, onSave }: { costs: Costs; busy: boolean; onSave: (request: SaveRequest) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<CostForm>(() => formOf(costs));
  const set = (patch: Partial<CostForm>) => setForm({ ...form, ...patch });
  const bad = {
    currency: CURRENCY.test(form.currency) ? undefined : t('purchase.csv.bad-currency'),
    freightCurrency: CURRENCY.test(form.freightCurrency) ? undefined : t('purchase.csv.bad-currency'),
    air: form.air === '' || AMOUNT.test(form.air) ? undefined : t('purchase.csv.bad-cost'),
    sea: form.sea === '' || AMOUNT.test(form.sea) ? undefined : t('purchase.csv.bad-cost'),
  };
  const money = (text: string) => (text === '' ? null : { amountMinor: minorUnits(text, form.freightCurrency), currency: form.freightCurrency });
  return (
    <form
      className="row-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (Object.values(bad).every((b) => b === undefined))
          onSave({ currency: form.currency, freight: { airPerUnit: money(form.air), seaPerUnit: money(form.sea) }, merge: false });
      }}
    >
      <TextField
        id="purchase-currency"
        label={t('purchase.costs.currency')}
        value={form.currency}
        error={bad.currency}
        onChange={(v) => set({ currency: v.toUpperCase() })}
      />
      <TextField
        id="purchase-freight-currency"
        label={t('purchase.costs.freightCurrency')}
        value={form.freightCurrency}
        error={bad.freightCurrency}
        onChange={(v) => set({ freightCurrency: v.toUpperCase() })}
      />
      <TextField id="purchase-freight-air" label={t('purchase.costs.freightAir')} value={form.air} error={bad.air} onChange={(v) => set({ air: v })} />
      <TextField id="purchase-freight-sea" label={t('purchase.costs.freightSea')} value={form.sea} error={bad.sea} onChange={(v) => set({ sea: v })} />
      <button type="submit" disabled={busy}>
        {t('purchase.costs.save')}
      </button>
    </form>
  );
}

/** Unit costs from a CSV file: good rows are merged in, bad ones listed by line in the UI language. */
function CostCsvImport({ onEntries }: { onEntries: (entries: UnitCostEntry[]) => void }) {
  const { t } = useI18n();
  const [problems, setProblems] = useState<CostCsvProblem[]>([]);
  const importFile = async (file: File) => {
    const parsed = parseCostCsv(await file.text());
    setProblems(parsed.problems);
    if (parsed.entries.length > 0) onEntries(parsed.entries);
  };
  return (
    <>
      <div className="field">
        <label htmlFor="purchase-cost-csv">{t('purchase.costs.import')}</label>
        <input id="purchase-cost-csv" type="file" accept=".csv,.txt,text/csv" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
      </div>
      {problems.length > 0 && (
        <ul role="alert" data-testid="cost-csv-problems">
          {problems.map((p, i) => (
            <li key={i}>
              {t('purchase.costs.problem', {
                line: p.line,
                problem: t(`purchase.csv.${p.code}`, p.column ? { column: t(`purchase.csv.column.${p.column}`) } : {}),
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The unit costs set (the first 200), each removable. */
function UnitCostTable({ entries, busy, onKeep }: { entries: readonly UnitCostEntry[]; busy: boolean; onKeep: (kept: UnitCostEntry[]) => void }) {
  const { t, language } = useI18n();
  if (entries.length === 0) return null;
  return (
    <table data-testid="unit-costs">
      <tbody>
        {entries.slice(0, 200).map((c) => (
          <tr key={`${c.sku}|${c.supplierId ?? ''}`}>
            <th scope="row">{c.sku}</th>
            <td>{c.supplierId ?? t('purchase.costs.supplierAny')}</td>
            <td className="num">{moneyText(language, { amountMinor: c.unitCostMinor, currency: c.currency })}</td>
            <td>
              <button type="button" className="danger" disabled={busy} onClick={() => onKeep(entries.filter((e) => e !== c))}>
                {t('purchase.costs.remove', { sku: c.sku })}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One unit cost typed by hand (SKU, supplier or any, amount, currency); it replaces the same SKU and supplier's. */
function AddUnitCost({ onAdd, busy }: { onAdd: (entry: UnitCostEntry) => void; busy: boolean }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ sku: '', supplier: '', amount: '', currency: 'USD' });
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const entry = unitCostEntrySchema.safeParse({
    sku: form.sku,
    supplierId: form.supplier.trim() || null,
    unitCostMinor: AMOUNT.test(form.amount) && CURRENCY.test(form.currency) ? minorUnits(form.amount, form.currency) : Number.NaN,
    currency: form.currency,
  });
  const shown = (problem: string | undefined) => (tried ? problem : undefined);
  return (
    <form
      className="row-editor"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (entry.success) {
          onAdd(entry.data);
          setForm({ ...form, sku: '', amount: '' });
          setTried(false);
        }
      }}
    >
      <TextField
        id="unit-cost-sku"
        label={t('purchase.csv.column.sku')}
        value={form.sku}
        error={shown(form.sku.trim() ? undefined : t('purchase.csv.bad-sku'))}
        onChange={(v) => set({ sku: v })}
      />
      <TextField id="unit-cost-supplier" label={t('purchase.csv.column.supplier')} value={form.supplier} onChange={(v) => set({ supplier: v })} />
      <TextField
        id="unit-cost-amount"
        label={t('purchase.csv.column.unitCost')}
        value={form.amount}
        error={shown(AMOUNT.test(form.amount) && Number(form.amount.replace(',', '.')) > 0 ? undefined : t('purchase.csv.bad-cost'))}
        onChange={(v) => set({ amount: v })}
      />
      <TextField
        id="unit-cost-currency"
        label={t('purchase.csv.column.currency')}
        value={form.currency}
        error={shown(CURRENCY.test(form.currency) ? undefined : t('purchase.csv.bad-currency'))}
        onChange={(v) => set({ currency: v.toUpperCase() })}
      />
      <button type="submit" disabled={busy}>
        {t('purchase.costs.add')}
      </button>
    </form>
  );
}
