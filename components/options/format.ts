/** Small display helpers for the options page, in the UI language. */
import { formatNumber, type Language, type MessageKey } from '@/lib/i18n';
import { refusalOf } from '@/lib/messaging/refusals';
import { wholeDaysOfCover } from '@/lib/planning/cover';
export { formatDateTime } from '@/lib/i18n';

/** The options page's translator (useI18n's `t`). */
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A failed request as the seller reads it: what the background refused, said in the UI
 * language; any other error (not expected, so not in the catalogue) as "Something went wrong"
 * with its own words.
 * @example errorText(t, new Error('refused:order-missing {"id":"po-1"}')) // 'This order is no longer stored …'
 */
export function errorText(t: Translate, error: Error): string {
  const refusal = refusalOf(error);
  return refusal ? t(refusal.key, refusal.params) : t('options.error', { message: error.message });
}

/**
 * Bytes in KB/MB/GB (1024-based), number formatted for the language.
 * @example formatBytes('en', 1536) // '1.5 KB'
 */
export function formatBytes(language: Language, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(language, value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Saves bytes or text as a file through an <a download>, which needs no "downloads" permission. */
export function saveFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** @example datedName('stock-copilot-report', 'csv') // 'stock-copilot-report-2026-11-20.csv' */
export function datedName(stem: string, extension: string): string {
  return `${stem}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

/**
 * Days of cover as every view shows them (whole days, rounded down as the panels and popup do:
 * lib/planning/cover.ts wholeDaysOfCover), or the "none" dash.
 * @example coverText('en', '—', 92.6, t) // '92 d'
 */
export function coverText(language: Language, none: string, days: number | null, t: Translate): string {
  return days === null ? none : t('panel.days', { days: formatNumber(language, wholeDaysOfCover(days)) });
}

/**
 * A number in the UI language, or the "none" dash for null.
 * @example num('en', '—', 1234.5, 1) // '1,234.5'
 */
export function num(language: Language, none: string, value: number | null, digits = 0): string {
  return value === null ? none : formatNumber(language, value, digits);
}
