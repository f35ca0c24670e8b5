/**
 * Amazon Seller Central Business Reports, "Detail Page Sales and Traffic by Child Item": units
 * ordered per child ASIN (and SKU, when the seller shows the SKU column) over the date range the
 * seller picked. The page twin of the CSV download (lib/reports/amazon-business-report.ts amazonBusinessReportChild).
 *
 * Paths: the current app `/business-reports/…#/report?id=102%3ADetailSalesTrafficByChildItem&…`
 * (the report is named in the hash) and the legacy `/gp/site-metrics/report.html` with
 * `reportID=102:DetailSalesTrafficByChildItem` (table `#dataTable`).
 *
 * Selectors: the report table found by header text (a `<table>`, Katal `kat-table` or ARIA grid:
 * the current markup is not publicly documented (?)). Columns read: "(Child) ASIN", "Title",
 * "SKU", "Units Ordered" (every UI language in lib/locale/headers.ts); "(Parent) ASIN",
 * sessions, page views, the buy box share and ordered product sales are left unread (no record
 * field uses them). "Units Ordered - B2B" is part of "Units Ordered", so only the total is read.
 *
 * The date range (?): `fromDate` / `toDate` in the URL (hash or query, as the app writes them
 * when the seller picks dates), else the page's own date inputs (`kat-date-range-picker`'s
 * `start-value`/`end-value`, or `input[name=fromDate|startDate]` and `input[name=toDate|endDate]`). Without a usable range the units cannot be
 * placed in time: nothing is read ('missing-date-range' / 'bad-date-range'). Counts are observed
 * at the end of the range's last day (or now, when that is today).
 *
 * Identity: the SKU column, required (the page hides it by default; a row without SKU could only be
 * joined through its ASIN to a listing the store knows, which the page cannot see). Every row is
 * a child: parent rows do not appear in this report.
 */
import { isoDateInZone } from '../../locale/dates';
import { zonedTimeToUtc } from '../../reports/values';
import type { ListingObservation } from '../../records';
import type { PageRead, ReadContext } from '../types';
import { definePage, fieldsOf } from '../shared/define-page';
import { findGrid } from '../shared/grid';
import { reportTaughtDisagreements } from '../shared/taught-columns';
import { CellReader, Diagnostics, ReadCollector, cellText, clampTitle, commonFields, compact, guardedParse } from '../shared/read';
import { OBSERVATION_FILLS, warnMissingOptional } from '../shared/optional-columns';

const ID = 'amazon/business-reports';
const TITLE = 'Detail Page Sales and Traffic by Child Item';
const FIELDS = ['sku', 'asin', 'title', 'unitsOrdered'] as const;
type F = (typeof FIELDS)[number];
const REQUIRED: readonly F[] = ['sku', 'unitsOrdered'];
const REPORT = /DetailSalesTrafficByChildItem/i;
const ASIN = /^[A-Z0-9]{10}$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Longest window a record holds (listingObservationSchema: windowDays ≤ 400). */
const MAX_DAYS = 400;
const DAY_MS = 86_400_000;

/** The range the report covers. */
interface Range {
  from: string;
  to: string;
}

/**
 * `fromDate`/`toDate` (or `startDate`/`endDate`) from the URL's query or hash route.
 * @example rangeFromUrl(new URL('https://x/business-reports#/report?id=102&fromDate=2026-11-01&toDate=2026-11-30')) // { from: '2026-11-01', to: '2026-11-30' }
 */
function rangeFromUrl(url: URL): Partial<Range> {
  // The current app routes in the hash ("#/report?id=…&fromDate=…"); the legacy page keeps its
  // state there as "#&cols=…&fromDate=11/01/2026".
  const hashQuery = url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?') + 1) : url.hash.slice(1);
  const params = [url.searchParams, new URLSearchParams(hashQuery)];
  const get = (...names: string[]) => {
    for (const p of params) for (const n of names) if (p.get(n)) return p.get(n)!;
    return undefined;
  };
  return compact({ from: get('fromDate', 'startDate'), to: get('toDate', 'endDate') });
}

/** The page's own date inputs (a Katal range picker, or two date fields), when the URL does not say. */
function rangeFromPage(root: ParentNode): Partial<Range> {
  const picker = root.querySelector('kat-date-range-picker[start-value][end-value]');
  if (picker) return { from: picker.getAttribute('start-value')!.trim(), to: picker.getAttribute('end-value')!.trim() };
  const value = (names: string[]) => {
    for (const n of names) {
      const el = root.querySelector(`input[name="${n}"], kat-date-picker[name="${n}"], input#${n}`);
      const v = el?.getAttribute('value') ?? (el as HTMLInputElement | null)?.value;
      if (v) return v.trim();
    }
    return undefined;
  };
  return compact({ from: value(['fromDate', 'startDate']), to: value(['toDate', 'endDate']) });
}

/** A calendar day as its day number since 1970, from ISO or US "11/30/2026" text; undefined when not a real day. */
function dayNumber(text: string | undefined): { iso: string; day: number } | undefined {
  if (!text) return undefined;
  let m = ISO.exec(text);
  let [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m && (m = US_DATE.exec(text))) [y, mo, d] = [Number(m[3]), Number(m[1]), Number(m[2])];
  if (!m) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return { iso: back.toISOString().slice(0, 10), day: t / DAY_MS };
}

/**
 * The window the page's counts cover, or a diagnostic saying why there is none.
 * @example reportWindow({ from: '2026-02-01', to: '2026-02-28' }, ctx).days // 28
 */
function reportWindow(range: Partial<Range>, ctx: ReadContext, diags: Diagnostics): { days: number; to: string; observedAt: number } | undefined {
  if (!range.from && !range.to) {
    diags.add('error', 'missing-date-range', `${TITLE}: the report's date range was not found on the page, so nothing was read.`);
    return undefined;
  }
  const first = dayNumber(range.from);
  const last = dayNumber(range.to);
  const today = isoDateInZone(ctx.now, ctx.market.timeZone);
  const bad = (reason: string) => {
    diags.add('error', 'bad-date-range', `${TITLE}: the date range ${range.from ?? '?'} to ${range.to ?? '?'} cannot be used (${reason}).`, {
      from: (range.from ?? '?').slice(0, 40),
      to: (range.to ?? '?').slice(0, 40),
      reason,
    });
    return undefined;
  };
  if (!first || !last) return bad('not-calendar-dates');
  if (first.day > last.day) return bad('first-after-last');
  const days = last.day - first.day + 1;
  if (days > MAX_DAYS) return bad('too-long');
  if (last.iso > today) return bad('after-today');
  const next = new Date((last.day + 1) * DAY_MS);
  const endOfLastDay = zonedTimeToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, 0, ctx.market.timeZone) - 1;
  return { days, to: last.iso, observedAt: Math.min(endOfLastDay, ctx.now.getTime()) };
}

function readBusinessReport(root: ParentNode, ctx: ReadContext): PageRead {
  return guardedParse(ID, (diags) => {
    const out = new ReadCollector(diags);
    const taught = ctx.taughtColumns ?? [];
    const grid = findGrid(root, FIELDS, REQUIRED, '#dataTable', taught);
    if (!grid) return out.result();
    const { columns, recognised } = grid.map;
    reportTaughtDisagreements(grid.headers, FIELDS, taught, columns, diags);
    const missing = REQUIRED.filter((f) => !columns.has(f));
    if (missing.length > 0) {
      if (recognised === 0)
        diags.add('error', 'unknown-language', 'The column headers are in a language the reader does not know yet.', {
          headers: grid.headers.join(' | ').slice(0, 200),
        });
      for (const column of missing) diags.missingColumn(column, TITLE);
      return out.result();
    }
    const urlRange = rangeFromUrl(ctx.url);
    const window = reportWindow(urlRange.from || urlRange.to ? urlRange : rangeFromPage(root), ctx, diags);
    if (!window) return out.result();
    const observedAt = new Date(window.observedAt);
    const base = {
      ...commonFields({ id: ID, platform: 'amazon' }, ctx),
      observedAt: observedAt.toISOString(),
      observedDate: isoDateInZone(observedAt, ctx.market.timeZone),
    };
    const read = new CellReader(ctx, diags);
    const at = (f: F) => columns.get(f);
    for (let r = 0; r < grid.rows.length; r++) {
      const row = grid.rows[r]!;
      const cells = grid.cellsOf(row);
      const cell = (f: F) => {
        const i = at(f);
        return i === undefined ? undefined : cells[i];
      };
      const sku = cellText(cell('sku'));
      if (!sku) {
        if (cells.length > 1) diags.add('warning', 'missing-sku', 'A row without a SKU was skipped.', {}, r + 1);
        continue;
      }
      // The ASIN column, else the row's /dp/ link (the title links to the detail page).
      const asinText = cellText(cell('asin'));
      const linked = /\/dp\/([A-Z0-9]{10})/.exec(row.querySelector('a[href*="/dp/"]')?.getAttribute('href') ?? '')?.[1];
      const asin = ASIN.test(asinText) ? asinText : linked;
      const units = read.quantity(cellText(cell('unitsOrdered')), 'unitsOrdered', sku);
      const record = compact({
        kind: 'listing',
        ...base,
        sku,
        asin,
        title: clampTitle(cellText(cell('title'))) || undefined,
        unitsSold: units !== undefined ? [{ windowDays: window.days, units }] : undefined,
      }) as ListingObservation;
      out.listing(record, row);
    }
    // A missing title or ASIN column is said (the rows are still read).
    warnMissingOptional({ adapter: { title: TITLE }, fields: FIELDS, required: REQUIRED }, columns, out.rows, OBSERVATION_FILLS, diags);
    return out.result();
  });
}

/**
 * The child-item report of Business Reports, current app or legacy page.
 */
function matchesBusinessReports(url: URL): boolean {
  const report = decodeURIComponent(`${url.search}${url.hash}`);
  if (/^\/business-reports(\/|$)/.test(url.pathname)) return REPORT.test(report);
  return /^\/gp\/site-metrics\/report\.html$/.test(url.pathname) && REPORT.test(report);
}

export const adapter = definePage({
  id: ID,
  platform: 'amazon',
  title: TITLE,
  matches: matchesBusinessReports,
  examples: {
    matches: [
      'https://sellercentral.amazon.com/business-reports/ref=xx_sitemetric_dnav_xx#/report?id=102%3ADetailSalesTrafficByChildItem&chartCols=&columns=0%2F1%2F2%2F3&fromDate=2026-01-29&toDate=2026-02-27',
      'https://sellercentral.amazon.com/business-reports/ref=xx#/report?id=102%3ADetailSalesTrafficByChildItem',
      'https://sellercentral.amazon.de/gp/site-metrics/report.html#&reportID=102:DetailSalesTrafficByChildItem',
    ],
    doesNotMatch: [
      'https://sellercentral.amazon.com/business-reports#/report?id=102%3ADetailSalesTrafficByParentItem',
      'https://sellercentral.amazon.com/business-reports/ref=xx#/dashboard',
    ],
  },
  fields: fieldsOf(FIELDS, REQUIRED, { asin: ['link'] }),
  parse: readBusinessReport,
  containerSelector: '#dataTable, kat-table, table, [role="table"]',
  panelPlacement: { where: 'strip', variant: 'report table rows (?): a row under the row, spanning every column' },
});
export default adapter;
