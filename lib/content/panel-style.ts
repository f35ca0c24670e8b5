/**
 * The row panel's CSS (one constructed stylesheet shared by every panel's shadow root, see
 * panel-view.ts). Layout decisions:
 * - the panel wraps inside its own box: nothing is cut with an ellipsis, and the box is never
 *   wider than the cell or strip it sits in (min-width 0, long words break), so it cannot widen
 *   the page (lib/content/panel-placement.ts puts it where there is room);
 * - one line of 24 px when the urgency, the cover and the action fit (they do in a row strip at
 *   1366 px); buttons are 24 x 24 px targets;
 * - the details open in an overlay (position: fixed) so opening them never moves the page.
 */
import type { UrgencyLevel } from '../planning/urgency';

/** Each urgency level's colour: text colour on the panel, background of the urgency word. */
const URGENCY_COLORS: Record<UrgencyLevel, string> = {
  critical: '#cf222e',
  warning: '#9a6700',
  excess: '#8250df',
  attention: '#bc4c00',
  ok: '#1a7f37',
  unknown: '#57606a',
};

const byUrgency = Object.entries(URGENCY_COLORS)
  .map(
    ([level, color]) =>
      `.panel[data-urgency="${level}"] { border-color: ${color}; }\n.panel[data-urgency="${level}"] .urgency { background: ${color}; }\n.panel[data-urgency="${level}"] .cover { color: ${color}; }`,
  )
  .join('\n');

export const PANEL_STYLE = `
:host { all: initial; display: block; box-sizing: border-box; max-width: 100%; min-width: 0; font: 11px/16px system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; text-align: start; }
.panel { display: flex; flex-wrap: wrap; align-items: center; gap: 0 5px; padding: 0 0 0 5px; margin: 0; border-left: 3px solid #8c959f; background: #f6f8fa; border-radius: 3px; max-width: 100%; min-width: 0; box-sizing: border-box; min-height: 24px; }
:host([data-overflow]) .panel { width: max-content; max-width: calc(100vw - 64px); }
.panel > span { min-width: 0; max-width: 100%; overflow-wrap: anywhere; white-space: normal; }
.urgency { color: #fff; font-weight: 700; padding: 0 4px; border-radius: 3px; }
.cover { font-weight: 600; }
.action { font-weight: 600; font-variant-numeric: tabular-nums; }
.action.overdue { color: #cf222e; }
.sources a, .sources button.link { font: inherit; color: #0969da; text-decoration: underline; background: none; border: 0; padding: 0; margin: 0; cursor: pointer; }
.sources a:focus-visible, .sources button.link:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
${byUrgency}
.muted { color: #57606a; }
.warn { color: #cf222e; font-weight: 600; }
button.toggle { flex: none; box-sizing: border-box; min-width: 24px; min-height: 24px; font: inherit; font-size: 12px; line-height: 16px; padding: 3px 8px; margin: 0; border: 1px solid #d0d7de; border-radius: 3px; background: #fff; color: #0969da; cursor: pointer; white-space: normal; overflow-wrap: anywhere; max-width: 100%; }
button.toggle[aria-controls] { width: 24px; padding: 0; font-size: 14px; line-height: 22px; text-align: center; }
button.toggle:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.details { position: fixed; z-index: 2147482000; box-sizing: border-box; width: 480px; max-width: calc(100vw - 16px); max-height: 80vh; overflow: auto; background: #fff; color: #1f2328; border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px; white-space: normal; overflow-wrap: anywhere; }
.details[hidden] { display: none; }
.details h3 { font-size: 12px; margin: 6px 0 2px; }
.details ul { margin: 0; padding-left: 16px; }
.summary > div + div { margin-top: 2px; }
.points { color: #cf222e; font-variant-numeric: tabular-nums; margin-right: 4px; }
.chart { margin-top: 6px; }
.chart-box { position: relative; width: 100%; }
.chart-box + .chart-box { margin-top: 8px; }
`;
