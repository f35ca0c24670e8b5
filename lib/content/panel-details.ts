/**
 * A row panel's details overlay, built the first time it opens (most never are): the plan's
 * facts, each inbound arrival, what the marketplace's own figures say and why ours differ, the
 * other listings on the same stock, the health reasons and alerts, and the chart's place.
 */
import { formatDate, formatNumber, t, type Language } from '../i18n/page';
import type { PanelData } from '../messaging/protocol';
import { alertText, lifecycleName, reasonText } from './codes';
import { marketFigureLines, platformName } from './market-figures';
import { element } from './panel-dom';
import { poolMemberLines } from './pool-lines';

/**
 * The marketplace's own figures the page shows for this row (Restock's recommendation, days of
 * supply, storage cost...), each with why ours differ when they do (market-figures.ts).
 */
function appendMarketFigures(details: HTMLElement, data: PanelData, language: Language, today: string): void {
  const lines = marketFigureLines(language, data, today);
  if (lines.length === 0) return;
  const doc = details.ownerDocument;
  details.append(element(doc, 'h3', {}, t(language, 'panel.market.title', { platform: platformName(language, data.key) })));
  const list = element(doc, 'ul', { 'data-testid': 'market-figures' });
  for (const line of lines) {
    const item = element(doc, 'li', { 'data-testid': line.testId }, line.text);
    if (line.reason) item.append(element(doc, 'div', { class: 'muted', 'data-testid': 'market-reason' }, line.reason));
    list.append(item);
  }
  details.append(list);
}

/** The other listings that draw on the same stock, each with what it lists and its own channel answer (pool-lines.ts). */
function appendPoolMembers(details: HTMLElement, data: PanelData, language: Language): void {
  const lines = poolMemberLines(language, data);
  if (lines.length === 0) return;
  const doc = details.ownerDocument;
  details.append(element(doc, 'h3', {}, t(language, 'panel.pool.title')));
  const list = element(doc, 'ul', { 'data-testid': 'pool-members' });
  for (const line of lines) list.append(element(doc, 'li', { 'data-key': line.key }, line.text));
  details.append(list);
}

/** Each arrival of inbound units split across days (units, date, the shipment holding them), soonest first. */
function appendInboundArrivals(details: HTMLElement, data: PanelData, language: Language): void {
  if (!data.inboundArrivals?.length) return;
  const doc = details.ownerDocument;
  details.append(element(doc, 'h3', {}, t(language, 'panel.arrivals.title')));
  const list = element(doc, 'ul', { 'data-testid': 'inbound-arrivals' });
  for (const arrival of data.inboundArrivals) {
    const params = { units: formatNumber(language, arrival.units), date: formatDate(language, arrival.date) };
    const text = arrival.shipmentId
      ? t(language, 'panel.arrivals.shipment', { ...params, shipment: arrival.shipmentId })
      : t(language, 'panel.arrivals.dated', params);
    list.append(element(doc, 'li', arrival.shipmentId ? { 'data-shipment': arrival.shipmentId } : {}, text));
  }
  details.append(list);
}

/** Fills the (empty) details overlay: built on first expand, since most panels are never opened. */
export function fillDetails(details: HTMLElement, data: PanelData, language: Language, today: string): void {
  const doc = details.ownerDocument;
  const facts: string[] = [];
  if (data.dailyDemand !== null) facts.push(t(language, 'panel.dailyDemand', { units: formatNumber(language, data.dailyDemand, 1) }));
  if (data.lifecycleStage) facts.push(t(language, 'panel.lifecycle', { stage: lifecycleName(language, data.lifecycleStage) }));
  if (data.abcClass) facts.push(t(language, 'panel.abc', { abc: data.abcClass }));
  if (data.safetyStock !== null) facts.push(t(language, 'panel.safetyStock', { units: formatNumber(language, Math.round(data.safetyStock)) }));
  if (data.reorderPoint !== null) facts.push(t(language, 'panel.reorderPoint', { units: formatNumber(language, Math.round(data.reorderPoint)) }));
  if (data.leadTimeDays !== null) facts.push(t(language, 'panel.leadTime', { days: formatNumber(language, data.leadTimeDays) }));
  if (data.inbound) {
    const units = formatNumber(language, data.inbound);
    // Arriving on several days: the dates are each arrival's line below, not the first one's here.
    facts.push(
      data.inboundArrivalDate && !data.inboundArrivals
        ? t(language, 'panel.inboundExpected', { units, date: formatDate(language, data.inboundArrivalDate) })
        : t(language, 'panel.inbound', { units }),
    );
  }
  // The pool's reserved units, unless the page's own figure for the row says them below (market figures).
  if (data.reserved && data.marketFigures?.reserved === undefined) facts.push(t(language, 'panel.reserved', { units: formatNumber(language, data.reserved) }));
  if (data.heldReturns) facts.push(t(language, 'panel.heldReturns', { units: formatNumber(language, data.heldReturns) }));
  if (facts.length) details.append(element(doc, 'div', { class: 'muted', 'data-testid': 'facts' }, facts.join(' · ')));
  appendInboundArrivals(details, data, language);
  details.append(element(doc, 'div', { class: 'muted' }, t(language, 'panel.coverMeaning')));
  appendMarketFigures(details, data, language, today);
  appendPoolMembers(details, data, language);

  details.append(element(doc, 'h3', {}, t(language, 'panel.reasons')));
  if (data.reasons.length === 0) {
    details.append(element(doc, 'div', { class: 'muted' }, t(language, 'panel.noReasons')));
  } else {
    const list = element(doc, 'ul', { 'data-testid': 'reasons' });
    for (const reason of data.reasons) {
      const item = element(doc, 'li', { 'data-code': reason.code });
      item.append(
        element(doc, 'span', { class: 'points' }, t(language, 'panel.reasonPoints', { points: formatNumber(language, reason.points) })),
        reasonText(language, reason, today),
      );
      list.append(item);
    }
    details.append(list);
  }
  if (data.alerts.length > 0) {
    details.append(element(doc, 'h3', {}, t(language, 'panel.alerts')));
    const list = element(doc, 'ul', { 'data-testid': 'alerts' });
    for (const alert of data.alerts)
      list.append(element(doc, 'li', { 'data-code': alert.code, 'data-severity': alert.severity }, alertText(language, alert, today)));
    details.append(list);
  }
  const chart = element(doc, 'div', { class: 'chart', 'data-testid': 'chart', role: 'img', 'aria-label': t(language, 'panel.chart') });
  details.append(chart);
}
