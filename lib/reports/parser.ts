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
import type { Diagnostic, Observation, ReadResult } from '../records';
import { implausibility } from '../plausible';
import { chooseAgeBuckets } from './age-buckets';
import { ageBucketOf } from '../locale/age-buckets';
import { createCsvTokenizer, type CsvRecord, type CsvTokenizer } from './csv';
import type { AgeBucketColumn, Draft, ReportDefinition, ReportId, ReportWindow, SequencedDraft, Sequencer } from './definition';
import { detectReport, matchColumns } from './detect';
import { DiagnosticSink, problem, quoteValue } from './diagnostics';
import { reportById } from './registry';
import { createRowChecker, type RowChecker, type SharedValues } from './row-check';
import { RowReaderImpl } from './row-reader';
import { dateInZone, zonedTimeToUtc } from './values';

export interface ReportParseOptions {
  /** Marketplace id from lib/locale/markets.ts ("amazon.de"). */
  marketplace: string;
  /** Reading time: observedAt of rows whose file has no snapshot time. */
  now: Date;
  /** Shown in diagnostics; settles ties in detection ("..._GET_FBA_MYI_..."). */
  fileName?: string;
  /** Skip detection and read the file as this report. */
  reportId?: ReportId;
  /**
   * The calendar days (YYYY-MM-DD, marketplace zone, both included) a file without dates
   * covers: required by Business Reports, whose counts are for a range the seller picked when
   * downloading. Ignored by reports that carry their own dates.
   */
  dateRange?: { from: string; to: string };
  /**
   * SKUs of the seller's known listings by ASIN, for reports whose rows may lack a SKU
   * (Business Reports downloaded without the SKU column): a row is joined to the one SKU its
   * ASIN maps to, never to a guessed one.
   */
  skuByAsin?: ReadonlyMap<string, readonly string[]>;
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
  const run = new ReportRun(options);
  // A plain object over the run, so push and finish still work when passed around detached.
  return {
    get reportId() {
      return run.reportId;
    },
    get progress() {
      return run.progress;
    },
    push: (chunk: string) => run.push(chunk),
    finish: () => run.finish(),
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

/**
 * One file's import: records are handed over by the tokenizer one at a time; until a header
 * is found they are looked at as header candidates, after it they are rows.
 */
class ReportRun {
  private readonly options: ReportParseOptions;
  // A row's problems come after those of the rows read before it, whatever the chunking: the
  // rows waiting for their check (settle) are checked before any problem is noted.
  private readonly sink = new DiagnosticSink(() => this.settle());
  private readonly market: Marketplace | undefined;
  private readonly nowMs: number;
  private readonly tokenizer: CsvTokenizer;
  private readonly isoOf = memoByInstant((instant) => new Date(instant).toISOString());
  private readonly dayOf = memoByInstant((instant) => dateInZone(instant, (this.market as Marketplace).timeZone));

  private failed = false;
  private done = false;
  private def: ReportDefinition | undefined;
  private reader: RowReaderImpl | undefined;
  private sequencer: Sequencer | undefined;
  /** Records before the header row, kept until the header is found or the search gives up. */
  private readonly preamble: CsvRecord[] = [];
  /** Snapshot listings by SKU, kept until finish() because a later row replaces an earlier one. */
  private readonly held = new Map<string, Held>();
  private out: Observation[] = [];
  private accepted = 0;
  private source = '';
  private readonly rowChecker = createRowChecker();
  /** Rows read and not yet checked (settle). */
  private pending: SequencedDraft[] = [];
  private context: { instant: number; marketplace: string | undefined; values: SharedValues } | undefined;

  constructor(options: ReportParseOptions) {
    this.options = options;
    this.market = marketplaceById(options.marketplace);
    this.nowMs = options.now instanceof Date ? options.now.getTime() : NaN;
    this.tokenizer = createCsvTokenizer({ onRecord: (record) => this.handle(record) });
    if (!this.market) {
      const marketplace = String(options.marketplace).slice(0, 40);
      this.fail(problem('error', 'unknown-marketplace', { marketplace }));
    } else if (!Number.isFinite(this.nowMs)) {
      this.fail(problem('error', 'bad-options'));
    }
  }

  get reportId(): ReportId | undefined {
    return this.def?.id;
  }

  get progress(): ReportProgress {
    return { lines: this.tokenizer.linesRead, rows: this.accepted };
  }

  push(chunk: string): ReadResult {
    if (this.done) return { rows: [], diagnostics: [] };
    try {
      if (!this.failed && typeof chunk === 'string') this.tokenizer.push(chunk);
    } catch (error) {
      this.fail(unreadableFile(error));
    }
    this.settle();
    return this.drain();
  }

  finish(): ReadResult & { reportId: ReportId | undefined } {
    if (this.done) return { rows: [], diagnostics: [], reportId: this.def?.id };
    this.done = true;
    try {
      if (!this.failed) this.endInput();
    } catch (error) {
      this.sink.add(unreadableFile(error));
    }
    this.settle();
    for (const h of this.held.values()) this.out.push(h.record);
    this.held.clear();
    for (const s of this.sink.summaries()) this.sink.add(s);
    return { ...this.drain(), reportId: this.def?.id };
  }

  /** Settles what only the end of the file can: the last record, held rows, a missing header. */
  private endInput(): void {
    this.tokenizer.finish();
    for (const p of this.tokenizer.problems) {
      this.sink.add(problem('warning', 'unterminated-quote', {}, p.line));
    }
    if (this.sequencer && this.def) for (const ready of this.sequencer.flush()) this.emit(ready);
    this.settle();
    if (!this.def) this.giveUp();
    else if (this.accepted === 0 && this.held.size === 0) this.sink.add(problem('warning', 'no-rows', { report: this.def.title }));
  }

  private fail(diagnostic: Diagnostic): void {
    this.failed = true;
    this.sink.add(diagnostic);
  }

  private drain(): ReadResult {
    const rows = this.out;
    this.out = [];
    return { rows, diagnostics: this.sink.take() };
  }

  private handle(record: CsvRecord): void {
    if (this.failed) return;
    if (!this.def) {
      this.findHeader(record);
      return;
    }
    const draft = this.readRow(this.def, record);
    if (!draft) return;
    const item = { draft, line: record.line };
    if (this.sequencer) for (const ready of this.sequencer.accept(item)) this.emit(ready);
    else this.emit(item);
  }

  /** Maps one row with the report's definition; undefined when the row yields nothing. */
  private readRow(def: ReportDefinition, record: CsvRecord): Draft | undefined {
    const r = this.reader as RowReaderImpl;
    r.begin(record);
    let draft: Draft | undefined;
    try {
      draft = def.map(r);
    } catch (error) {
      // A definition bug must not lose the whole file: report the row and go on.
      this.sink.add(problem('error', 'internal-error', { detail: String(error).slice(0, 200) }, record.line));
      return undefined;
    }
    if (draft && r.rowMarket !== this.market) draft.marketplace = r.rowMarket.id;
    r.end();
    return draft;
  }

  private findHeader(record: CsvRecord): void {
    if (this.options.reportId !== undefined) {
      this.findForcedHeader(this.options.reportId, record);
      return;
    }
    const detection = detectReport(record.fields, { fileName: this.options.fileName });
    if (detection.reportId) {
      const found = reportById(detection.reportId);
      if (found) this.startReport(found, record);
      return;
    }
    this.preamble.push(record);
    if (this.preamble.length >= HEADER_SEARCH_LIMIT) this.giveUp();
  }

  /** The caller named the report: the header is the first record that names its required columns. */
  private findForcedHeader(reportId: ReportId, record: CsvRecord): void {
    const forced = reportById(reportId);
    if (!forced) {
      this.fail(problem('error', 'unknown-report-id', { reportId: String(reportId).slice(0, 60) }));
      return;
    }
    if (matchColumns(forced, record.fields).missing.length === 0 || this.preamble.length + 1 >= HEADER_SEARCH_LIMIT) {
      this.startReport(forced, record);
    } else {
      this.preamble.push(record);
    }
  }

  /** No header among the first records (or none at all): say why, against the first line. */
  private giveUp(): void {
    if (this.failed || this.def) return;
    const first = this.preamble[0];
    const forced = this.options.reportId !== undefined ? reportById(this.options.reportId) : undefined;
    this.failed = true;
    if (forced && first) {
      this.startReport(forced, first); // reports the missing columns against the first line
      return;
    }
    const detection = detectReport(first?.fields ?? [], { fileName: this.options.fileName });
    for (const d of detection.diagnostics) this.sink.add(first ? { ...d, row: first.line } : d);
    if (!first) this.sink.add(problem('error', 'empty-file'));
  }

  private startReport(found: ReportDefinition, header: CsvRecord): void {
    const m = this.market as Marketplace;
    if (found.platform !== m.platform) {
      this.fail(wrongPlatform(found, m));
      return;
    }
    const match = matchColumns(found, header.fields);
    if (match.missing.length > 0) {
      this.fail(missingColumns(found, match.missing, header.line));
      return;
    }
    let window: ReportWindow | undefined;
    if (found.needsDateRange) {
      const range = reportWindow(found, this.options.dateRange, m, this.nowMs);
      if ('error' in range) {
        this.fail(range.error);
        return;
      }
      window = range;
    }
    const buckets = found.ageBuckets ? ageBucketColumns(header.fields, match.index, this.sink) : [];
    this.def = found;
    this.source = `report:${found.id}`;
    this.reader = new RowReaderImpl(found, match.index, header.fields, buckets, m, this.sink, { window, skuByAsin: this.options.skuByAsin });
    this.sequencer = found.createSequencer?.((d) => this.sink.add(d));
    for (const skipped of this.preamble) {
      this.sink.add(problem('info', 'skipped-line', {}, skipped.line));
    }
    this.preamble.length = 0;
  }

  /** A row is checked with the rows read with it (settle), so a run sharing the file's context is checked by column. */
  private emit(item: SequencedDraft): void {
    this.pending.push(item);
  }

  /** Checks the rows read since the last call, a run of rows with the same context at a time, and keeps those accepted. */
  private settle(): void {
    const items = this.pending;
    if (items.length === 0) return;
    this.pending = [];
    const d = this.def as ReportDefinition;
    for (let start = 0; start < items.length;) {
      const context = this.contextOfItem(d, items[start]!);
      let end = start + 1;
      while (end < items.length && this.contextOfItem(d, items[end]!) === context) end++;
      const run = items.slice(start, end);
      // `snapshotAt` and `marketplace` ride along in the drafts and are stripped by the schema.
      const checked = this.rowChecker.checkRows(
        d.kind,
        context,
        run.map((item) => item.draft as Record<string, unknown>),
      );
      run.forEach((item, i) =>
        this.keep(item, checked ? { success: true, data: checked[i]! } : this.rowChecker.check(d.kind, context, item.draft as Record<string, unknown>)),
      );
      start = end;
    }
  }

  /** A checked row kept, or the problem that refused it reported against its line. */
  private keep(item: SequencedDraft, parsed: ReturnType<RowChecker['check']>): void {
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      this.sink.add(problem('error', 'invalid-record', { issues: issues.slice(0, 200) }, item.line));
      return;
    }
    const record = parsed.data;
    const implausible = implausibility(record, this.dayOf(this.nowMs));
    if (implausible) {
      this.sink.add(problem('error', 'implausible-record', { issue: implausible.slice(0, 200) }, item.line));
      return;
    }
    this.accepted++;
    if ((this.def as ReportDefinition).snapshot && record.kind === 'listing') this.holdLatest(record, item.line);
    else this.out.push(record);
  }

  /** The context a draft is completed with: its reading time, and its own marketplace (a file naming each row's) over the import's, even when undefined. */
  private contextOfItem(d: ReportDefinition, item: SequencedDraft): SharedValues {
    const instant = item.draft.snapshotAt ?? this.nowMs;
    const marketplace = Object.hasOwn(item.draft, 'marketplace') ? item.draft.marketplace : (this.market as Marketplace).id;
    return this.contextOf(d, instant, marketplace);
  }

  /**
   * The fields a row takes from the file: one object while they stay the same (most files have one
   * reading time), so the row checker checks them once (lib/reports/row-check.ts).
   */
  private contextOf(d: ReportDefinition, instant: number, marketplace: string | undefined): SharedValues {
    const last = this.context;
    if (last && last.instant === instant && last.marketplace === marketplace) return last.values;
    const values: Record<string, string> = { platform: d.platform, source: this.source, observedAt: this.isoOf(instant), observedDate: this.dayOf(instant) };
    // An undefined marketplace is left out, so the row's check refuses it as missing.
    if (marketplace !== undefined) values.marketplace = marketplace;
    this.context = { instant, marketplace, values };
    return values;
  }

  /** Snapshot reports keep the last row per SKU; an earlier one is replaced and reported. */
  private holdLatest(record: Observation & { kind: 'listing' }, line: number): void {
    const previous = this.held.get(record.sku);
    if (previous) {
      this.held.delete(record.sku); // re-insert so file order follows the kept (last) row
      this.accepted--;
      this.sink.add(problem('warning', 'duplicate-sku', { sku: quoteValue(record.sku), line, previousLine: previous.line }, line));
    }
    this.held.set(record.sku, { record, line });
  }
}

/**
 * Caches a label per instant: most rows of a file share a few timestamps, and formatting a
 * date (in a time zone especially) per row would dominate big files.
 */
function memoByInstant(format: (instant: number) => string): (instant: number) => string {
  const cache = new Map<number, string>();
  return (instant) => {
    let label = cache.get(instant);
    if (label === undefined) {
      label = format(instant);
      if (cache.size > 10_000) cache.clear();
      cache.set(instant, label);
    }
    return label;
  };
}

/** The age-bucket columns to read ("inv-age-0-to-90-days"), leaving out overlapping old/new sets. */
function ageBucketColumns(headerCells: readonly string[], claimedIndex: Map<string, number>, sink: DiagnosticSink): AgeBucketColumn[] {
  const claimed = new Set(claimedIndex.values());
  const all: AgeBucketColumn[] = [];
  headerCells.forEach((h, index) => {
    if (claimed.has(index)) return;
    const range = ageBucketOf(h);
    if (range) all.push({ index, header: h, ...range });
  });
  const choice = chooseAgeBuckets(all);
  if (choice.dropped.length > 0) {
    sink.add(problem('info', 'age-buckets-overlap', { columns: choice.dropped.join(', ') }));
  }
  return choice.chosen;
}

function wrongPlatform(found: ReportDefinition, m: Marketplace): Diagnostic {
  return problem('error', 'wrong-platform', { platform: found.platform, report: found.title, reportId: found.id, marketplace: m.id });
}

function missingColumns(found: ReportDefinition, missing: readonly string[], line: number): Diagnostic {
  const names = missing.map((k) => found.columns[k]?.[0] ?? k);
  return problem('error', 'missing-column', { report: found.title, reportId: found.id, columns: names.join(', ') }, line);
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a valid ISO calendar day, else undefined. */
function dayNumberOf(value: unknown): number | undefined {
  const m = typeof value === 'string' ? ISO_DAY.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t / DAY_MS : undefined;
}

/** Longest window a record can hold (listingObservationSchema: unitsSold windowDays ≤ 400). */
const MAX_WINDOW_DAYS = 400;

/**
 * The import's date range as a window for a report without dates, or the file-wide error that
 * refuses the file: no range (`missing-date-range`) or one that cannot be right (`bad-date-range`).
 */
function reportWindow(found: ReportDefinition, range: ReportParseOptions['dateRange'], m: Marketplace, nowMs: number): ReportWindow | { error: Diagnostic } {
  if (range === undefined || range === null || (range.from === undefined && range.to === undefined)) {
    return {
      error: problem('error', 'missing-date-range', { reportId: found.id }),
    };
  }
  const from = String(range.from ?? '').slice(0, 40);
  const to = String(range.to ?? '').slice(0, 40);
  const bad = (reason: string, extra: Record<string, string | number> = {}): { error: Diagnostic } => ({
    error: problem('error', 'bad-date-range', { reportId: found.id, from: from || '?', to: to || '?', reason, ...extra }),
  });
  const first = dayNumberOf(range.from);
  const last = dayNumberOf(range.to);
  if (first === undefined || last === undefined) return bad('not-calendar-dates');
  if (first > last) return bad('first-after-last');
  const days = last - first + 1;
  if (days > MAX_WINDOW_DAYS) return bad('too-long', { days, max: MAX_WINDOW_DAYS });
  const today = dateInZone(nowMs, m.timeZone);
  if (to > today) return bad('after-today', { today });
  // Counts cover the whole last day: observed at its end, or now when that day is today.
  const next = new Date((last + 1) * DAY_MS);
  const endOfLastDay = zonedTimeToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, 0, m.timeZone) - 1;
  return { from, to, days, observedAt: Math.min(endOfLastDay, nowMs) };
}

function unreadableFile(error: unknown): Diagnostic {
  return problem('error', 'internal-error', { detail: String(error).slice(0, 200) });
}
