import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNumber } from '@/lib/i18n';
import type { Warehouse } from '@/lib/messaging/protocol-options';
import { useI18n } from '../language';
import { rpc } from '../runtime';
import { FieldError, TextField } from './fields';
import { errorText } from './format';

type Translate = ReturnType<typeof useI18n>['t'];

/** Longest name the store keeps (lib/store/adjustments.ts WAREHOUSE_NAME_MAX). */
const NAME_MAX = 200;
/** The store's name for `own:main` until the seller renames it (lib/store/tables/stockPools.ts poolRowFor). */
const DEFAULT_NAME = 'Own warehouse';

/** The seller's own warehouses, `own:main` first, with their listing counts. */
function useWarehouses() {
  return useQuery({ queryKey: ['warehouses'], queryFn: () => rpc('warehouses/list', {}) });
}

/** A warehouse's name as shown: `own:main`'s stored default in the UI language, else the seller's name. */
function warehouseLabel(w: Warehouse, t: Translate): string {
  return w.isDefault && w.name === DEFAULT_NAME ? t('options.destination.SELLER') : w.name;
}

/** What is wrong with a typed name (empty, too long, another warehouse's), in the UI language. */
function nameProblem(name: string, warehouses: readonly Warehouse[], t: Translate, exceptId?: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return t('options.warehouses.nameRequired');
  if (trimmed.length > NAME_MAX) return t('options.warehouses.nameTooLong', { max: NAME_MAX, length: trimmed.length });
  const taken = warehouses.find((w) => w.id !== exceptId && w.name.trim().toLowerCase() === trimmed.toLowerCase());
  return taken ? t('options.warehouses.nameTaken', { name: warehouseLabel(taken, t) }) : undefined;
}

/** Refreshes every query after a change (listing counts, product pools, plans). */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries();
}

export function WarehousesSection() {
  const { t } = useI18n();
  const list = useWarehouses();
  const warehouses = list.data?.warehouses ?? [];
  return (
    <div>
      <p className="meta">{t('options.warehouses.intro')}</p>
      {list.isPending && <p role="status">{t('options.loading')}</p>}
      {list.isError && <p role="alert">{errorText(t, list.error)}</p>}
      {list.data && (
        <table data-testid="warehouses">
          <thead>
            <tr>
              <th scope="col">{t('options.warehouses.name')}</th>
              <th scope="col" className="num">
                {t('options.warehouses.listings')}
              </th>
              <th scope="col">{t('options.warehouses.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {warehouses.map((w, i) => (
              <WarehouseRow key={w.id} index={i} warehouse={w} warehouses={warehouses} />
            ))}
          </tbody>
        </table>
      )}
      <CreateWarehouse warehouses={warehouses} />
    </div>
  );
}

function WarehouseRow({ index, warehouse, warehouses }: { index: number; warehouse: Warehouse; warehouses: Warehouse[] }) {
  const { t, language } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const label = warehouseLabel(warehouse, t);
  return (
    <tr data-testid="warehouse" data-warehouse-id={warehouse.id}>
      <th scope="row" data-testid="warehouse-name">
        {label}
        {warehouse.isDefault ? ` ${t('options.warehouses.default')}` : ''}
      </th>
      <td className="num" data-testid="warehouse-listings">
        {formatNumber(language, warehouse.listings)}
      </td>
      <td>
        {renaming ? (
          <RenameWarehouse index={index} warehouse={warehouse} warehouses={warehouses} onDone={() => setRenaming(false)} />
        ) : (
          <span className="inline">
            <button type="button" onClick={() => setRenaming(true)}>
              {t('options.warehouses.rename', { name: label })}
            </button>
            <DeleteWarehouse index={index} warehouse={warehouse} label={label} />
          </span>
        )}
      </td>
    </tr>
  );
}

/** A server refusal in the UI's words, for the field it concerns. */
function refusal(error: Error | null, t: Translate): string | undefined {
  return error ? errorText(t, error) : undefined;
}

function RenameWarehouse({ index, warehouse, warehouses, onDone }: { index: number; warehouse: Warehouse; warehouses: Warehouse[]; onDone: () => void }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [name, setName] = useState(warehouse.name);
  const rename = useMutation({
    mutationFn: (n: string) => rpc('warehouses/rename', { id: warehouse.id, name: n }),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const problem = nameProblem(name, warehouses, t, warehouse.id);
  const id = `warehouse-rename-${index}`;
  return (
    <form
      className="row-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) rename.mutate(name.trim());
      }}
    >
      <TextField
        id={id}
        label={t('options.warehouses.renameLabel', { name: warehouseLabel(warehouse, t) })}
        value={name}
        error={problem ?? refusal(rename.error, t)}
        onChange={(v) => {
          setName(v);
          rename.reset();
        }}
      />
      <button type="submit" disabled={rename.isPending || problem !== undefined}>
        {t('options.warehouses.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('options.warehouses.cancel')}
      </button>
    </form>
  );
}

/** Delete, only for a named warehouse no listing draws from; otherwise why not. */
function DeleteWarehouse({ index, warehouse, label }: { index: number; warehouse: Warehouse; label: string }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const remove = useMutation({ mutationFn: () => rpc('warehouses/delete', { id: warehouse.id }), onSuccess: refresh });
  if (warehouse.isDefault) return <span className="meta">{t('options.warehouses.defaultKept')}</span>;
  if (warehouse.listings > 0) return <span className="meta">{t('options.warehouses.inUse')}</span>;
  const id = `warehouse-delete-${index}`;
  return (
    <>
      <button
        id={id}
        type="button"
        className="danger"
        disabled={remove.isPending}
        onClick={() => remove.mutate()}
        aria-describedby={remove.isError ? `${id}-error` : undefined}
      >
        {t('options.warehouses.delete', { name: label })}
      </button>
      <FieldError id={id} error={refusal(remove.error, t)} />
    </>
  );
}

function CreateWarehouse({ warehouses }: { warehouses: Warehouse[] }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: (n: string) => rpc('warehouses/create', { name: n }),
    onSuccess: () => {
      setName('');
      setTried(false);
      refresh();
    },
  });
  const problem = nameProblem(name, warehouses, t);
  // An empty field is only an error once the seller tries to create with it.
  const shown = tried || name !== '' ? problem : undefined;
  return (
    <form
      className="row-editor"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!problem) create.mutate(name.trim());
      }}
    >
      <TextField
        id="warehouse-new-name"
        label={t('options.warehouses.newName')}
        value={name}
        error={shown ?? refusal(create.error, t)}
        onChange={(v) => {
          setName(v);
          create.reset();
        }}
      />
      <button type="submit" disabled={create.isPending}>
        {t('options.warehouses.create')}
      </button>
      {create.isSuccess && <span role="status">{t('options.warehouses.created', { name: create.data.name })}</span>}
    </form>
  );
}

/**
 * The product view's control moving a seller-fulfilled listing to another own warehouse, or
 * back to the automatic pool of its fulfilment channel; the planner then re-plans the product.
 */
export function WarehouseSelect({ listing, poolId }: { listing: { key: string; sku: string; marketplace: string }; poolId: string }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const warehouses = useWarehouses();
  const [target, setTarget] = useState(poolId);
  const move = useMutation({ mutationFn: (to: string) => rpc('listings/assign-pool', { listingKey: listing.key, poolId: to || null }), onSuccess: refresh });
  const id = `warehouse-of-${listing.key.replace(/[^\w-]/g, '_')}`;
  const names = { sku: listing.sku, marketplace: listing.marketplace };
  return (
    <span className="inline">
      <label htmlFor={id} className="visually-hidden">
        {t('options.products.warehouseOf', names)}
      </label>
      <select
        id={id}
        value={target}
        onChange={(e) => {
          setTarget(e.target.value);
          move.reset();
        }}
        aria-describedby={move.isError ? `${id}-error` : undefined}
      >
        <option value="">{t('options.products.automatic')}</option>
        {(warehouses.data?.warehouses ?? []).map((w) => (
          <option key={w.id} value={w.id}>
            {warehouseLabel(w, t)}
          </option>
        ))}
      </select>
      <button type="button" disabled={move.isPending || target === poolId} onClick={() => move.mutate(target)}>
        {t('options.products.move', names)}
      </button>
      <FieldError id={id} error={refusal(move.error, t)} />
    </span>
  );
}
