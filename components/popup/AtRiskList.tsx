import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { urgencyOf } from '@/lib/content/panel-view';
import type { AtRiskItem } from '@/lib/messaging/protocol';
import { useI18n } from '../language';
import { openItem } from './actions';
import { useAccounts } from '../AccountSelect';
import { LIST_BOX, LIST_OVERSCAN, marketplaceParts, ROW_HEIGHT, rowText } from './list-view';
import { rowAccountName, rowAccountNames } from './model';

/** Rows before the end of the loaded ones at which the rest of the list is asked for. */
const NEAR_END = 20;

/** The at-risk list, virtualised: only the rows in view (plus a few) are in the DOM, so 10,000 SKUs scroll smoothly. */
export function AtRiskList({
  items,
  onNearEnd,
  accountFilter,
}: {
  items: readonly AtRiskItem[];
  onNearEnd?: () => void;
  /** The popup's account filter ('' = every account: then each row says its account, when there are several). */
  accountFilter: string;
}) {
  const { t, language } = useI18n();
  const accountNames = rowAccountNames(language, useAccounts().data?.accounts ?? [], accountFilter);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: LIST_OVERSCAN,
    // First render before layout: assume the list box's CSS size (the rows the first paint drew).
    initialRect: LIST_BOX,
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
          {virtualRows.map((row) => (
            <Row
              key={items[row.index]!.key}
              item={items[row.index]!}
              position={row.index + 1}
              of={items.length}
              top={row.start}
              accountName={rowAccountName(accountNames, items[row.index]!)}
            />
          ))}
        </ul>
      </div>
    </>
  );
}

/** One listing's row, at `top` in the scrolled list; `accountName` when rows say whose they are. */
function Row({ item, position, of, top, accountName }: { item: AtRiskItem; position: number; of: number; top: number; accountName: string | undefined }) {
  const { t, language } = useI18n();
  const text = rowText(language, item);
  return (
    <li
      className="row"
      data-testid="at-risk-row"
      data-sku={item.sku}
      data-urgency={urgencyOf(item)}
      aria-setsize={of}
      aria-posinset={position}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
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
        <span className="market">
          <MarketplaceName id={item.marketplace} />
          {accountName !== undefined && (
            <span className="account" data-testid="row-account" title={t('accounts.rowAccount', { name: accountName })}>
              {accountName}
            </span>
          )}
        </span>
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
}

/** A marketplace id that may wrap before its domain (marketplaceParts). */
function MarketplaceName({ id }: { id: string }) {
  const [name, domain] = marketplaceParts(id);
  return (
    <>
      {name}
      {domain !== undefined && (
        <>
          <wbr />
          {domain}
        </>
      )}
    </>
  );
}
