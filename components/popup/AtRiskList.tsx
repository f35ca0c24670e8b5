import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { urgencyOf } from '@/lib/content/panel-view';
import type { AtRiskItem } from '@/lib/messaging/protocol';
import { useI18n } from '../language';
import { rowText } from './model';

const ROW_HEIGHT = 44;
/** Rows before the end of the loaded ones at which the rest of the list is asked for. */
const NEAR_END = 20;

/** Opens the SKU's seller page in a new tab (tabs.create needs no "tabs" permission) and closes the popup. */
function openItem(url: string) {
  void browser.tabs.create({ url }).then(() => window.close());
}

/** The at-risk list, virtualised: only the rows in view (plus a few) are in the DOM, so 10,000 SKUs scroll smoothly. */
export function AtRiskList({ items, onNearEnd }: { items: readonly AtRiskItem[]; onNearEnd?: () => void }) {
  const { t, language } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // First paint before layout: assume the list box's CSS height.
    initialRect: { width: 536, height: 400 },
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastShown = virtualRows[virtualRows.length - 1]?.index ?? 0;
  const nearEnd = lastShown >= items.length - NEAR_END;
  useEffect(() => {
    if (nearEnd) onNearEnd?.();
  }, [nearEnd, onNearEnd]);
  return (
    <>
      <div className="list-head" aria-hidden="true">
        <span>{t('popup.column.sku')}</span>
        <span>{t('popup.column.platform')}</span>
        <span className="num">{t('popup.column.available')}</span>
        <span className="num">{t('popup.column.daysOfCover')}</span>
        <span>{t('popup.column.stockout')}</span>
        <span>{t('popup.column.reorder')}</span>
      </div>
      <div className="list-scroll" ref={scroller} data-testid="at-risk-scroll">
        <ul className="list" aria-label={t('popup.title')} style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((row) => {
            const item = items[row.index]!;
            const text = rowText(language, item);
            return (
              <li
                key={item.key}
                className="row"
                data-testid="at-risk-row"
                data-sku={item.sku}
                data-urgency={urgencyOf(item)}
                aria-setsize={items.length}
                aria-posinset={row.index + 1}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              >
                <a
                  href={item.url}
                  onClick={(event) => {
                    event.preventDefault();
                    openItem(item.url);
                  }}
                  title={t('popup.openSku', { sku: item.sku, marketplace: item.marketplace })}
                >
                  <span className="sku">
                    <strong>{item.sku}</strong>
                    {item.title && <span className="title">{item.title}</span>}
                  </span>
                  <span className="market">{item.marketplace}</span>
                  <span className="num">{text.available}</span>
                  <span className="num cover" data-testid="days-of-cover">
                    {text.cover}
                  </span>
                  <span className="stockout" data-testid="stockout">
                    {text.stockout}
                  </span>
                  <span className="reorder">{text.reorder}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
