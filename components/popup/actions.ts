/** What the popup's links and buttons do, for the first paint and the React popup alike. */
import { browser } from 'wxt/browser';

/**
 * Opens a SKU's seller page in a new tab (tabs.create needs no "tabs" permission) and closes the popup.
 * @example openItem('https://sellercentral.amazon.com/myinventory/inventory?searchTerm=MUG-1')
 */
export function openItem(url: string): void {
  void browser.tabs.create({ url }).then(() => window.close());
}

/**
 * Opens the options page (settings and export).
 * @example openOptions()
 */
export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
