// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { purchasePlan } from '@/lib/purchasing';
import { planWith } from '@/lib/purchasing/test-purchasing';
import { defaultSettings } from '@/lib/settings';
import { LanguageProvider } from '../language';
import { GROUP_LINES_LISTED, PurchaseGroup } from './PurchaseGroup';

// The language setting's request stays unanswered: the browser's language (English here) is used.
vi.stubGlobal('chrome', { runtime: { id: 'test', sendMessage: () => new Promise(() => {}) } });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** One group of `count` lines (one supplier, one week), as the purchase plan builds it. */
function groupOf(count: number) {
  const settings = defaultSettings();
  // Reorder days spread over the week, so listing by order day is not listing by SKU.
  const plans = Array.from({ length: count }, (_, i) =>
    planWith({ productId: `SKU-${String(i).padStart(3, '0')}`, reorderQuantity: 10 + i, reorderDate: `2026-03-0${3 + ((i * 3) % 5)}` }),
  );
  const { groups } = purchasePlan(plans, settings, { today: '2026-03-02', weeks: 4, currency: 'USD', unitCosts: [] });
  expect(groups).toHaveLength(1);
  return groups[0]!;
}

async function rendered(group: ReturnType<typeof groupOf>) {
  document.body.innerHTML = '<div id="root"></div>';
  const root = createRoot(document.getElementById('root')!);
  await act(async () =>
    root.render(
      <QueryClientProvider client={new QueryClient()}>
        <LanguageProvider>
          <PurchaseGroup group={group} titles={{}} today="2026-03-02" />
        </LanguageProvider>
      </QueryClientProvider>,
    ),
  );
  return { root, skus: () => [...document.querySelectorAll('[data-testid="purchase-line"]')].map((row) => row.getAttribute('data-sku')) };
}

describe('a purchase order group', () => {
  it('lists its first lines by order day, and all of them when asked', async () => {
    const group = groupOf(GROUP_LINES_LISTED + 12);
    const { root, skus } = await rendered(group);
    expect(skus()).toEqual(group.lines.slice(0, GROUP_LINES_LISTED).map((l) => l.sku));
    const listAll = document.querySelector<HTMLButtonElement>('[data-testid="purchase-list-all"]')!;
    expect(listAll.closest('p')!.textContent).toContain(`The first ${GROUP_LINES_LISTED} of ${GROUP_LINES_LISTED + 12} lines are listed`);
    await act(async () => listAll.click());
    expect(skus()).toEqual(group.lines.map((l) => l.sku));
    expect(document.querySelector('[data-testid="purchase-list-all"]')).toBeNull();
    await act(async () => root.unmount());
  });

  it('lists a small group whole, with no button', async () => {
    const group = groupOf(3);
    const { root, skus } = await rendered(group);
    expect(skus()).toHaveLength(3);
    // Each line names the stock it replenishes (a product kept in two stocks has a line for each).
    expect([...document.querySelectorAll('[data-testid="purchase-stock"]')].map((cell) => cell.textContent)).toEqual(
      group.lines.map(() => 'Amazon FBA · North America'),
    );
    expect(document.querySelector('[data-testid="purchase-list-all"]')).toBeNull();
    await act(async () => root.unmount());
  });
});
