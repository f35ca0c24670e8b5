/**
 * Records that pass their schema but cannot be true: a misread column, a typo in a report, a
 * date from the wrong century. Every boundary that takes records from outside (page readers,
 * report parsers, the CLIs) refuses them with a message saying which field and why, instead of
 * planning a reorder of 60 billion units. Kept apart from the schemas so that records already
 * stored are never re-judged (and never lost) when a bound changes.
 */
import { dayNumber } from './planning/days';
import type { Observation } from './records';

/** More units than any one listing holds, receives or sells in a window. */
export const MAX_PLAUSIBLE_UNITS = 10_000_000;
/** Amazon and eBay opened in 1995: no seller record is older. */
const EARLIEST_PLAUSIBLE_DATE = '1995-01-01';
/** A date (an order, a listing's start, a ship-by date) at most this far after the reading. */
const MAX_DAYS_AHEAD = 366;

/** A listing's unit counts, by field name (orders carry one: `quantity`). */
const LISTING_UNIT_FIELDS = ['available', 'inbound', 'reserved', 'reservedCustomerOrders', 'unfulfillable', 'cumulativeSold', 'recommendedQuantity'] as const;

/** A listing's calendar dates besides the day it was read (an order's is `orderDate`). */
const LISTING_DATE_FIELDS = ['startDate', 'recommendedShipDate'] as const;

/** Why a unit count cannot be true, or null. */
function unitsProblem(name: string, units: number | undefined): string | null {
  return units !== undefined && units > MAX_PLAUSIBLE_UNITS ? `${name}: ${units} units is more than ${MAX_PLAUSIBLE_UNITS}` : null;
}

/**
 * Why any unit count of a record cannot be true, or null. Plain loops over the field names, not
 * a list of [name, value] pairs: this runs for every row of every page read, and a page's first
 * read runs before the JIT has warmed up, where each small array costs (issue 18's cold read).
 */
function unitCountsProblem(o: Observation): string | null {
  if (o.kind === 'order') return unitsProblem('quantity', o.quantity);
  for (let i = 0; i < LISTING_UNIT_FIELDS.length; i++) {
    const name = LISTING_UNIT_FIELDS[i]!;
    const problem = unitsProblem(name, o[name]);
    if (problem) return problem;
  }
  for (const w of o.unitsSold ?? []) {
    const problem = unitsProblem(`unitsSold.${w.windowDays}d`, w.units);
    if (problem) return problem;
  }
  for (const b of o.ageBuckets ?? []) {
    const problem = unitsProblem(`ageBuckets.${b.minDays}d`, b.units);
    if (problem) return problem;
  }
  return null;
}

/** Why a date a record carries cannot be true (before 1995, or over a year after the reading), or null. */
function dateProblem(name: string, date: string | undefined, observed: number, observedDate: string): string | null {
  if (date === undefined) return null;
  if (date < EARLIEST_PLAUSIBLE_DATE) return `${name}: ${date} is before ${EARLIEST_PLAUSIBLE_DATE}`;
  if (dayNumber(date) > observed + MAX_DAYS_AHEAD) return `${name}: ${date} is more than a year after the reading (${observedDate})`;
  return null;
}

/**
 * Why a record cannot be true, or null when it can. `today` bounds the day it says it was read
 * (a clock or a file from the future); its other dates must lie between 1995 and a year after
 * that day.
 * @example implausibility({ ...listing, available: 60_000_000_000 }, '2026-12-02') // 'available: 60000000000 units is more than 10000000'
 * @example implausibility({ ...order, orderDate: '1987-03-01' }, '2026-12-02') // 'orderDate: 1987-03-01 is before 1995-01-01'
 */
export function implausibility(o: Observation, today: string): string | null {
  const units = unitCountsProblem(o);
  if (units) return units;
  const observed = dayNumber(o.observedDate);
  if (o.observedDate < EARLIEST_PLAUSIBLE_DATE) return `observedDate: ${o.observedDate} is before ${EARLIEST_PLAUSIBLE_DATE}`;
  if (observed > dayNumber(today) + 1) return `observedDate: ${o.observedDate} is after today (${today})`;
  if (o.kind === 'order') return dateProblem('orderDate', o.orderDate, observed, o.observedDate);
  for (let i = 0; i < LISTING_DATE_FIELDS.length; i++) {
    const name = LISTING_DATE_FIELDS[i]!;
    const problem = dateProblem(name, o[name], observed, o.observedDate);
    if (problem) return problem;
  }
  return null;
}
