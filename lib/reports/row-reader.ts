/**
 * The per-row reader the report definitions map cells with: one instance reused for every
 * row of a file, reading cells in the marketplace's number, money and date formats and
 * turning bad values into diagnostics against the row's line.
 */
import { marketplaceNamed, type Marketplace } from '../locale/markets';
import type { CsvRecord } from './csv';
import type { AgeBucketColumn, ReportDefinition, ReportWindow, RowReader } from './definition';
import { DiagnosticSink, problem, quoteValue, type ProblemCode } from './diagnostics';
import {
  currencyOfSymbol,
  isBad,
  isBlankCell,
  readCountAnyGrouping,
  readCurrency,
  readDate,
  readDecimal,
  readDecimalByShape,
  readMoney,
  readQuantity,
  readText,
  readYesNo,
  type DateContext,
} from './values';

/** What the import knows besides the file: the date range it covers and the known listings. */
interface RowContext {
  window?: ReportWindow;
  skuByAsin?: ReadonlyMap<string, readonly string[]>;
}

/** Countries whose slash dates are month first. */
const MONTH_FIRST = new Set(['US', 'CA']);

/** One reader reused for every row of a file (allocation per row would dominate big files). */
export class RowReaderImpl implements RowReader<string> {
  line = 0;
  private cells: string[] = [];
  private rejected = false;
  private dateContext: DateContext;
  private readonly fileDateContext: DateContext;
  /** The marketplace the current row names (`marketplaceColumn`), else the file's. */
  rowMarket: Marketplace;
  private readonly swappedNoted = new Set<string>();

  constructor(
    private readonly def: ReportDefinition,
    private readonly index: Map<string, number>,
    private readonly headerCells: readonly string[],
    private readonly buckets: AgeBucketColumn[],
    readonly market: Marketplace,
    private readonly sink: DiagnosticSink,
    private readonly context: RowContext = {},
  ) {
    this.fileDateContext = { timeZone: market.timeZone, monthFirst: MONTH_FIRST.has(market.country) };
    this.dateContext = this.fileDateContext;
    this.rowMarket = market;
  }

  get window(): ReportWindow | undefined {
    return this.context.window;
  }

  skusForAsin(asin: string): readonly string[] | undefined {
    const skus = this.context.skuByAsin?.get(asin);
    return skus && skus.length > 0 ? skus : undefined;
  }

  begin(record: CsvRecord): void {
    this.cells = record.fields;
    this.line = record.line;
    this.rejected = false;
    this.rowMarket = this.marketOfRow();
    // Day boundaries follow the row's marketplace; how the file writes dates stays the file's.
    this.dateContext = this.rowMarket === this.market ? this.fileDateContext : { ...this.fileDateContext, timeZone: this.rowMarket.timeZone };
  }

  private marketOfRow(): Marketplace {
    const column = this.def.marketplaceColumn;
    const named = column === undefined ? undefined : this.raw(column);
    return (named && marketplaceNamed(this.def.platform, named)) || this.market;
  }

  end(): void {
    this.cells = [];
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  private cell(key: string): string | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.cells[i];
  }

  /** The column's header as the file writes it (what the seller will search for). */
  private header(key: string): string {
    const i = this.index.get(key);
    const written = i === undefined ? undefined : this.headerCells[i];
    return (written ?? this.def.columns[key]?.[0] ?? key).trim().slice(0, 60);
  }

  raw(key: string): string | undefined {
    const c = this.cell(key);
    if (c === undefined || isBlankCell(c)) return undefined;
    return c.trim();
  }

  text(key: string, max: number): string | undefined {
    return readText(this.cell(key), max);
  }

  quantity(key: string): number | undefined {
    const raw = this.cell(key);
    const v = (this.def.perCellNumbers ? readCountAnyGrouping : readQuantity)(raw, this.market.numberFormat);
    if (isBad(v)) {
      this.warn(key, 'bad-number', { value: quoteValue(raw ?? ''), reason: v.bad });
      return undefined;
    }
    return v;
  }

  decimal(key: string): number | undefined {
    const raw = this.cell(key);
    const v = (this.def.perCellNumbers ? readDecimalByShape : readDecimal)(raw, this.market.numberFormat);
    if (v === undefined) return undefined;
    if (isBad(v)) {
      this.warn(key, 'bad-number', { value: quoteValue(raw ?? ''), reason: v.bad });
      return undefined;
    }
    if (v.swapped) this.noteSwapped(key);
    return v.value;
  }

  money(key: string, currencyKey?: string): { amountMinor: number; currency: string } | undefined {
    const raw = this.cell(key);
    if (raw === undefined || isBlankCell(raw)) return undefined;
    let currency = this.market.currency;
    const fromColumn = currencyKey ? readCurrency(this.cell(currencyKey)) : undefined;
    if (isBad(fromColumn)) {
      this.warn(currencyKey as string, 'bad-currency', { value: quoteValue(this.cell(currencyKey as string) ?? '') });
      return undefined;
    }
    if (fromColumn) currency = fromColumn;
    else {
      // "EUR 12,99" / "12.99 GBP": a code written in the cell names the currency.
      const code = /(?:^|[^A-Za-z])([A-Z]{3})(?:[^A-Za-z]|$)/.exec(raw);
      if (code?.[1]) currency = code[1];
      else if (this.def.perCellNumbers) currency = currencyOfSymbol(raw, currency) ?? currency;
    }
    const v = readMoney(raw, this.market.numberFormat, currency, this.def.perCellNumbers ? readDecimalByShape : readDecimal);
    if (isBad(v)) {
      this.warn(key, 'bad-number', { value: quoteValue(raw), reason: v.bad });
      return undefined;
    }
    if (v?.swapped) this.noteSwapped(key);
    return v?.money;
  }

  date(key: string): { date: string; instant: number } | undefined {
    const raw = this.cell(key);
    const v = readDate(raw, this.dateContext);
    if (isBad(v)) {
      this.warn(key, 'bad-date', { value: quoteValue(raw ?? ''), reason: v.bad });
      return undefined;
    }
    return v;
  }

  yesNo(key: string): boolean | undefined {
    return readYesNo(this.cell(key));
  }

  ageBuckets(): { minDays: number; maxDays: number | null; units: number }[] | undefined {
    if (this.buckets.length === 0) return undefined;
    const out: { minDays: number; maxDays: number | null; units: number }[] = [];
    for (const b of this.buckets.slice(0, 20)) {
      const raw = this.cells[b.index];
      const units = readQuantity(raw, this.market.numberFormat);
      if (isBad(units)) {
        this.sink.add(problem('warning', 'bad-number', { column: b.header.slice(0, 60), value: quoteValue(raw ?? ''), reason: units.bad }, this.line));
        continue;
      }
      if (units !== undefined) out.push({ minDays: b.minDays, maxDays: b.maxDays, units });
    }
    return out.length > 0 ? out : undefined;
  }

  warn(key: string, code: ProblemCode, params: Record<string, string | number> = {}): void {
    this.sink.add(problem('warning', code, { column: this.header(key), ...params }, this.line));
  }

  reject(code: ProblemCode, params: Record<string, string | number> = {}): undefined {
    if (!this.rejected) {
      this.rejected = true;
      this.sink.add(problem('error', code, params, this.line));
    }
    return undefined;
  }

  skip(code: ProblemCode, params: Record<string, string | number> = {}): undefined {
    this.sink.add(problem('info', code, params, this.line));
    return undefined;
  }

  private noteSwapped(key: string): void {
    if (this.swappedNoted.has(key)) return;
    this.swappedNoted.add(key);
    const column = this.header(key);
    this.sink.add(problem('info', 'number-format', { column, marketplace: this.market.id }, this.line));
  }
}
