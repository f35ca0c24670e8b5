/**
 * The expanded panel's charts (chart.js and lib/charts: two thirds of what the seller-page
 * script would otherwise weigh) as a module of their own, so the content script that runs on
 * every seller page stays small. WXT bundles a content script into one file, inlining its
 * dynamic imports, so the split goes through the extension's URL instead: wxt.config.ts builds
 * this entrypoint as an ES module and makes it web accessible on the seller hosts, and the
 * content script imports it the first time a panel's Details opens (lib/content/panel-chart-module.ts).
 */
import { mountPanelChart } from '@/lib/content/panel-chart';

export default defineUnlistedScript(() => ({ mountPanelChart }));
