/**
 * A listing's plan when its stock is shared: the pool's answer (stock, cover, stockout, the one
 * reorder for the physical product, health, clearance) plus what is specific to its channel:
 * its own sales forecast and sales alerts, and how much to list there.
 */
import type { ForecastResult } from '../forecast/index';
import type { Settings } from '../settings/schema';
import { offForecastAlert, spikeAlert } from './alerts';
import { isoDate } from './days';
import type { DemandSeries } from './demand-series';
import { forecastSummaryOf } from './plan-listing';
import type { Alert, ChannelLine, SkuPlan } from './types';

interface ChannelMember {
  key: string;
  sku: string;
  platform: string;
  marketplace: string;
  /** Today in this listing's marketplace zone. */
  asOfDay: number;
  series: DemandSeries;
  /** Quantity this channel lists now (null = not shown). */
  listed: number | null;
  forecast: ForecastResult;
  knownDays: number;
  censoredDays: number;
}

/**
 * The channel line of a listing in a pool that is split across channels: its suggested
 * quantity (the pool's allocation) against what it lists now.
 * @example channelLineOf(poolPlan, 'ebay|ebay.com|A', 12, 3) // { listed: 12, suggested: 38, buffer: 3 }
 */
export function channelLineOf(pool: SkuPlan, key: string, listed: number | null, buffer: number): ChannelLine | null {
  const suggested = pool.oversell.allocation[key];
  if (suggested === undefined) return null;
  return { listed, suggested, buffer };
}

/**
 * Alerts about the channel line: nothing listed while the pool has units for this channel, or
 * a listed quantity off its share (more than the share is also counted in the pool's oversell).
 * @example channelAlerts({ listed: 0, suggested: 38, buffer: 0 }, 226) // [{ code: 'list-here', ... }]
 */
export function channelAlerts(line: ChannelLine | null, poolAvailable: number | null): Alert[] {
  if (!line || line.listed === null) return [];
  if (line.listed === 0 && line.suggested > 0) return [{ code: 'list-here', severity: 'warning', params: { pool: poolAvailable, suggested: line.suggested } }];
  if (line.listed !== line.suggested) return [{ code: 'list-adjust', severity: 'info', params: { listed: line.listed, suggested: line.suggested } }];
  return [];
}

/**
 * The plan a member listing shows: the pool plan's answer under the listing's identity, its
 * own forecast and sales alerts, and its channel line.
 * @example memberPlan(poolPlan, member, settings).reorderDate === poolPlan.reorderDate // true
 */
export function memberPlan(pool: SkuPlan, member: ChannelMember, buffer: number, settings: Settings): SkuPlan {
  const channel = channelLineOf(pool, member.key, member.listed, buffer);
  const week = member.forecast.mean.slice(0, 7);
  const expected = week.length ? week.reduce((a, b) => a + b, 0) / week.length : 0;
  const own: Alert[] = [];
  const off = offForecastAlert(member.series.units, expected, settings.alerts);
  if (off && !(off.params.direction === 'below' && (pool.available ?? 1) <= 0)) own.push(off);
  const spike = spikeAlert(member.series.units, expected, settings.alerts, member.series.startDay);
  if (spike) own.push(spike);
  // The pool's sales alerts are about the pooled series; this channel's own replace them.
  const pooled = pool.alerts.filter((a) => a.code !== 'sales-off-forecast' && a.code !== 'sales-spike');
  return {
    ...pool,
    key: member.key,
    scope: 'listing',
    sku: member.sku,
    platform: member.platform,
    marketplace: member.marketplace,
    listingKeys: [member.key],
    poolKey: pool.key,
    asOf: isoDate(member.asOfDay),
    forecast: forecastSummaryOf(member.forecast, member),
    alerts: [...pooled, ...own, ...channelAlerts(channel, pool.available)],
    channel,
  };
}
