// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { atRiskItem } from '@/lib/messaging/test-panel';
import { defaultSettings } from '@/lib/settings/schema';
import { LIST_BOX } from './list-view';

// The app's other requests (diagnostics, accounts, filter choices) stay unanswered, as on a first render.
vi.stubGlobal('chrome', { runtime: { id: 'test', sendMessage: () => new Promise(() => {}) } });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const item = atRiskItem;

/**
 * The markup as the seller sees it: the test ids of the filter controls left out (the first
 * paint's controls have none, so tests wait for the app's), attributes in one order and inline
 * styles normalised.
 */
function seen(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const control of copy.querySelectorAll('select, input')) control.removeAttribute('data-testid');
  for (const element of copy.querySelectorAll<HTMLElement>('*')) {
    const attributes = [...element.attributes].map((a) => [a.name, a.name === 'style' ? element.style.cssText : a.value] as const);
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, value] of attributes.sort(([a], [b]) => a.localeCompare(b))) element.setAttribute(name, value);
  }
  return copy.innerHTML;
}

// No layout here: the list box measures as popup.css sizes it (the virtualiser reads clientWidth/clientHeight).
for (const [property, size] of [
  ['clientWidth', LIST_BOX.width],
  ['clientHeight', LIST_BOX.height],
] as const) {
  Object.defineProperty(HTMLElement.prototype, property, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('list-scroll') ? size : 0;
    },
  });
}

describe('the app taking over the popup first paint', () => {
  it('renders, from the same replies, exactly what the first paint drew (nothing moves), in both languages', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      // A new page load: the first paint's and the first requests' state start over.
      vi.resetModules();
      const { startFirstPaint, handOver } = await import('./first-paint');
      const { prefillFirstScreen } = await import('./first-page');
      const { Popup } = await import('./Popup');
      const { LanguageProvider } = await import('../language');
      const items = Array.from({ length: 30 }, (_, i) => item(`SKU-${i}`, i === 0 ? { urgency: 'critical', available: 0, title: 'Teapot 紫砂' } : {}));
      const replies = {
        atRisk: { ok: true, data: { items, total: 240, stored: 900, updating: true } },
        settings: { ok: true, data: { settings: { ...defaultSettings(), language } } },
      };
      document.body.innerHTML = '<div id="first"></div><div id="app"></div>';
      const first = document.getElementById('first')!;
      const send = async (m: { type: string }) => (m.type === 'skus/at-risk' ? replies.atRisk : replies.settings);
      await expect(startFirstPaint(first, send, { openItem: () => {}, openOptions: () => {}, browserLanguage: 'en-US' })).resolves.toBe(true);

      const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } });
      prefillFirstScreen(client, handOver());
      const app = document.getElementById('app')!;
      const reactRoot = createRoot(app);
      await act(async () =>
        reactRoot.render(
          <QueryClientProvider client={client}>
            <LanguageProvider>
              <Popup />
            </LanguageProvider>
          </QueryClientProvider>,
        ),
      );
      expect(app.querySelectorAll('[data-testid="at-risk-row"]').length).toBeGreaterThan(0);
      expect(seen(first)).toBe(seen(app));
      await act(async () => reactRoot.unmount());
      client.clear();
    }
  });
});
