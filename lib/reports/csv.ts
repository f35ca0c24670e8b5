/**
 * An incremental tokenizer for the delimited text that seller sites export: Amazon's
 * tab-separated flat files, Walmart's and eBay's comma-separated files, and the
 * semicolon files Excel writes in German locales. Text arrives in chunks (a File stream),
 * so every piece of state survives a chunk boundary, including a quoted field cut in two
 * and a CRLF cut between its CR and LF.
 *
 * Line endings are normalised: CRLF and a lone CR both count as one physical line break,
 * and inside quoted fields they become "\n". Each record carries the 1-based physical line
 * it starts on, because that is what a seller sees in a text editor and what diagnostics cite.
 */

export type Delimiter = '\t' | ',' | ';';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line the record starts on. */
  line: number;
}

interface CsvProblem {
  code: 'unterminated-quote';
  line: number;
}

export interface CsvTokenizer {
  /** Feeds a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[];
  /** Ends the input; returns the last record, if any. */
  finish(): CsvRecord[];
  /** The delimiter in use, once the first line has been seen. */
  readonly delimiter: Delimiter | undefined;
  /** Problems met so far (an unterminated quote is read again as plain text). */
  readonly problems: readonly CsvProblem[];
  /** Physical lines completed so far (progress reporting). */
  readonly linesRead: number;
}

const QUOTE = 34; // "
const LF = 10;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just saw a quote inside a quoted field: either an escaped quote or the closing one. */
  QuoteInQuoted,
}

/**
 * Picks the delimiter from a header line: the one that occurs most often outside quotes,
 * tab winning ties (Amazon headers contain no tabs except as separators).
 * @example detectDelimiter('sku\tasin\tprice') // '\t'
 * @example detectDelimiter('"Item number","Title"') // ','
 */
export function detectDelimiter(headerLine: string): Delimiter {
  let tabs = 0;
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\t') tabs++;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
  }
  if (tabs > 0 && tabs >= commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  if (commas > 0) return ',';
  return '\t';
}

/** Lines looked at for a delimiter before settling on tab (title lines like `""` come first in some exports). */
const DELIMITER_SEARCH_LINES = 10;

/**
 * The first complete line that contains a tab, comma or semicolon; undefined while more text
 * may still bring one. Gives up (returning the first line) after a few lines or at the end.
 * @example firstLineWithDelimiter('""\nSales Record Number,Order Number\n', false) // 'Sales Record Number,Order Number'
 */
function firstLineWithDelimiter(head: string, atEnd: boolean): string | undefined {
  const candidates: string[] = [];
  let from = 0;
  while (candidates.length < DELIMITER_SEARCH_LINES) {
    const eol = head.indexOf('\n', from);
    if (eol === -1 && !atEnd) break;
    const line = head.slice(from, eol === -1 ? undefined : eol);
    if (/[\t,;]/.test(line)) return line;
    if (line.trim() !== '') candidates.push(line);
    if (eol === -1) break;
    from = eol + 1;
  }
  if (atEnd || candidates.length >= DELIMITER_SEARCH_LINES || head.length > 1 << 20) return candidates[0] ?? '';
  return undefined;
}

/**
 * Creates a tokenizer. Pass `delimiter` to skip detection.
 *
 * Kept as one function on purpose (a kernel, exempt from the 80-line rule): it is a single
 * state machine whose state (the current field, the record so far, the line counters, a CR
 * left over from the last chunk) lives in local variables of this closure. scan() runs per
 * character of every file, and local closure variables are the fastest state V8 offers
 * there; moving the helpers out would mean passing that state around as an object (a
 * property load and store per character) and would scatter one state machine over several
 * places, where reading it whole is what makes the chunk-boundary cases checkable.
 * @example
 * const t = createCsvTokenizer();
 * [...t.push('a,"b\n'), ...t.push('c",d\n'), ...t.finish()] // [{ fields: ['a', 'b\nc', 'd'], line: 1 }]
 */
export function createCsvTokenizer(
  options: {
    delimiter?: Delimiter;
    /**
     * Receives each record as soon as it is complete, instead of push() collecting them: a
     * 100,000-record chunk then never sits in memory at once (less garbage-collector work).
     */
    onRecord?: (record: CsvRecord) => void;
  } = {},
): CsvTokenizer {
  const onRecord = options.onRecord;
  let delimiter: Delimiter | undefined = options.delimiter;
  let delimiterCode = delimiter ? delimiter.charCodeAt(0) : -1;
  /** Text held back until the delimiter is known (the first non-blank line). */
  let pendingHead = '';
  let sawFirstChunk = false;
  /** A chunk ended in CR: the next chunk's leading LF belongs to it. */
  let pendingCR = false;

  let state = State.FieldStart;
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let quoteStartLine = 1;
  let finished = false;
  /** The record so far contains a quoted field, so `""` alone is a value, not a blank line. */
  let recordHadQuote = false;
  const problems: CsvProblem[] = [];
  let out: CsvRecord[] = [];

  function endField(): void {
    fields.push(field);
    field = '';
    state = State.FieldStart;
  }

  function endRecord(): void {
    fields.push(field);
    field = '';
    state = State.FieldStart;
    // A blank line is a spacer, not a record with one empty field.
    if (recordHadQuote || !(fields.length === 1 && fields[0] === '')) {
      const record = { fields, line: recordLine };
      if (onRecord) onRecord(record);
      else out.push(record);
    }
    fields = [];
    recordHadQuote = false;
    line++;
    recordLine = line;
  }

  function countLines(s: string): number {
    let n = 0;
    let i = s.indexOf('\n');
    while (i !== -1) {
      n++;
      i = s.indexOf('\n', i + 1);
    }
    return n;
  }

  /** Runs the state machine over text whose line endings are already "\n". */
  function scan(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      switch (state) {
        case State.FieldStart: {
          if (s.charCodeAt(i) === QUOTE) {
            state = State.Quoted;
            quoteStartLine = line;
            recordHadQuote = true;
            i++;
          } else {
            state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = s.charCodeAt(j);
            if (c === delimiterCode || c === LF) break;
            j++;
          }
          field += j > i ? s.slice(i, j) : '';
          if (j === n) return;
          if (c === LF) endRecord();
          else endField();
          i = j + 1;
          break;
        }
        case State.Quoted: {
          const j = s.indexOf('"', i);
          if (j === -1) {
            const rest = s.slice(i);
            field += rest;
            line += countLines(rest);
            return;
          }
          const part = s.slice(i, j);
          field += part;
          line += countLines(part);
          state = State.QuoteInQuoted;
          i = j + 1;
          break;
        }
        case State.QuoteInQuoted: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            field += '"';
            state = State.Quoted;
            i++;
          } else if (c === delimiterCode) {
            endField();
            i++;
          } else if (c === LF) {
            endRecord();
            i++;
          } else {
            // Text after a closing quote (`"12" ruler`): the quotes were part of the value,
            // as in Amazon's unquoted TSV titles. Keep them literally.
            field = `"${field}"`;
            state = State.Unquoted;
          }
          break;
        }
      }
    }
  }

  function normalise(chunk: string): string {
    let s = chunk;
    if (pendingCR) {
      pendingCR = false;
      if (s.startsWith('\n')) s = s.slice(1);
    }
    if (s.endsWith('\r')) {
      pendingCR = true;
      s = s.slice(0, -1) + '\n';
    }
    return s.indexOf('\r') === -1 ? s : s.replace(/\r\n?/g, '\n');
  }

  function feed(s: string): void {
    if (delimiter === undefined) {
      pendingHead += s;
      const line = firstLineWithDelimiter(pendingHead, finished);
      if (line === undefined) return;
      delimiter = detectDelimiter(line);
      delimiterCode = delimiter.charCodeAt(0);
      s = pendingHead;
      pendingHead = '';
    }
    scan(s);
  }

  function take(): CsvRecord[] {
    const records = out;
    out = [];
    return records;
  }

  return {
    get delimiter() {
      return delimiter;
    },
    get problems() {
      return problems;
    },
    get linesRead() {
      return line - 1;
    },
    push(chunk: string): CsvRecord[] {
      if (finished) return [];
      let s = chunk;
      if (!sawFirstChunk && s.length > 0) {
        sawFirstChunk = true;
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      }
      feed(normalise(s));
      return take();
    },
    finish(): CsvRecord[] {
      if (finished) return [];
      finished = true;
      pendingCR = false;
      if (delimiter === undefined) feed('');
      if (state === State.Quoted || state === State.QuoteInQuoted) {
        if (state === State.Quoted) {
          // An opening quote that never closed swallowed the rest of the file. Read that
          // text again with the quote as a plain character, so the rows after it survive.
          problems.push({ code: 'unterminated-quote', line: quoteStartLine });
          const swallowed = `"${field}`;
          field = '';
          line = quoteStartLine;
          state = State.Unquoted;
          scan(swallowed);
        }
      }
      if (state !== State.FieldStart || fields.length > 0 || field !== '') {
        if (state === State.QuoteInQuoted) state = State.FieldStart;
        endRecord();
      }
      return take();
    },
  };
}

/**
 * Splits a whole text into records (convenience over the tokenizer).
 * @example tokenizeDelimited('a\tb\n1\t2\n').map((r) => r.fields) // [['a', 'b'], ['1', '2']]
 */
export function tokenizeDelimited(text: string, options: { delimiter?: Delimiter } = {}): CsvRecord[] {
  const t = createCsvTokenizer(options);
  return [...t.push(text), ...t.finish()];
}

/**
 * Writes records as delimited text, quoting only fields that need it (used by fixtures,
 * the bench and round-trip tests).
 * @example toDelimited([['a', 'b,c'], ['1', 'say "hi"']], ',') // 'a,"b,c"\n1,"say ""hi"""\n'
 */
export function toDelimited(rows: readonly (readonly string[])[], delimiter: Delimiter, eol = '\n'): string {
  const needsQuote = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter}]|^$`);
  const parts: string[] = [];
  for (const row of rows) {
    const cells = row.map((cell) => (needsQuote.test(cell) && !(cell === '' && row.length > 1) ? `"${cell.replace(/"/g, '""')}"` : cell));
    // `needsQuote` matches '' so that a lone empty field is written `""`, not a blank line.
    parts.push(cells.join(delimiter) + eol);
  }
  return parts.join('');
}
