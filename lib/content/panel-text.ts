/**
 * The words of the panel's at-a-glance line: the urgency word, and the ONE action with its
 * numbers first ("Order 3,352 by Dec 14", "List 38 here", "Mark down 80 · 10%"). A deadline
 * already past is never shown as a date to meet: it reads "overdue since Nov 12 (20 days)".
 */
import { formatNumber, formatShortDate, t, type Language } from '../i18n/page';
import type { PanelData } from '../messaging/protocol';
import type { UrgencyLevel } from '../planning/urgency';
import { daysLate } from '../locale/dates';

/**
 * A date as month and day ("Dec 14", "12月14日"), with the year only when it is not this year's.
 * @example shortDate('en', '2026-12-14', '2026-12-02') // 'Dec 14'
 */
export function shortDate(language: Language, isoDate: string, today: string): string {
  return formatShortDate(language, isoDate, today);
}

/**
 * "overdue since Nov 12 (20 days)" for a date before today; null when it is today or later.
 * @example overdueText('en', '2026-11-12', '2026-12-02') // 'overdue since Nov 12 (20 days)'
 */
export function overdueText(language: Language, dueDate: string, today: string): string | null {
  const days = daysLate(dueDate, today);
  if (days <= 0) return null;
  const date = shortDate(language, dueDate, today);
  return days === 1 ? t(language, 'panel.overdueSinceOneDay', { date }) : t(language, 'panel.overdueSince', { date, days: formatNumber(language, days) });
}

/**
 * The urgency level as a word, next to its colour (colour alone is not enough to read).
 * @example urgencyWord('zh-CN', 'critical') // '紧急'
 */
export function urgencyWord(language: Language, level: UrgencyLevel): string {
  return t(language, `urgency.${level}`);
}

interface GlanceAction {
  /** What the action is about (oversell, reorder, channel listing, clearance). */
  kind: 'oversell' | 'reorder' | 'channel' | 'clearance';
  text: string;
  /** True when its date has passed. */
  overdue: boolean;
}

type ActionInput = Pick<PanelData, 'oversell' | 'reorderQuantity' | 'reorderDate' | 'reorderDaysLate' | 'channel' | 'clearance'>;

/**
 * The one action of the panel, the most pressing first: an oversell to stop, a reorder to
 * place, a quantity to list on this channel, a markdown. Null when there is nothing to do.
 * @example glanceAction('en', { ...panel, reorderQuantity: 3352, reorderDate: '2026-12-14' }, '2026-12-02')?.text // 'Order 3,352 by Dec 14'
 */
export function glanceAction(language: Language, data: ActionInput, today: string): GlanceAction | null {
  const n = (value: number) => formatNumber(language, value);
  if (data.oversell)
    return {
      kind: 'oversell',
      overdue: false,
      text: t(language, 'panel.action.oversell', { listed: n(data.oversell.listedTotal), pool: n(data.oversell.poolAvailable) }),
    };
  if (data.reorderQuantity && data.reorderDate) {
    const quantity = n(data.reorderQuantity);
    const overdue = overdueText(language, data.reorderDate, today);
    return overdue
      ? { kind: 'reorder', overdue: true, text: t(language, 'panel.action.orderOverdue', { quantity, overdue }) }
      : { kind: 'reorder', overdue: false, text: t(language, 'panel.action.order', { quantity, date: shortDate(language, data.reorderDate, today) }) };
  }
  const c = data.channel;
  if (c && c.listed !== null && c.listed !== c.suggested) {
    const text =
      c.listed === 0
        ? t(language, 'panel.action.list', { quantity: n(c.suggested) })
        : t(language, 'panel.action.listChange', { quantity: n(c.suggested), listed: n(c.listed) });
    return { kind: 'channel', overdue: false, text };
  }
  return clearanceAction(language, data.clearance);
}

/** The markdown (units first when known), or the exit; null for "hold the price" or no clearance. */
function clearanceAction(language: Language, clearance: ActionInput['clearance']): GlanceAction | null {
  if (!clearance) return null;
  if (clearance.action === 'exit') return { kind: 'clearance', overdue: false, text: t(language, 'panel.action.exit') };
  const percent = clearance.discountPercent ?? 0;
  if (percent <= 0) return null;
  const units = clearance.excessUnits;
  const text =
    units !== undefined && units > 0
      ? t(language, 'panel.action.markdown', { units: formatNumber(language, units), percent: formatNumber(language, percent) })
      : t(language, 'panel.action.markdownPercent', { percent: formatNumber(language, percent) });
  return { kind: 'clearance', overdue: false, text };
}
