/**
 * The popup's entry: sends the first requests and draws the first rows from their replies
 * (plain DOM, first-paint.ts), then loads the page. React, the catalogues and the protocol's
 * schemas are a separate chunk (./app), so neither the requests nor the first rows wait for
 * them; the app takes the rows over when it has loaded.
 */
import { browser } from 'wxt/browser';
import { openItem, openOptions } from '@/components/popup/actions';
import { startFirstPaint } from '@/components/popup/first-paint';
import '@/components/pages.css';
import '@/components/popup/popup.css';

const drawn = startFirstPaint(document.getElementById('root')!, (message) => browser.runtime.sendMessage(message), {
  openItem,
  openOptions,
  browserLanguage: globalThis.navigator?.language,
});
/** The latest the app's chunk starts loading: a hidden page gets no frame, and a background that does not answer must not leave the popup empty. */
const APP_AT_LATEST_MS = 1_000;

let appRequested = false;
function loadApp(): void {
  if (appRequested) return;
  appRequested = true;
  void import('./app');
}
// The app's chunk is loaded once the first rows are drawn (or will not be) and painted: run
// earlier, its evaluation (hundreds of ms on a busy machine) holds the main thread, and the
// replies' handler, the first rows with it, waits behind it. Until then the app could show no
// more than those rows: its list waits for the same reply.
void drawn.then(() => requestAnimationFrame(() => setTimeout(loadApp)));
setTimeout(loadApp, APP_AT_LATEST_MS);
