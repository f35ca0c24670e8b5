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

type Field = [name: string, value: number | undefined];

/** Every unit count a record carries, by field name. */
function unitFields(o: Observation): Field[] {
  if (o.kind === 'order') return [['quantity', o.quantity]];
  return [
    ['available', o.available],
    ['inbound', o.inbound],
    ['reserved', o.reserved],
    ['reservedCustomerOrders', o.reservedCustomerOrders],
    ['unfulfillable', o.unfulfillable],
    ['cumulativeSold', o.cumulativeSold],
    ['recommendedQuantity', o.recommendedQuantity],
    ...(o.unitsSold ?? []).map((w): Field => [`unitsSold.${w.windowDays}d`, w.units]),
    ...(o.ageBuckets ?? []).map((b): Field => [`ageBuckets.${b.minDays}d`, b.units]),
  ];
}

/** Every calendar date a record carries besides the day it was read. */
function dateFields(o: Observation): [name: string, value: string | undefined][] {
  return o.kind === 'order'
    ? [['orderDate', o.orderDate]]
    : [
        ['startDate', o.startDate],
        ['recommendedShipDate', o.recommendedShipDate],
      ];
}

/**
 * Why a record cannot be true, or null when it can. `today` bounds the day it says it was read
 * (a clock or a file from the future); its other dates must lie between 1995 and a year after
 * that day.
 * @example implausibility({ ...listing, available: 60_000_000_000 }, '2026-12-02') // 'available: 60000000000 units is more than 10000000'
 * @example implausibility({ ...order, orderDate: '1987-03-01' }, '2026-12-02') // 'orderDate: 1987-03-01 is before 1995-01-01'
 */
export function implausibility(o: Observation, today: string): string | null {
  for (const [name, units] of unitFields(o)) {
    if (units !== undefined && units > MAX_PLAUSIBLE_UNITS) return `${name}: ${units} units is more than ${MAX_PLAUSIBLE_UNITS}`;
  }
  const observed = dayNumber(o.observedDate);
  if (o.observedDate < EARLIEST_PLAUSIBLE_DATE) return `observedDate: ${o.observedDate} is before ${EARLIEST_PLAUSIBLE_DATE}`;
  if (observed > dayNumber(today) + 1) return `observedDate: ${o.observedDate} is after today (${today})`;
  for (const [name, date] of dateFields(o)) {
    if (date === undefined) continue;
    if (date < EARLIEST_PLAUSIBLE_DATE) return `${name}: ${date} is before ${EARLIEST_PLAUSIBLE_DATE}`;
    if (dayNumber(date) > observed + MAX_DAYS_AHEAD) return `${name}: ${date} is more than a year after the reading (${o.observedDate})`;
  }
  return null;
}
