/**
 * Target size (WCAG 2.5.8, at least 24 x 24 CSS px) of an extension page's controls, measured:
 * the options page and the popup check it in their own specs (the panels' and the summary
 * bar's buttons are checked in layout.spec.ts).
 */
import type { Page } from '@playwright/test';

/**
 * Every visible control smaller than 24 x 24 px, as "what: width x height". Exempt as WCAG 2.5.8
 * says: a link inline in running text (its line's height is the text's). A checkbox, radio or
 * hidden file input is measured by its label, which the seller clicks and which toggles it.
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const SELECTOR =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="checkbox"], [role="switch"], [role="tab"]';
    const small: string[] = [];
    const inlineInText = (el: HTMLElement) =>
      el.tagName === 'A' &&
      getComputedStyle(el).display === 'inline' &&
      (el.parentElement?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
    for (const el of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      if (inlineInText(el) || el.closest('[hidden], [aria-hidden="true"]')) continue;
      const own = el.getBoundingClientRect();
      const labelled = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio' || own.width <= 1);
      const boxes = [own, ...(labelled ? [...(el.labels ?? [])].map((l) => l.getBoundingClientRect()) : [])];
      const visible = boxes.filter((r) => r.width > 1 && r.height > 1);
      if (visible.length === 0) continue;
      if (visible.some((r) => r.width >= 24 && r.height >= 24)) continue;
      const r = visible[visible.length - 1]!;
      const what = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.id ?? '';
      small.push(
        `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} ${what || (el.textContent ?? '').trim().slice(0, 30)}: ${Math.round(r.width)} x ${Math.round(r.height)}`,
      );
    }
    return small;
  });
}
