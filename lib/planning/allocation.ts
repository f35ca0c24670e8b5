/**
 * Splitting one physical stock pool across the channels that list it, so the quantities
 * listed never add up to more than exists.
 */
import type { SafetyBuffer } from '../settings/schema';

export interface AllocationMember {
  key: string;
  /** Seller-set weight (0 = list nothing there). */
  weight: number;
  /** Recent units per day on this channel. */
  velocity: number;
  buffer?: SafetyBuffer | undefined;
}

/**
 * Units a buffer holds back from a pool (percent buffers round up: a buffer protects).
 * @example bufferUnits(45, { kind: 'percent', value: 10 }) // 5
 */
export function bufferUnits(pool: number, buffer: SafetyBuffer | undefined): number {
  if (!buffer) return 0;
  return buffer.kind === 'percent' ? Math.ceil((pool * buffer.value) / 100 - 1e-9) : Math.ceil(buffer.value);
}

/**
 * Integer quantities per channel summing exactly to the pool minus every channel's buffer,
 * shared by seller weight × sales velocity (a channel that sells more gets more). A small
 * floor on velocity lets a new channel with no sales yet still receive units.
 * Largest-remainder rounding keeps the sum exact.
 * @example allocatePool(100, [{ key: 'a', weight: 1, velocity: 3 }, { key: 'b', weight: 1, velocity: 1 }]) // { a: 73, b: 27 } (velocity floor 0.2 each)
 */
export function allocatePool(pool: number, members: readonly AllocationMember[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (members.length === 0) return out;
  const whole = Math.max(0, Math.floor(pool));
  let buffers = 0;
  for (const m of members) buffers += bufferUnits(whole, m.buffer);
  const distributable = Math.max(0, whole - buffers);
  const meanVelocity = members.reduce((s, m) => s + Math.max(0, m.velocity), 0) / members.length;
  const floor = meanVelocity > 0 ? 0.1 * meanVelocity : 1;
  let shares = members.map((m) => Math.max(0, m.weight) * (Math.max(0, m.velocity) + floor));
  let total = shares.reduce((a, b) => a + b, 0);
  if (!(total > 0)) {
    shares = members.map(() => 1);
    total = members.length;
  }
  const exact = shares.map((s) => (distributable * s) / total);
  const base = exact.map((x) => Math.floor(x + 1e-9));
  let left = distributable - base.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - base[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) base[order[k]![1]]!++;
  members.forEach((m, i) => (out[m.key] = base[i]!));
  return out;
}
