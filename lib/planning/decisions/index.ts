/**
 * The decisions of a plan, in the order they are taken: each may read what the ones before it
 * decided (clearance reads excess and the reorder, health reads them all). A new decision is
 * a file here, a place in this list, a catalogue row (../catalogue.ts) and two strings.
 */
import { alerts } from './alerts';
import { clearance } from './clearance';
import { cover } from './cover';
import { excess } from './excess';
import { fbaCapacity } from './fba-capacity';
import { fbaFees } from './fba-fees';
import { health } from './health';
import { inboundCover } from './inbound-cover';
import { oversell } from './oversell';
import { reorder } from './reorder';
import type { Decision } from './situation';
import { storage } from './storage';
import { wfsFees } from './wfs-fees';

export const DECISIONS: readonly Decision[] = [
  cover,
  inboundCover,
  excess,
  reorder,
  fbaFees,
  fbaCapacity,
  wfsFees,
  storage,
  clearance,
  oversell,
  alerts,
  health,
];

export { emptyDraft, type Decision, type Draft, type Situation } from './situation';
export { MAX_REORDER_AHEAD_DAYS } from './reorder';
export { salesHint } from './alerts';
