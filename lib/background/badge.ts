/**
 * The toolbar badge: how many SKUs need attention, so the seller sees risk without opening
 * anything.
 */

/**
 * Badge text for a count: empty at zero (no noise), "999+" past three digits.
 * @example badgeText(12) // '12'
 * @example badgeText(0) // ''
 */
export function badgeText(atRisk: number): string {
  if (atRisk <= 0) return '';
  return atRisk > 999 ? '999+' : String(atRisk);
}
