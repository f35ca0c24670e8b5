/**
 * Report file import: Amazon, Walmart and eBay report downloads -> observations.
 * @example parseReport(text, { marketplace: 'amazon.com', now: new Date() }) // { rows, diagnostics, reportId }
 */
export { createReportParser, parseReport, type ReportParseOptions, type ReportParser, type ReportProgress } from './parser';
export { detectReport, type Detection } from './detect';
export { REPORT_IDS, type ReportId } from './definition';
export { REPORTS, reportById } from './registry';
export { createCsvTokenizer, detectDelimiter, toDelimited, tokenizeDelimited, type CsvRecord, type Delimiter } from './csv';
export { problemText, type ProblemCode } from './diagnostics';
