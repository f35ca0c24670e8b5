/**
 * Sea and air freight presets for the transit days per destination (the guided start's
 * lead-time step fills the fields from one; the seller edits them before saving).
 */
import { DEFAULT_AIR_TRANSIT_DAYS } from '../purchasing';
import { defaultSettings, type Destination } from '../settings/schema';

export const FREIGHT_MODES = ['sea', 'air'] as const;
type FreightMode = (typeof FREIGHT_MODES)[number];

/**
 * Transit days (incl. receiving / check-in) per destination for each freight mode: sea is the
 * settings' default, air the purchase plan's air transit (lib/purchasing) to every destination.
 * Rough planning figures, not a carrier's quote: the seller edits them.
 */
export const TRANSIT_PRESETS: Readonly<Record<FreightMode, Readonly<Record<Destination, number>>>> = {
  sea: defaultSettings().leadTimes.transitDaysByDestination,
  air: { FBA: DEFAULT_AIR_TRANSIT_DAYS, WFS: DEFAULT_AIR_TRANSIT_DAYS, SELLER: DEFAULT_AIR_TRANSIT_DAYS },
};

/**
 * The transit days with a preset applied to the given destinations (the others kept as they were).
 * @example withPreset({ FBA: 40, WFS: 40, SELLER: 30 }, 'air', ['FBA']) // { FBA: 10, WFS: 40, SELLER: 30 }
 */
export function withPreset(
  transit: Readonly<Record<Destination, number>>,
  mode: FreightMode,
  destinations: readonly Destination[],
): Record<Destination, number> {
  const out = { ...transit };
  for (const d of destinations) out[d] = TRANSIT_PRESETS[mode][d];
  return out;
}

/**
 * The preset the transit days equal on the given destinations, if any (the step marks it chosen).
 * @example presetOf({ FBA: 40, WFS: 40, SELLER: 30 }, ['FBA']) // 'sea'
 */
export function presetOf(transit: Readonly<Record<Destination, number>>, destinations: readonly Destination[]): FreightMode | undefined {
  if (destinations.length === 0) return undefined;
  return FREIGHT_MODES.find((mode) => destinations.every((d) => transit[d] === TRANSIT_PRESETS[mode][d]));
}
