/**
 * What RecordCache (record-cache.ts) reads off DBCore requests: which reads it can answer or
 * learn from, which keys a write touches, and the copies it hands out.
 */
import type { DBCoreMutateRequest, DBCoreQueryRequest, DBCoreTable } from 'dexie';

/**
 * A copy of a record as IndexedDB would give it, sharing its strings (they cannot change) where
 * structuredClone copies their bytes: records here are plain data (objects, arrays, typed
 * arrays, primitives); anything else is cloned.
 * @example copyOf({ texts: ['a'], units: new Float64Array([1]) }).units // a new Float64Array [1]
 */
export function copyOf<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as unknown as { slice(): T }).slice();
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyOf((value as Record<string, unknown>)[key]);
  return out as T;
}

/** DBCoreRangeType values (a const enum, not importable as a value). */
const EQUAL = 1;
const ANY = 3;

/** Whether a query reads everything its range holds, in key order (no limit, forwards). */
function readsAllOfRange(req: DBCoreQueryRequest): boolean {
  return (req.limit === undefined || req.limit === Infinity) && (req.direction === undefined || req.direction === 'next');
}

/** Whether a query reads the whole table by its primary key, in key order. */
function readsWholeTable(req: DBCoreQueryRequest): boolean {
  return req.query.index.isPrimaryKey === true && (req.query.range.type as number) === ANY && readsAllOfRange(req);
}

/** Whether a query reads every primary key of the table, in key order, and only the keys. */
export function readsAllKeys(req: DBCoreQueryRequest): boolean {
  return !req.values && readsWholeTable(req);
}

/** Whether a query reads every record of the table, in key order. */
export function readsAllValues(req: DBCoreQueryRequest): boolean {
  return req.values === true && readsWholeTable(req);
}

/** Whether a query reads the records (not only keys) with one value of `index`, all of them, in key order. */
export function readsIndexValue(req: DBCoreQueryRequest, index: string): boolean {
  const { index: queried, range } = req.query;
  return (
    req.values === true &&
    !queried.isPrimaryKey &&
    !queried.multiEntry &&
    !queried.compound &&
    queried.name === index &&
    (range.type as number) === EQUAL &&
    readsAllOfRange(req)
  );
}

/**
 * The primary keys a write touches, with the value written (undefined: deleted); undefined when
 * they cannot be told from the request (a range delete, a modify by query).
 */
export function writtenKeys(table: DBCoreTable, req: DBCoreMutateRequest): [unknown, unknown][] | undefined {
  if (req.type === 'deleteRange') return undefined;
  if (req.type === 'delete') return req.criteria ? undefined : req.keys.map((k) => [k, undefined]);
  if (req.type === 'put' && (req.criteria || req.updates || req.changeSpec)) return undefined;
  const extract = table.schema.primaryKey.extractKey;
  return req.values.map((value, i) => [req.keys?.[i] ?? extract?.(value), value]);
}
