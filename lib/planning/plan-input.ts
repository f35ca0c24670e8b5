/**
 * What the planner needs to plan one stock (a pool, or a listing that is its pool's only
 * channel): its demand series, its stock and where that comes from, and its channels. Kept
 * apart from plan-listing.ts so the decisions can read it without importing the planner.
 */
import type { Destination } from '../settings/schema';
import type { AllocationMember } from './allocation';
import type { DemandSeries } from './demand-series';
import type { AppearedWindow } from './inbound-arrival';
import type { AgeBucket } from './storage';
import type { ForecastContext } from '../forecast/index';
import type { OrderSpan } from './order-coverage';
import type { Calibration } from './reconstruct-grid';
import type { AbcClass, KnowledgeHint, StockSource } from './types';
import type { FbaFacts, ListingFbaFacts } from './fees-facts';

/** Inbound units expected on one day (a day number); `shipmentId`: the shipment holding them, absent for a date the seller typed. */
export interface DayArrival {
  day: number;
  units: number;
  shipmentId?: string;
}

/** The same arrival by ISO date, as lib/inbound/arrivals.ts arrivalsByListing hands it to the planner. */
export interface DatedArrival {
  date: string;
  units: number;
  shipmentId?: string;
}

export interface PlanInput {
  key: string;
  scope: 'listing' | 'pool';
  sku: string;
  platform: string | null;
  marketplace: string | null;
  listingKeys: string[];
  series: DemandSeries;
  /** Today in the marketplace's zone (day number); the series ends on this day. */
  asOfDay: number;
  productId: string;
  poolId: string;
  destination: Destination;
  /** Sellable units in the pool at `stockDay` (null = unknown: no cover, reorder or health is guessed). */
  available: number | null;
  stockSource: StockSource;
  /** What would make the stock known or exact. */
  stockHint: KnowledgeHint | null;
  /** Returned units awaiting inspection (possible supply, not stock). */
  heldReturns: number;
  /** Returned units released to stock after `stockDay`: added to it. */
  releasedReturns: number;
  inbound: number;
  /**
   * Days the inbound units may have appeared on (see inboundAppeared); they arrive the
   * destination's transit days later. null/absent = nothing inbound or not known when.
   */
  inboundAppeared?: AppearedWindow | null;
  /**
   * The inbound units whose day is known (the seller entered it, or a shipment the units are tied
   * to shows it: PlanExtras.inboundArrivals), soonest first, together no more than `inbound`:
   * each wins over dating its units from `inboundAppeared`; the rest are dated from it. Absent/empty = none known.
   */
  inboundArrivals?: readonly DayArrival[];
  /**
   * Day `available` was read. When older than today, the demand since then (known days as
   * reconstructed, unknown days at the forecast rate) is taken off: a reading from three weeks
   * ago overstates today's stock by three weeks of sales. null = read today or unknown.
   */
  stockDay?: number | null;
  /** Units reserved on hand (can still serve pending orders). */
  reserved: number;
  unfulfillable: number;
  /** Pending/unshipped order units (latest status). */
  pendingUnits: number;
  priceMinor: number | null;
  currency: string | null;
  ageBuckets: readonly AgeBucket[];
  /** Day the listing started, when known. */
  startDay: number | null;
  ended: boolean;
  /**
   * For stock whose channels each list a quantity (an own warehouse, or a counted pool): the
   * quantity listed in total and the channels to split the pool across. null = the channels
   * show the pool's own count (FBA, WFS), so there is nothing to split.
   */
  pool: {
    listed: number;
    /** Compare what is listed with the pool (only when the pool's units are known, not estimated from the listings). */
    checkListed: boolean;
    members: AllocationMember[];
  } | null;
  /** FBA pools: the history the fee-aware decisions read (lib/planning/fees-facts.ts); absent elsewhere. */
  fba?: FbaFacts;
}

export interface PlanExtras {
  /** Manual stock events (receipts, removals, corrections) by listing. */
  calibrations?: readonly Calibration[];
  /** listing key -> product id (default: the SKU). */
  productOf?: Readonly<Record<string, string>>;
  /** listing key -> pool id (default: by fulfilment channel, see defaultPoolId). */
  poolOf?: Readonly<Record<string, string>>;
  /**
   * `${productId}@${poolId}` -> the seller's latest count of that stock and its day (marketplace
   * zone). It is moved forward by the sales and released returns since; a later FBA/WFS page
   * reading of the pool's own count replaces it.
   */
  poolCounts?: Readonly<Record<string, { onHand: number; date: string; at?: string }>>;
  /** Returned units by listing: held for inspection (possible supply) or released to stock on `date` (at the instant `at`, when known). */
  returns?: readonly { listingKey: string; units: number; status: 'held' | 'released'; date: string; at?: string }[];
  /** Rank ABC classes by revenue (default, units when a price is missing) or by units. */
  abcBy?: 'revenue' | 'units';
  /**
   * ABC classes fitted on the whole catalogue, by stock key (`${productId}@${poolId}`): a re-plan
   * of a few products keeps the catalogue's classes instead of ranking the few among themselves.
   */
  abcOf?: Readonly<Record<string, AbcClass>>;
  /**
   * Demand already reconstructed (e.g. the store's cached dailyDemand rows via
   * seriesFromDemandDays), by listing key: skips reconstruction for those listings.
   */
  demandOf?: Readonly<Record<string, DemandSeries>>;
  /**
   * Listings' facts already worked out, by listing key (the re-plan's demand cache keeps them
   * with each series: lib/background/demand-cache.ts): planned as given, without observations.
   */
  knownFacts?: Readonly<Record<string, ListingFacts>>;
  /**
   * Days order-history imports covered, per marketplace (lib/store's order-import spans): every
   * listing of the marketplace sold zero on them apart from its own orders (reconstruct.ts
   * listingOrderCoverage). Absent = each listing's own orders views only.
   */
  orderImportSpans?: readonly OrderSpan[];
  /**
   * Expected arrivals of inbound units by listing key (lib/inbound/arrivals.ts arrivalsByListing):
   * each shipment's (or the seller's) day and the units still to arrive on it. Together they date
   * no more units than the listing's inbound (units received since come off the soonest first:
   * the stock on hand already counts them); inbound beyond them is dated from when it appeared.
   */
  inboundArrivals?: Readonly<Record<string, readonly DatedArrival[]>>;
  /** Forecasting context (fitted on the whole catalogue); default: fitted across the series being planned. */
  forecastContext?: ForecastContext;
}

/** What the newest readings of one listing say (each field from the newest reading that showed it). */
export interface ListingFacts {
  key: string;
  /** Day of the newest reading that showed `available` (null = never shown). */
  stockDay: number | null;
  platform: string;
  marketplace: string;
  sku: string;
  asOfDay: number;
  fulfillment: string | undefined;
  available: number | null;
  inbound: number;
  /** Days the newest inbound units may have appeared on (see inboundAppeared); null = none inbound. */
  inboundAppeared: AppearedWindow | null;
  /** The inbound units whose day is known (entered, or a shipment's), soonest first, together at most `inbound`. */
  inboundArrivals: DayArrival[];
  reserved: number;
  unfulfillable: number;
  priceMinor: number | null;
  currency: string | null;
  ageBuckets: AgeBucket[];
  startDay: number | null;
  ended: boolean;
  pendingUnits: number;
  series: DemandSeries;
  /** What its observations say toward its pool's FBA facts (fees-facts.ts poolFbaFacts). */
  fba: ListingFbaFacts;
}

/**
 * The part of a listing's facts its observations alone decide, whatever the day: a re-plan
 * keeps it with the listing's cached demand (lib/background/demand-cache.ts) under the same
 * fingerprint of its inputs, and completes it (completeFacts) without reading its history.
 */
export type ReadingFacts = Omit<ListingFacts, 'asOfDay' | 'inboundArrivals' | 'series'>;
