/**
 * The catalogue of every reason and alert code the planner can give: for each, the risk it
 * belongs to, how severe it is, whether it may interrupt the seller with a notification, and
 * the parameters its message is filled with. Every view (panel, popup, export, notifications,
 * the store's risk filters) derives from this one table; the strings live in lib/i18n under
 * `reason.<code>` / `alert.<code>` in both languages (a conformance test checks that every
 * code has both, with exactly these parameters).
 *
 * Codes are stable: the store caches plans that carry them, so a code is never renamed, only
 * added. A new decision is one file in decisions/, one row here, and two strings.
 */

/** The risks the popup filters by and the store indexes. */
export const RISK_TYPES = ['stockout', 'overstock', 'oversell', 'no-sales'] as const;
export type RiskType = (typeof RISK_TYPES)[number];

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

interface CodeEntry {
  /** The risk this code is evidence of (null = information only). */
  risk: RiskType | null;
  /** Parameter names its message uses. */
  params: readonly string[];
}

interface AlertEntry extends CodeEntry {
  /** Severity when the alert is raised (a decision may raise a stronger one, see `severities`). */
  severity: AlertSeverity;
  /** Severities this alert can take. */
  severities?: readonly AlertSeverity[];
  /** A browser notification may be shown when a listing newly gets it (critical ones only interrupt). */
  notifies: boolean;
}

/** Reasons that cost health points (points per reason are the seller's health weights). */
export const REASON_CATALOGUE = {
  /** No unit sold for `days` in-stock days. */
  'no-sales-30d': { risk: 'no-sales', params: ['days'] },
  /** More stock than the lead time plus the target cover needs. */
  'overstock-90d': { risk: 'overstock', params: ['daysOfCover', 'limitDays'] },
  /** Runs out within `withinDays` days. */
  'stockout-soon': { risk: 'stockout', params: ['stockoutDate', 'daysOfCover', 'withinDays'] },
  /** Pending/unshipped orders exceed the units on hand. */
  'pending-above-stock': { risk: 'oversell', params: ['pending', 'available'] },
  /** The channels list more than the shared stock minus the safety buffers. */
  'oversold-pool': { risk: 'oversell', params: ['listed', 'pool'] },
  /** Units older than `minDays` days at the fulfilment centre. */
  'aged-inventory': { risk: 'overstock', params: ['units', 'minDays'] },
  /** No sellable unit left while it sells. */
  'out-of-stock': { risk: 'stockout', params: [] },
  /** The reorder was due `daysLate` days ago. */
  'reorder-overdue': { risk: 'stockout', params: ['reorderDate', 'daysLate'] },
  /** Units marked unfulfillable / damaged. */
  'unfulfillable-units': { risk: null, params: ['units'] },
} as const satisfies Record<string, CodeEntry>;

/** Alerts, in the order a panel lists them. */
export const ALERT_CATALOGUE = {
  /** Stock runs out within the alert window. */
  'stockout-within': { risk: 'stockout', severity: 'warning', severities: ['warning', 'critical'], notifies: true, params: ['stockoutDate', 'days'] },
  /** The stock on hand runs out `days` days before the `inbound` units on their way arrive. */
  'runs-out-before-inbound': {
    risk: 'stockout',
    severity: 'warning',
    notifies: false,
    params: ['stockoutDate', 'arrivalDate', 'inbound', 'days'],
  },
  /**
   * Runs out on `stockoutDate`, before an order placed today could arrive, while another pool of
   * the product (`fromPool`) holds more than it needs: move `units` from there (lib/purchasing/transfers.ts).
   */
  'transfer-from-pool': { risk: 'stockout', severity: 'warning', notifies: false, params: ['units', 'fromPool', 'stockoutDate'] },
  /** The reorder is due today or overdue (`daysLate` > 0). */
  'reorder-now': {
    risk: 'stockout',
    severity: 'warning',
    severities: ['warning', 'critical'],
    notifies: true,
    params: ['reorderDate', 'quantity', 'daysLate'],
  },
  /** Sales off the forecast by more than `pct`% for `days` days running. */
  'sales-off-forecast': { risk: null, severity: 'warning', notifies: false, params: ['pct', 'days', 'direction'] },
  /** One day's sales far above the forecast. */
  'sales-spike': { risk: null, severity: 'info', notifies: false, params: ['date', 'units', 'expected'] },
  /** No sale for `days` in-stock days. */
  'no-sale': { risk: 'no-sales', severity: 'warning', notifies: false, params: ['days'] },
  /** Pending orders exceed the stock on hand. */
  'oversell-pending': { risk: 'oversell', severity: 'critical', notifies: true, params: ['pending', 'available'] },
  /** The channels list more than the shared stock minus buffers. */
  'oversell-pool': { risk: 'oversell', severity: 'critical', notifies: true, params: ['listed', 'pool'] },
  /** Aged-inventory surcharge at the next snapshot. */
  'aged-surcharge-coming': { risk: 'overstock', severity: 'info', notifies: false, params: ['amountMinor', 'currency'] },
  /** FBA: send `units` by `sendBy` or historical days of supply falls under the low-inventory floor (`amount` whole currency units at risk over 90 days). */
  'fba-floor-send': { risk: 'stockout', severity: 'warning', notifies: false, params: ['units', 'date', 'amountMinor', 'currency'] },
  /** The same, when the fee cannot be priced (no size tier set for the SKU). */
  'fba-floor-send-fee-unknown': { risk: 'stockout', severity: 'warning', notifies: false, params: ['units', 'date'] },
  /** FBA: `units` will be charged the aged-inventory surcharge at the `snapshotDate` snapshot unless marked down or removed. */
  'fba-aged-mark-down': { risk: 'overstock', severity: 'warning', notifies: false, params: ['units', 'date', 'amountMinor', 'currency'] },
  /** The same, when the surcharge cannot be priced (no unit volume set for the SKU). */
  'fba-aged-mark-down-fee-unknown': { risk: 'overstock', severity: 'warning', notifies: false, params: ['units', 'date'] },
  /** FBA: the reorder would arrive in the peak storage months; sending on `laterDate` costs `amount` less. */
  'fba-q4-send-later': { risk: null, severity: 'info', notifies: false, params: ['amountMinor', 'currency', 'date'] },
  /** Amazon's days-of-supply figure differs from the historical days of supply the fee uses, computed from the history. */
  'fba-supply-differs': { risk: null, severity: 'info', notifies: false, params: ['shown', 'computed'] },
  /**
   * FBA: the planned shipment does not fit the seller's capacity limit (`limit` cubic feet, on hand
   * plus open shipments) on `date`: send `units`, hold `held` in the own warehouse or AWD.
   */
  'fba-capacity-hold': { risk: 'stockout', severity: 'warning', notifies: false, params: ['units', 'held', 'limit', 'date'] },
  /**
   * The same, for a seller who uses AWD in the marketplace: the own warehouse charges no marketplace
   * fee, AWD `amount` (storage over `days` until FBA has room, `boxes` boxes of `perBox` in and out,
   * transport),
   * and AWD to FBA takes `legDays` days (lib/planning/awd-hold.ts).
   */
  'fba-capacity-hold-awd': {
    risk: 'stockout',
    severity: 'warning',
    notifies: false,
    params: ['units', 'held', 'limit', 'date', 'amountMinor', 'currency', 'days', 'boxes', 'perBox', 'legDays'],
  },
  /** The same, when AWD cannot be priced: no unit volume set for the SKU. */
  'fba-capacity-hold-awd-volume-unknown': { risk: 'stockout', severity: 'warning', notifies: false, params: ['units', 'held', 'limit', 'date', 'legDays'] },
  /** The same, when AWD cannot be priced: no AWD fees known for the marketplace. */
  'fba-capacity-hold-awd-fee-unknown': { risk: 'stockout', severity: 'warning', notifies: false, params: ['units', 'held', 'limit', 'date', 'legDays'] },
  /** WFS: send `units` by `date` to keep Walmart's in-stock figure at `days` (28) days of supply or more. */
  'wfs-in-stock-send': { risk: 'stockout', severity: 'warning', notifies: false, params: ['units', 'date', 'days'] },
  /** WFS: `units` will pay long-term storage (over 365 days) at the `date` count unless marked down or removed. */
  'wfs-long-term-mark-down': { risk: 'overstock', severity: 'warning', notifies: false, params: ['units', 'date', 'amountMinor', 'currency'] },
  /** The same, when the amount cannot be priced (no unit volume set for the SKU). */
  'wfs-long-term-mark-down-fee-unknown': { risk: 'overstock', severity: 'warning', notifies: false, params: ['units', 'date'] },
  /** Holding the excess costs more than half its margin: liquidate. */
  'clearance-exit': { risk: 'overstock', severity: 'warning', notifies: false, params: ['holdingMinor', 'marginMinor', 'currency'] },
  /** This channel lists nothing while the shared stock has units for it. */
  'list-here': { risk: null, severity: 'warning', notifies: false, params: ['pool', 'suggested'] },
  /** This channel lists a different quantity from its share of the shared stock. */
  'list-adjust': { risk: null, severity: 'info', notifies: false, params: ['listed', 'suggested'] },
  /** The stock on hand is not known: which page, report or count gives it. */
  'stock-unknown': { risk: null, severity: 'info', notifies: false, params: ['hint'] },
  /** The stock is estimated from what the channels list: a count makes it exact. */
  'stock-estimated': { risk: null, severity: 'info', notifies: false, params: ['hint'] },
  /** Nothing is known about sales yet: which page or import gives them. */
  'sales-unknown': { risk: null, severity: 'info', notifies: false, params: ['hint'] },
} as const satisfies Record<string, AlertEntry>;

export type HealthReasonCode = keyof typeof REASON_CATALOGUE;
export type AlertCode = keyof typeof ALERT_CATALOGUE;
export const HEALTH_REASON_CODES = Object.keys(REASON_CATALOGUE) as [HealthReasonCode, ...HealthReasonCode[]];
export const ALERT_CODES = Object.keys(ALERT_CATALOGUE) as [AlertCode, ...AlertCode[]];

/**
 * The risk a reason or alert code is evidence of.
 * @example riskOfCode('reorder-now') // 'stockout'
 * @example riskOfCode('sales-spike') // null
 */
export function riskOfCode(code: string): RiskType | null {
  const entry = (REASON_CATALOGUE as Record<string, CodeEntry>)[code] ?? (ALERT_CATALOGUE as Record<string, CodeEntry>)[code];
  return entry?.risk ?? null;
}

/**
 * Whether an alert may raise a browser notification (only when critical).
 * @example alertNotifies({ code: 'oversell-pool', severity: 'critical' }) // true
 */
export function alertNotifies(alert: { code: string; severity: string }): boolean {
  const entry = (ALERT_CATALOGUE as Record<string, AlertEntry>)[alert.code];
  return entry !== undefined && entry.notifies && alert.severity === 'critical';
}

/**
 * What would make an unknown figure known: a seller page to open (by page type), a report to
 * import, or a count to enter in the options page. Shown with every "unknown".
 */
export const KNOWLEDGE_HINTS = [
  'open:amazon/fba-inventory',
  'open:walmart/wfs-inventory',
  'open:amazon/manage-inventory',
  'open:walmart/manage-items',
  'open:ebay/active-listings',
  'count',
  'import:orders',
] as const;
export type KnowledgeHint = (typeof KNOWLEDGE_HINTS)[number];
