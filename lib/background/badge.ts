/**
 * The toolbar badge: how many SKUs need attention, so the seller sees risk without opening
 * anything.
 */

/** The badge's background: the same red as the panels' critical state, readable under white digits. */
export const BADGE_COLOR = '#cf222e';

/**
 * The part of the toolbar button's API the badge uses (the same in MV3 `action` and MV2
 * `browserAction`). Firefox returns promises from both; Chrome's MV2 typings say void.
 */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

/**
 * Badge text for a count: empty at zero (no noise), "999+" past three digits.
 * @example badgeText(12) // '12'
 * @example badgeText(0) // ''
 */
export function badgeText(atRisk: number): string {
  if (atRisk <= 0) return '';
  return atRisk > 999 ? '999+' : String(atRisk);
}

/**
 * The toolbar button's API in this build: `action` in MV3 (Chrome), `browserAction` in MV2 (the
 * Firefox build: wxt builds Firefox as MV2, where `action` does not exist and calling it would
 * leave the badge silently blank). Undefined when neither exists (no badge, nothing else lost).
 * @example toolbarButton({ browserAction: button }) // button
 */
export function toolbarButton(api: { action?: ToolbarButton; browserAction?: ToolbarButton }): ToolbarButton | undefined {
  return api.action ?? api.browserAction;
}
