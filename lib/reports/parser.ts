/**
 * The report import engine: text chunks in, validated observations and diagnostics out.
 *
 *   const parser = createReportParser({ marketplace: 'amazon.com', now: new Date() });
 *   for await (const chunk of file.stream().pipeThrough(new TextDecoderStream())) show(parser.push(chunk));
 *   const { rows, diagnostics, reportId } = parser.finish();
 *
 * Work happens in push(), a chunk at a time, so a caller that awaits between chunks (or
 * runs this in a worker) keeps the UI responsive. Order rows come out of push() as they are
 * read. Listing rows of snapshot reports come out of finish(), because a later row for the
 * same SKU replaces an earlier one ("keep the last") and only the end of the file settles that.
 *
 * Guarantees: never throws; every emitted record passed its zod schema; every problem is a
 * diagnostic naming the 1-based physical line the record starts on.
 */
import { marketplaceById, type Marketplace } from '../locale/markets';
import {
  listingObservationSchema,
  orderObservationSchema,
  type Diagnostic,
  type Observation,
  type ReadResult,
} from '../records';
import { ageBucketOf, chooseAgeBuckets } from './age-buckets';
import { createCsvTokenizer, type CsvRecord, type CsvTokenizer } from './csv';
import type { AgeBucketColumn, Draft, ReportDefinition, ReportId, RowReader, SequencedDraft, Sequencer } from './definition';
import { normaliseHeader } from './definition';
import { detectReport, matchColumns } from './detect';
import { DiagnosticSink, quoteValue } from './diagnostics';
import { reportById } from './registry';
import {
  dateInZone,
  isBad,
  isBlankCell,
  readCurrency,
  readDate,
  readDecimal,
  readMoney,
  readQuantity,
  readText,
  readYesNo,
  type DateContext,
} from './values';

export interface ReportParseOptions {
  /** Marketplace id from lib/locale/markets.ts ("amazon.de"). */
  marketplace: string;
  /** Reading time: observedAt of rows whose file has no snapshot time. */
  now: Date;
  /** Shown in diagnostics; settles ties in detection ("..._GET_FBA_MYI_..."). */
  fileName?: string;
  /** Skip detection and read the file as this report. */
  reportId?: ReportId;
}

export interface ReportProgress {
  /** Physical lines consumed so far. */
  lines: number;
  /** Records accepted so far (emitted or held for finish). */
  rows: number;
}

export interface ReportParser {
  /** Feeds a chunk of text; returns the rows and diagnostics it settled. */
  push(chunk: string): ReadResult;
  /** Ends the input; returns the remaining rows and diagnostics. */
  finish(): ReadResult & { reportId: ReportId | undefined };
  readonly reportId: ReportId | undefined;
  readonly progress: ReportProgress;
}

/** Header rows are looked for among the first few records (some exports start with a title line). */
const HEADER_SEARCH_LIMIT = 10;

/** Countries whose slash dates are month first. */
const MONTH_FIRST = new Set(['US', 'CA']);

interface Held {
  record: Observation;
  line: number;
}

/**
 * Creates an incremental parser.
 * @example
 * const p = createReportParser({ marketplace: 'amazon.com', now: new Date('2026-06-29T12:00:00Z') });
 * p.push('sku\tafn-fulfillable-quantity\tmfn-fulfillable-quantity\nA-1\t5\t\n');
 * p.finish().rows[0] // { kind: 'listing', sku: 'A-1', available: 5, fulfillment: 'FBA', ... }
 */
export function createReportParser(options: ReportParseOptions): ReportParser {
  const sink = new DiagnosticSink();
  const market = marketplaceById(options.marketplace);
  const nowMs = options.now instanceof Date ? options.now.getTime() : NaN;
  const tokenizer: CsvTokenizer = createCsvTokenizer({ onRecord: (record) => handle(record) });

  let failed = false;
  let done = false;
  let def: ReportDefinition | undefined;
  let reader: RowReaderImpl | undefined;
  let sequencer: Sequencer | undefined;
  const preamble: CsvRecord[] = [];
  const held = new Map<string, Held>();
  let out: Observation[] = [];
  let accepted = 0;
  let source = '';
  const dayCache = new Map<number, string>();

  if (!market) {
    failed = true;
    sink.add({ level: 'error', code: 'unknown-marketplace', message: `Unknown marketplace "${String(options.marketplace).slice(0, 40)}".`, params: { marketplace: String(options.marketplace).slice(0, 40) } });
  } else if (!Number.isFinite(nowMs)) {
    failed = true;
    sink.add({ level: 'error', code: 'bad-options', message: 'The import time (now) is not a valid date.' });
  }

  const isoCache = new Map<number, string>();
  const isoOf = (instant: number): string => {
    let iso = isoCache.get(instant);
    if (iso === undefined) {
      iso = new Date(instant).toISOString();
      if (isoCache.size > 10_000) isoCache.clear();
      isoCache.set(instant, iso);
    }
    return iso;
  };
  const dayOf = (instant: number): string => {
    let day = dayCache.get(instant);
    if (day === undefined) {
      day = dateInZone(instant, (market as Marketplace).timeZone);
      if (dayCache.size > 10_000) dayCache.clear();
      dayCache.set(instant, day);
    }
    return day;
  };

  function startReport(found: ReportDefinition, header: CsvRecord): void {
    const m = market as Marketplace;
    if (found.platform !== m.platform) {
      failed = true;
      sink.add({
        level: 'error',
        code: 'wrong-platform',
        message: `This file is a ${found.platform} report (${found.title}), but the import is for ${m.id}.`,
        params: { reportId: found.id, marketplace: m.id },
      });
      return;
    }
    const match = matchColumns(found, header.fields);
    if (match.missing.length > 0) {
      failed = true;
      const names = match.missing.map((k) => found.columns[k]?.[0] ?? k);
      sink.add({
        level: 'error',
        code: 'missing-column',
        message: `The ${found.title} file has no ${names.join(', ')} column, so no rows can be read.`,
        params: { reportId: found.id, columns: names.join(', ') },
        row: header.line,
      });
      return;
    }
    let buckets: AgeBucketColumn[] = [];
    if (found.ageBuckets) {
      const claimed = new Set(match.index.values());
      const all: AgeBucketColumn[] = [];
      header.fields.forEach((h, index) => {
        if (claimed.has(index)) return;
        const range = ageBucketOf(normaliseHeader(h));
        if (range) all.push({ index, header: h, ...range });
      });
      const choice = chooseAgeBuckets(all);
      buckets = choice.chosen;
      if (choice.dropped.length > 0) {
        sink.add({
          level: 'info',
          code: 'age-buckets-overlap',
          message: `The file has both old and new age-bucket columns; these overlapping ones were not used: ${choice.dropped.join(', ')}.`,
          params: { columns: choice.dropped.join(', ') },
        });
      }
    }
    def = found;
    source = `report:${found.id}`;
    reader = new RowReaderImpl(found, match.index, header.fields, buckets, m, sink);
    sequencer = found.createSequencer?.((d) => sink.add(d));
    for (const skipped of preamble) {
      sink.add({ level: 'info', code: 'skipped-line', message: 'A line before the header row was skipped.', row: skipped.line });
    }
    preamble.length = 0;
  }

  function findHeader(record: CsvRecord): void {
    if (options.reportId !== undefined) {
      const forced = reportById(options.reportId);
      if (!forced) {
        failed = true;
        sink.add({ level: 'error', code: 'unknown-report', message: `Unknown report id "${String(options.reportId).slice(0, 60)}".` });
        return;
      }
      // Forced: the header is the first record that names the required columns.
      if (matchColumns(forced, record.fields).missing.length === 0 || preamble.length + 1 >= HEADER_SEARCH_LIMIT) {
        startReport(forced, record);
      } else {
        preamble.push(record);
      }
      return;
    }
    const detection = detectReport(record.fields, { fileName: options.fileName });
    if (detection.reportId) {
      const found = reportById(detection.reportId);
      if (found) startReport(found, record);
      return;
    }
    preamble.push(record);
    if (preamble.length >= HEADER_SEARCH_LIMIT) giveUp();
  }

  function giveUp(): void {
    if (failed || def) return;
    const first = preamble[0];
    const forced = options.reportId !== undefined ? reportById(options.reportId) : undefined;
    failed = true;
    if (forced && first) {
      startReport(forced, first); // reports the missing columns against the first line
      return;
    }
    const detection = detectReport(first?.fields ?? [], { fileName: options.fileName });
    for (const d of detection.diagnostics) sink.add(first ? { ...d, row: first.line } : d);
    if (!first) sink.add({ level: 'error', code: 'empty-file', message: 'The file has no rows.' });
  }

  function emit(item: SequencedDraft): void {
    const d = def as ReportDefinition;
    const m = market as Marketplace;
    const instant = item.draft.snapshotAt ?? nowMs;
    // Object.assign, not rest/spread or a key loop: this runs once per row. `snapshotAt` rides
    // along and is stripped by the schema (z.object drops unknown keys).
    const candidate = Object.assign(
      { kind: d.kind, platform: d.platform, marketplace: m.id, source, observedAt: isoOf(instant), observedDate: dayOf(instant) },
      item.draft,
    );
    const parsed = d.kind === 'listing' ? listingObservationSchema.safeParse(candidate) : orderObservationSchema.safeParse(candidate);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      sink.add({ level: 'error', code: 'invalid-record', message: `The row could not be read: ${issues}`.slice(0, 500), row: item.line, params: { issues: issues.slice(0, 200) } });
      return;
    }
    const record = parsed.data as Observation;
    accepted++;
    if (d.snapshot && record.kind === 'listing') {
      const previous = held.get(record.sku);
      if (previous) {
        held.delete(record.sku); // re-insert so file order follows the kept (last) row
        accepted--;
        sink.add({
          level: 'warning',
          code: 'duplicate-sku',
          message: `SKU "${quoteValue(record.sku)}" appears again; line ${item.line} replaces line ${previous.line}.`,
          params: { sku: record.sku.slice(0, 200), previousLine: previous.line },
          row: item.line,
        });
      }
      held.set(record.sku, { record, line: item.line });
    } else {
      out.push(record);
    }
  }

  function handle(record: CsvRecord): void {
    if (failed) return;
    if (!def) {
      findHeader(record);
      return;
    }
    const r = reader as RowReaderImpl;
    r.begin(record);
    let draft: Draft | undefined;
    try {
      draft = def.map(r);
    } catch (error) {
      // A definition bug must not lose the whole file: report the row and go on.
      sink.add({ level: 'error', code: 'internal-error', message: `Line could not be read (${String(error).slice(0, 200)}).`, row: record.line });
      return;
    }
    r.end();
    if (!draft) return;
    const item = { draft, line: record.line };
    if (sequencer) for (const ready of sequencer.accept(item)) emit(ready);
    else emit(item);
  }

  function drain(): ReadResult {
    const rows = out;
    out = [];
    return { rows, diagnostics: sink.take() };
  }

  return {
    get reportId() {
      return def?.id;
    },
    get progress() {
      return { lines: tokenizer.linesRead, rows: accepted };
    },
    push(chunk: string): ReadResult {
      if (done) return { rows: [], diagnostics: [] };
      try {
        if (!failed && typeof chunk === 'string') tokenizer.push(chunk);
      } catch (error) {
        failed = true;
        sink.add({ level: 'error', code: 'internal-error', message: `The file could not be read (${String(error).slice(0, 200)}).` });
      }
      return drain();
    },
    finish() {
      if (done) return { rows: [], diagnostics: [], reportId: def?.id };
      done = true;
      try {
        if (!failed) {
          tokenizer.finish();
          for (const p of tokenizer.problems) {
            sink.add({ level: 'warning', code: 'unterminated-quote', message: 'A quote opened on this line never closed; the quote was read as a plain character.', row: p.line });
          }
          if (sequencer && def) for (const ready of sequencer.flush()) emit(ready);
          if (!def) giveUp();
          else if (accepted === 0 && held.size === 0) sink.add({ level: 'warning', code: 'no-rows', message: `The ${def.title} file has a header but no readable rows.` });
        }
      } catch (error) {
        sink.add({ level: 'error', code: 'internal-error', message: `The file could not be read (${String(error).slice(0, 200)}).` });
      }
      for (const h of held.values()) out.push(h.record);
      held.clear();
      for (const s of sink.summaries()) sink.add(s);
      return { ...drain(), reportId: def?.id };
    },
  };
}

/**
 * Parses a whole file at once.
 * @example parseReport(text, { marketplace: 'ebay.com', now: new Date() }).reportId // 'ebay/active-listings'
 */
export function parseReport(text: string, options: ReportParseOptions): ReadResult & { reportId: ReportId | undefined } {
  const parser = createReportParser(options);
  const first = parser.push(text);
  const last = parser.finish();
  return { rows: [...first.rows, ...last.rows], diagnostics: [...first.diagnostics, ...last.diagnostics], reportId: last.reportId };
}

// ---------------------------------------------------------------------------------------

/** One reader reused for every row of a file (allocation per row would dominate big files). */
class RowReaderImpl implements RowReader<string> {
  line = 0;
  private cells: string[] = [];
  private rejected = false;
  private readonly dateContext: DateContext;
  private readonly swappedNoted = new Set<string>();

  constructor(
    private readonly def: ReportDefinition,
    private readonly index: Map<string, number>,
    private readonly headerCells: readonly string[],
    private readonly buckets: AgeBucketColumn[],
    readonly market: Marketplace,
    private readonly sink: DiagnosticSink,
  ) {
    this.dateContext = { timeZone: market.timeZone, monthFirst: MONTH_FIRST.has(market.country) };
  }

  begin(record: CsvRecord): void {
    this.cells = record.fields;
    this.line = record.line;
    this.rejected = false;
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
    const v = readQuantity(raw, this.market.numberFormat);
    if (isBad(v)) {
      this.warn(key, 'bad-number', `${v.bad}: "${quoteValue(raw ?? '')}"`);
      return undefined;
    }
    return v;
  }

  decimal(key: string): number | undefined {
    const raw = this.cell(key);
    const v = readDecimal(raw, this.market.numberFormat);
    if (v === undefined) return undefined;
    if (isBad(v)) {
      this.warn(key, 'bad-number', `${v.bad}: "${quoteValue(raw ?? '')}"`);
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
      this.warn(currencyKey as string, 'bad-currency', `"${quoteValue(this.cell(currencyKey as string) ?? '')}" is not a currency code, so the amount is left out`);
      return undefined;
    }
    if (fromColumn) currency = fromColumn;
    else {
      // "EUR 12,99" / "12.99 GBP": a code written in the cell names the currency.
      const code = /(?:^|[^A-Za-z])([A-Z]{3})(?:[^A-Za-z]|$)/.exec(raw);
      if (code?.[1]) currency = code[1];
    }
    const v = readMoney(raw, this.market.numberFormat, currency);
    if (isBad(v)) {
      this.warn(key, 'bad-number', `${v.bad}: "${quoteValue(raw)}"`);
      return undefined;
    }
    if (v?.swapped) this.noteSwapped(key);
    return v?.money;
  }

  date(key: string): { date: string; instant: number } | undefined {
    const raw = this.cell(key);
    const v = readDate(raw, this.dateContext);
    if (isBad(v)) {
      this.warn(key, 'bad-date', `${v.bad}: "${quoteValue(raw ?? '')}"`);
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
        this.sink.add({ level: 'warning', code: 'bad-number', message: `Column "${b.header.slice(0, 60)}": ${units.bad}: "${quoteValue(raw ?? '')}"`, row: this.line, params: { column: b.header.slice(0, 60) } });
        continue;
      }
      if (units !== undefined) out.push({ minDays: b.minDays, maxDays: b.maxDays, units });
    }
    return out.length > 0 ? out : undefined;
  }

  warn(key: string, code: string, message: string): void {
    const column = this.header(key);
    this.sink.add({ level: 'warning', code, message: `Column "${column}": ${message}; the value was left out.`, row: this.line, params: { column } });
  }

  reject(code: string, message: string): undefined {
    if (!this.rejected) {
      this.rejected = true;
      this.sink.add({ level: 'error', code, message: `Line skipped: ${message}.`, row: this.line });
    }
    return undefined;
  }

  skip(code: string, message: string): undefined {
    this.sink.add({ level: 'info', code, message, row: this.line });
    return undefined;
  }

  private noteSwapped(key: string): void {
    if (this.swappedNoted.has(key)) return;
    this.swappedNoted.add(key);
    const column = this.header(key);
    this.sink.add({
      level: 'info',
      code: 'number-format',
      message: `Column "${column}" writes decimals with the other separator than ${this.market.id} usually does ("12.99" vs "12,99"); read accordingly.`,
      params: { column },
      row: this.line,
    });
  }
}
